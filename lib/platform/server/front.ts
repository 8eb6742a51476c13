// The launcher's two threads. Next runs in the main thread, on an HTTP server listening on a
// socket in a folder only this user may enter; the front thread (front-thread.ts) owns the site's
// port, answers memory hits and passes the rest to that socket. The main thread tells the front
// what it must know: each answer to keep (page-memory-fill.ts), each invalidation and the next
// expiry, whoever noted them (lib/platform/cache/registry.ts, observeRegistry). A message is
// posted before the response that caused it is written, so the front hears of an edit before the
// editor's next request.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { observeRegistry } from "@/lib/platform/cache/registry";
import type { CapturedAnswer } from "./page-entry";

export interface FrontOptions {
  port: number;
  nextSocket: string;
  trustedProxies: string[];
  pageMemoryBytes: number;
  /** Whether kept answers name their cache tags for a CDN (CDN_PURGE_URL). */
  cdnTags: boolean;
  exposeNextRequestCount: boolean;
  logLevel: string;
}

export type FrontMessage =
  | { kind: "keep"; key: string; answer: CapturedAnswer }
  | { kind: "invalidated"; tag: string; at: number }
  | { kind: "next-expiry"; at: number | null }
  | { kind: "listen" }
  | { kind: "close" };

export type FrontReport = { kind: "listening" } | { kind: "failed"; message: string } | { kind: "closed" };

export interface Front {
  /** Where Next's own server must listen. */
  readonly nextSocket: string;
  keep(key: string, answer: CapturedAnswer): void;
  /** Opens the site's port. */
  listen(): Promise<void>;
  close(): Promise<void>;
}

// The front thread's young generation: what it allocates per request (and the buffers of every
// answer it passes on from Next) is collected this soon, not once V8's default of several times
// this much has piled up, in a process that must stay under its memory budget.
const FRONT_YOUNG_GENERATION_MB = 8;

// The front thread as `npm run build` bundles it beside the launcher (scripts/build-launcher.ts).
const FRONT_THREAD = new URL("./front-thread.mjs", import.meta.url);

/** Starts the front thread, idle until `listen`; call before Next loads (see observeRegistry). */
export function startFront(
  options: Omit<FrontOptions, "nextSocket">,
  onFailure: (error: Error) => void,
): Front {
  const socketDir = mkdtempSync(path.join(tmpdir(), "crosscurrent-"));
  const nextSocket = path.join(socketDir, "next.sock");
  const worker = new Worker(fileURLToPath(FRONT_THREAD), {
    workerData: { ...options, nextSocket },
    resourceLimits: { maxYoungGenerationSizeMb: FRONT_YOUNG_GENERATION_MB },
  });
  worker.on("error", onFailure);
  const post = (message: FrontMessage) => worker.postMessage(message);
  const reply = () =>
    new Promise<FrontReport>((resolve) => worker.once("message", (report: FrontReport) => resolve(report)));

  // At once, not batched: the message must leave before the response that follows it.
  observeRegistry({
    invalidated: (tag, at) => post({ kind: "invalidated", tag, at }),
    nextExpiry: (at) => post({ kind: "next-expiry", at }),
  });

  return {
    nextSocket,
    keep: (key, answer) => post({ kind: "keep", key, answer }),
    async listen() {
      const answer = reply();
      post({ kind: "listen" });
      const report = await answer;
      if (report.kind === "failed") throw new Error(report.message);
    },
    async close() {
      const closed = reply();
      post({ kind: "close" });
      await closed;
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
