// An nginx of our own in front of app instances on this machine, for the cluster test and
// `npm run bench:cluster`: Debian's nginx, in the foreground, on standaloneConfig() (nginx-config.ts),
// with its pid file, logs and temporary files in a directory of its own. Never the system service.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { standaloneConfig } from "./nginx-config";

export const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";

/** One line of the access log (the `crosscurrent` log format of nginx-config.ts). */
export interface AccessLogLine {
  time: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  /** Every instance tried, in order: "127.0.0.1:4001, 127.0.0.1:4002". */
  upstream: string;
  upstreamStatus: string;
  seconds: number;
}

export interface Nginx {
  url: string;
  /** The access log so far, a line per request nginx has finished. */
  accessLog(): Promise<AccessLogLine[]>;
  stop(): Promise<void>;
}

export function assertNginxInstalled(): void {
  if (!existsSync(NGINX)) {
    throw new Error(
      `nginx not found at ${NGINX}: apt-get install -y nginx (Debian's package), or set NGINX.`,
    );
  }
}

/** Starts nginx on `listenPort` in front of the instances on `instancePorts` (127.0.0.1). */
export async function startNginx(options: {
  listenPort: number;
  instancePorts: number[];
  workerProcesses?: number | "auto";
}): Promise<Nginx> {
  assertNginxInstalled();
  const dir = await mkdtemp(path.join(tmpdir(), "crosscurrent-nginx-"));
  const config = standaloneConfig({
    ...options,
    dir,
    workerProcesses: options.workerProcesses ?? 1,
    // Started as root, nginx would run its workers as nobody, who may not write to `dir`.
    user: process.getuid?.() === 0 ? userInfo().username : undefined,
  });
  const configFile = path.join(dir, "nginx.conf");
  await writeFile(configFile, config);
  const errorLog = path.join(dir, "error.log");
  const child = spawn(NGINX, ["-p", dir, "-e", errorLog, "-c", configFile], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const failure = async (reason: string) => {
    const log = await readFile(errorLog, "utf8").catch(() => "");
    return new Error(`nginx ${reason}.\n${stderr}${log}\n--- ${configFile} ---\n${config}`);
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepts(options.listenPort))) {
    if (child.exitCode !== null) {
      await rm(dir, { recursive: true, force: true }).catch(() => {});
      throw await failure(`exited with code ${child.exitCode}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw await failure(`did not listen on ${options.listenPort} within 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (child.exitCode !== null) throw await failure(`exited with code ${child.exitCode}`);
  return {
    url: `http://127.0.0.1:${options.listenPort}`,
    async accessLog() {
      const text = await readFile(path.join(dir, "access.log"), "utf8").catch(() => "");
      return text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as AccessLogLine);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM: the master stops its workers, then itself.
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
