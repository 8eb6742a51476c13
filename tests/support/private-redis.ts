// A Redis server of the test's own (Debian's redis-server, on a free port, its files in a temporary
// directory), so that a test may kill and restart it without disturbing the shared one. It keeps
// an append-only file written on every command, so a restart comes back with the data it had, as a
// Redis that was only unreachable for a while would.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./app-server";

export const MISSING_REDIS_MESSAGE =
  "This test runs a Redis server of its own and needs redis-server on the PATH: apt-get install -y redis-server.";

export interface PrivateRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  /** SIGKILL: clients see the connection drop, as when the machine goes away. */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = await mkdtemp(path.join(tmpdir(), "crosscurrent-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = "";

  const server: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", ""];
      args.push("--appendonly", "yes", "--appendfsync", "always");
      const started = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
      started.stdout.on("data", (chunk: Buffer) => (output += chunk));
      started.stderr.on("data", (chunk: Buffer) => (output += chunk));
      const failed = new Promise<never>((_, reject) => {
        started.once("error", (error) => reject(new Error(`${MISSING_REDIS_MESSAGE} (${error.message})`)));
        started.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
      });
      child = started;
      const deadline = Date.now() + 10_000;
      while (!(await Promise.race([answers(port), failed]))) {
        if (Date.now() > deadline) throw new Error(`redis-server did not answer within 10 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      started.removeAllListeners("exit");
    },
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
    async destroy() {
      await server.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
