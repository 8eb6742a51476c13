// Starts the real app as `npm start` starts it (the launcher `npm run build` bundled, with the
// same Node options, on the production build) for end-to-end tests and benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { launcherDir } from "@/lib/platform/server/build-dir";

export interface AppServer {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * The command `npm start` runs (package.json): its environment settings (NAME=value before the
 * program) and Node's arguments, with this build's launcher.
 */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  const [program, ...args] = words;
  if (program !== "node") throw new Error(`npm start runs ${program}; these tests expect node.`);
  return {
    env,
    args: args.map((arg) =>
      arg.endsWith("launcher/serve.mjs") ? path.join(launcherDir(), "serve.mjs") : arg,
    ),
  };
}

/**
 * Runs the app as `npm start` does, with `env`, and waits until /api/health answers 200. On a
 * free port, or on `port` (an instance restarted where a load balancer expects it). `nodeArgs` go
 * to Node before the others (e.g. --cpu-prof, which NODE_OPTIONS may not carry). With
 * `outputFile`, the server writes its output (the access log among it) straight to that file, so
 * that a benchmark's own process spends nothing reading it while it measures the server.
 */
export async function startAppServer(
  env: Record<string, string | undefined>,
  options: { port?: number; nodeArgs?: string[]; outputFile?: string } = {},
): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const command = startCommand();
  const { outputFile } = options;
  const outputFd = outputFile === undefined ? null : openSync(outputFile, "w");
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...command.args], {
    env: {
      ...process.env,
      ...command.env,
      NODE_ENV: "production",
      SITE_URL: `http://127.0.0.1:${port}`,
      ...env,
      PORT: String(port),
    },
    stdio: outputFd === null ? ["ignore", "pipe", "pipe"] : ["ignore", outputFd, outputFd],
  });
  let output: () => string;
  if (outputFd === null) {
    const kept = keptOutput();
    child.stdout!.on("data", kept.add);
    child.stderr!.on("data", kept.add);
    output = () => kept.text();
  } else {
    closeSync(outputFd); // the child holds its own copy
    output = () => keptOutputOf(outputFile!);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, 90_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output()}`);
  }
  return { baseUrl, output, stop: () => stopChild(child) };
}

const HEAD_CHARS = 256 * 1024;
const TAIL_CHARS = 4 * 1024 * 1024;

/**
 * A server's output as tests read it: its start in full, then its most recent part. Under a
 * benchmark the access log alone outgrows the longest string Node can hold.
 */
function keptOutput() {
  let head = "";
  let tail = "";
  let dropped = false;
  return {
    add(chunk: Buffer | string) {
      const text = String(chunk);
      if (head.length < HEAD_CHARS) {
        head += text;
        return;
      }
      tail += text;
      if (tail.length > 2 * TAIL_CHARS) {
        tail = tail.slice(-TAIL_CHARS);
        dropped = true;
      }
    },
    text: () => head + (dropped ? "\n[…]\n" : "") + tail,
  };
}

/** A file's start and its most recent part, as keptOutput() keeps a pipe's. */
function keptOutputOf(file: string): string {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const read = (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, position)).toString("utf8");
    };
    if (size <= HEAD_CHARS + TAIL_CHARS) return read(0, size);
    return `${read(0, HEAD_CHARS)}\n[…]\n${read(size - TAIL_CHARS, TAIL_CHARS)}`;
  } finally {
    closeSync(fd);
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}.`);
    const ok = await fetch(`${baseUrl}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not answer /api/health within ${timeoutMs / 1000} s.`);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // Already gone (exitCode after an exit, signalCode after a kill such as SIGKILL).
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
