// Storage in a bucket of S3 or an S3-compatible service (MEDIA_STORAGE=s3: MinIO, Cloudflare R2,
// …), so every instance reads the same files without holding them in the database. One object
// per key, under an optional prefix; `put` stores the content type and the SHA-256 with the
// object. Reads stream the object's body as the client takes it, so serving a large file never
// holds it whole, and check it against that SHA-256 as it passes: S3 replaces an object in one
// step, but not every S3-compatible server does, so a reader whose object changed (or was
// damaged) under it fails at the end rather than passing on a mix, as with PostgreSQL.
import { createHash } from "node:crypto";
import type { S3Client } from "@aws-sdk/client-s3";
import type { Env } from "@/lib/platform/env";
import {
  assertContentTypeOf,
  assertValidStorageKey,
  contentTypeOf,
  isValidStorageKey,
  type Storage,
  type StoredObject,
  type StoredStream,
} from "./storage";

export interface S3Settings {
  /** The service's endpoint; undefined for AWS S3, which the SDK finds from the region. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Undefined: the AWS SDK's own credential chain (AWS_* variables, an instance role, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle: boolean;
  /** Prepended to every key: "" or folder names ending in "/". */
  prefix: string;
}

/** The S3 settings of the environment; throws, naming the setting, when the bucket is missing. */
export function s3SettingsOf(env: Env): S3Settings {
  if (env.S3_BUCKET === undefined) {
    throw new Error("S3_BUCKET is required to use S3 storage: the bucket that keeps media and evidence");
  }
  return {
    endpoint: env.S3_URL,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    credentials:
      env.S3_ACCESS_KEY_ID !== undefined && env.S3_SECRET_ACCESS_KEY !== undefined
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    prefix: env.S3_PREFIX === undefined ? "" : env.S3_PREFIX.replace(/\/?$/, "/"),
  };
}

/** The user metadata (x-amz-meta-sha256) that keeps the SHA-256 of an object's bytes. */
const SHA256_METADATA = "sha256";

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

class ObjectMismatchError extends Error {
  constructor(key: string) {
    super(`Stored object ${key} does not match its SHA-256: it changed while it was read, or is damaged`);
  }
}

/** Passes bytes on unchanged and fails at the end unless they were `byteSize` bytes of `sha256`. */
function checkedAgainst(
  key: string,
  byteSize: number,
  sha256: string,
): TransformStream<Uint8Array, Uint8Array> {
  const hash = createHash("sha256");
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      hash.update(chunk);
      seen += chunk.length;
      controller.enqueue(chunk);
    },
    flush(controller) {
      if (seen !== byteSize || hash.digest("hex") !== sha256) controller.error(new ObjectMismatchError(key));
    },
  });
}

type Sdk = typeof import("@aws-sdk/client-s3");

// Loaded when a bucket is first used, not with this module: every server process imports the
// storage index, most sites never use S3, and the SDK is some 20 MB of resident memory.
let sdk: Promise<Sdk> | undefined;
const loadSdk = () => (sdk ??= import("@aws-sdk/client-s3"));

export class S3Storage implements Storage {
  readonly name = "s3";
  readonly bucket: string;
  readonly prefix: string;
  private readonly settings: S3Settings;
  private connection: Promise<{ sdk: Sdk; client: S3Client }> | undefined;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.prefix = settings.prefix;
    this.settings = settings;
  }

  private connect(): Promise<{ sdk: Sdk; client: S3Client }> {
    const settings = this.settings;
    return (this.connection ??= loadSdk().then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: settings.endpoint,
        region: settings.region,
        credentials: settings.credentials,
        forcePathStyle: settings.forcePathStyle,
        // Checksums only where S3 requires one: S3-compatible services do not all accept the
        // SDK's default trailing checksums. Copies are verified by SHA-256 (copy-between.ts).
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        // A wrong endpoint fails in seconds rather than after the system's TCP timeout.
        requestHandler: { connectionTimeout: 10_000 },
      }),
    })));
  }

  private objectKey(key: string): string {
    assertValidStorageKey(key);
    return this.prefix + key;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const objectKey = this.objectKey(key);
    assertContentTypeOf(key, contentType);
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.length,
        Metadata: { [SHA256_METADATA]: sha256Of(bytes) },
      }),
    );
  }

  /**
   * The object's response, or null when the bucket holds no such key. Only NoSuchKey means
   * missing: a missing bucket or refused credentials are errors, not a site without images.
   */
  private async getObject(key: string) {
    const objectKey = this.objectKey(key);
    // As on the local disk, a key of a type storage does not keep was never put here.
    if (!contentTypeOf(key)) return null;
    const { sdk, client } = await this.connect();
    try {
      return await client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error) {
      if (error instanceof sdk.NoSuchKey) return null;
      throw error;
    }
  }

  // The content type is the key's, as `put` required it to be: an object placed in the bucket by
  // other means (with another type) is still served as what its key says.
  async get(key: string): Promise<StoredObject | null> {
    const object = await this.getObject(key);
    if (!object?.Body) return null;
    const bytes = await object.Body.transformToByteArray();
    const expected = object.Metadata?.[SHA256_METADATA];
    if (expected !== undefined && sha256Of(bytes) !== expected) throw new ObjectMismatchError(key);
    return { bytes, contentType: contentTypeOf(key)! };
  }

  async open(key: string): Promise<StoredStream | null> {
    const object = await this.getObject(key);
    if (!object?.Body) return null;
    const body = object.Body.transformToWebStream();
    if (object.ContentLength === undefined) {
      await body.cancel();
      throw new Error(`S3 answered ${key} without its length`);
    }
    const byteSize = object.ContentLength;
    const expected = object.Metadata?.[SHA256_METADATA];
    // Cancelling the stream (a HEAD request, a client that went away) closes the connection.
    // An object put by other means carries no SHA-256: its bytes pass as S3 sends them.
    const stream = expected === undefined ? body : body.pipeThrough(checkedAgainst(key, byteSize, expected));
    return { stream, contentType: contentTypeOf(key)!, byteSize };
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    const { sdk, client } = await this.connect();
    // S3 answers a deletion of a missing key as a success.
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
  }

  async *keys(): AsyncIterable<string> {
    const { sdk, client } = await this.connect();
    // Listed a page (up to 1000 keys) at a time.
    const pages = sdk.paginateListObjectsV2({ client }, { Bucket: this.bucket, Prefix: this.prefix });
    for await (const page of pages) {
      for (const { Key } of page.Contents ?? []) {
        const key = Key?.slice(this.prefix.length);
        // Anything else in the bucket (another prefix's folders, foreign objects) is not ours.
        if (key !== undefined && isValidStorageKey(key) && contentTypeOf(key)) yield key;
      }
    }
  }

  /** Closes the client's connections (for a command that ends when its work is done). */
  destroy(): void {
    void this.connection?.then(({ client }) => client.destroy());
  }
}
