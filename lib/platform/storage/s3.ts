// Storage in a bucket of S3 or an S3-compatible service (MEDIA_STORAGE=s3: MinIO, Cloudflare R2,
// …), so every instance reads the same files without holding them in the database. One object
// per key, under an optional prefix; `put` stores the content type with the object. Reads stream
// the object's body as the client takes it, so serving a large file never holds it whole.
// S3 replaces an object in one step, so a reader gets either the old bytes or the new.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
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

export class S3Storage implements Storage {
  readonly name = "s3";
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.prefix = settings.prefix;
    this.client = new S3Client({
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
    });
  }

  private objectKey(key: string): string {
    assertValidStorageKey(key);
    return this.prefix + key;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const objectKey = this.objectKey(key);
    assertContentTypeOf(key, contentType);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.length,
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
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  // The content type is the key's, as `put` required it to be: an object placed in the bucket by
  // other means (with another type) is still served as what its key says.
  async get(key: string): Promise<StoredObject | null> {
    const object = await this.getObject(key);
    if (!object?.Body) return null;
    return { bytes: await object.Body.transformToByteArray(), contentType: contentTypeOf(key)! };
  }

  async open(key: string): Promise<StoredStream | null> {
    const object = await this.getObject(key);
    if (!object?.Body) return null;
    if (object.ContentLength === undefined) {
      await object.Body.transformToWebStream().cancel();
      throw new Error(`S3 answered ${key} without its length`);
    }
    // Cancelling this stream (a HEAD request, a client that went away) closes the connection.
    return {
      stream: object.Body.transformToWebStream(),
      contentType: contentTypeOf(key)!,
      byteSize: object.ContentLength,
    };
  }

  async delete(key: string): Promise<void> {
    // S3 answers a deletion of a missing key as a success.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *keys(): AsyncIterable<string> {
    // Listed a page (up to 1000 keys) at a time.
    const pages = paginateListObjectsV2(
      { client: this.client },
      { Bucket: this.bucket, Prefix: this.prefix },
    );
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
    this.client.destroy();
  }
}
