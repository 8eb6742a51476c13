// AUTH_SECRET signs session tokens. Production must set it; a local run keeps a generated one
// in the data directory so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export async function resolveAuthSecret(options: {
  authSecret: string | undefined;
  production: boolean;
  dataDir: string;
}): Promise<string> {
  if (options.authSecret) return options.authSecret;
  if (options.production) {
    throw new Error("AUTH_SECRET is required in production: set it to 32 or more random characters.");
  }
  const file = path.join(options.dataDir, "auth-secret");
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing.length >= 32) return existing;
  const secret = randomBytes(32).toString("base64url");
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
