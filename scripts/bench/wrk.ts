// wrk as the benchmarks run it (scripts/bench/site.ts, cluster.ts): the same settings for every
// page row, and its report read from the line wrk-report.lua prints.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const WRK = process.env.WRK ?? (existsSync("/usr/bin/wrk") ? "/usr/bin/wrk" : "wrk");
/** Page rows. */
export const WRK_ARGS = ["-t2", "-c32", "-d10s", "--latency"];
/** The comment POST row's connections. */
export const POST_CONNECTIONS = 16;
export const POST_WRK_ARGS = ["-t2", `-c${POST_CONNECTIONS}`, "-d10s", "--latency"];
export const REPORT_LUA = path.join(import.meta.dirname, "wrk-report.lua");

/** Why wrk cannot run here, or null. */
export function wrkMissing(): string | null {
  return spawnSync(WRK, ["--version"]).error
    ? `wrk not found (${WRK}): apt-get install -y wrk, or set WRK.`
    : null;
}

export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  /** Milliseconds, exact from wrk's histogram (wrk-report.lua), not the rounded printout. */
  p50: number;
  p95: number;
  p99: number;
  non2xx3xx: number;
  socketErrors: number;
  /** "connect 0, read 0, write 0, timeout 0", as wrk prints it. */
  socketDetail: string;
  /** Responses by HTTP status, where the wrk script counts them (comment-post.lua); else empty. */
  statuses: Record<string, number>;
}

/** The line wrk-report.lua's done() prints. */
interface WrkReport {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  statuses: Record<string, number>;
}

export function parseWrk(output: string): WrkResult {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  if (!rps) throw new Error(`wrk printed no Requests/sec:\n${output}`);
  const line = /^BENCH_REPORT (\{.*\})$/m.exec(output);
  if (!line) throw new Error(`wrk printed no BENCH_REPORT line (wrk-report.lua):\n${output}`);
  const report = JSON.parse(line[1]!) as WrkReport;
  const { connect, read, write, timeout } = report.errors;
  return {
    requestsPerSecond: Number(rps[1]),
    requests: report.requests,
    p50: report.p50,
    p95: report.p95,
    p99: report.p99,
    non2xx3xx: report.errors.status,
    socketErrors: connect + read + write + timeout,
    socketDetail: `connect ${connect}, read ${read}, write ${write}, timeout ${timeout}`,
    statuses: report.statuses,
  };
}

export const countOf = (statuses: Record<string, number>, test: (status: number) => boolean) =>
  Object.entries(statuses).reduce((sum, [status, n]) => sum + (test(Number(status)) ? n : 0), 0);
