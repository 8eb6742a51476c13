// The programs a benchmark runs (wrk, the bulk seed, helper servers): run to completion for their
// output, or kept track of while they serve, so that a benchmark that stops early kills them all.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const TSX = path.resolve(import.meta.dirname, "../../node_modules/tsx/dist/cli.mjs");

const children = new Set<ChildProcess>();

/** Keeps track of `child` until it exits. */
export function track(child: ChildProcess): void {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

/** Runs a command to completion, collecting its output; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    track(child);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(`${path.basename(command)} ${args.join(" ")} failed (${code ?? signal}):\n${output}`),
        );
    });
  });
}

/** SIGKILL to every program still running. */
export function killAll(): void {
  for (const child of children) child.kill("SIGKILL");
}

/**
 * Runs `cleanup` and exits when the benchmark passes `deadlineMs` (status 1) or is interrupted
 * (130). Returns the seconds since this call, for the progress lines.
 */
export function guardRun(cleanup: () => Promise<void>, deadlineMs: number): () => string {
  const started = Date.now();
  const watchdog = setTimeout(() => {
    console.error(`The benchmark ran past ${deadlineMs / 1000} s; stopping.`);
    void cleanup().finally(() => process.exit(1));
  }, deadlineMs);
  watchdog.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  return () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
}
