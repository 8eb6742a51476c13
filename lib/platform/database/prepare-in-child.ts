// prepareDatabase (migrations, then demo content when empty) in a child process of its own, so
// the server keeps none of the memory those steps need (see scripts/db-prepare.ts).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import type { PrepareResult } from "./prepare";

export function prepareDatabaseInChild(databaseUrl: string): Promise<PrepareResult> {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  // Server code runs there (the seed stores images through the media storage), so it resolves
  // packages as the server does: "server-only" is then the empty module it is on the server.
  const script = path.join(process.cwd(), "scripts/db-prepare.ts");
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", script], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0)
        return reject(new Error(stderr.trim() || `Preparing the database failed (exit ${code}).`));
      const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as PrepareResult;
      resolve(result);
    });
  });
}
