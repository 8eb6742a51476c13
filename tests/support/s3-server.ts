// A real S3-compatible server for storage tests: s3rver on a free loopback port, in a process of
// its own (s3rver-process.ts says why), keeping its objects in a temporary folder that close()
// removes. It knows one access key (S3RVER) and refuses requests that name another; it does not
// check signatures.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { S3Settings } from "@/lib/platform/storage/s3";

export interface TestS3Server {
  /** The endpoint, as S3_URL would give it. */
  url: string;
  /** The file in which the server keeps the bytes of `objectKey` (to damage one on purpose). */
  objectFile(bucket: string, objectKey: string): string;
  /** Settings for a storage on `bucket` (one of the buckets the server was started with). */
  settings(bucket: string, prefix?: string): S3Settings;
  close(): Promise<void>;
}

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export async function startS3Server(buckets: string[]): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "crosscurrent-s3-"));
  const child = spawn(
    process.execPath,
    [
      "--openssl-legacy-provider",
      "--import",
      "tsx",
      path.resolve(import.meta.dirname, "s3rver-process.ts"),
      directory,
      ...buckets,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = once(child, "exit");
  const port = await Promise.race([
    (async () => {
      for await (const line of createInterface({ input: child.stdout })) {
        return (JSON.parse(line) as { port: number }).port;
      }
      throw new Error("s3rver ended before it listened");
    })(),
    exited.then(([code]) => {
      throw new Error(`s3rver exited with ${String(code)} before it listened`);
    }),
  ]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    objectFile: (bucket, objectKey) => path.join(directory, bucket, `${objectKey}._S3rver_object`),
    settings: (bucket, prefix = "") => ({
      endpoint: url,
      bucket,
      region: "us-east-1",
      credentials: S3RVER_CREDENTIALS,
      forcePathStyle: true,
      prefix,
    }),
    async close() {
      child.stdin.end();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
