// Single requests timed one at a time, as a reader's browser makes them (scripts/bench/site.ts's
// first-search and after-edit sections): the time to the last byte of the body, whether Next
// rendered the answer anew, and the percentiles of a set of such times.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/** What a browser asks for a page with. */
const BROWSER_HEADERS = { Accept: "text/html", "Accept-Encoding": "gzip, deflate, br" };

export interface TimedAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, decoded (after the clock stopped). */
  text: string;
  /** From sending the request to the body's last byte. */
  ms: number;
}

export function timedGet(url: string): Promise<TimedAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(url, { headers: BROWSER_HEADERS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const ms = performance.now() - started;
        const body = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        const decoded =
          encoding === "br"
            ? brotliDecompressSync(body)
            : encoding === "gzip"
              ? gunzipSync(body)
              : encoding === "deflate"
                ? inflateSync(body)
                : body;
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          text: decoded.toString("utf8"),
          ms,
        });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

/**
 * Whether Next rendered this answer for this request: its script policy carries a nonce of its
 * own (the launcher's memory sends kept pages pinned by hash instead), and Next's page cache did
 * not answer it (x-nextjs-cache is not HIT, nor a STALE copy).
 */
export function renderedAnew(answer: TimedAnswer): boolean {
  const policy = String(answer.headers["content-security-policy"] ?? "");
  const nextCache = answer.headers["x-nextjs-cache"];
  return policy.includes("'nonce-") && nextCache !== "HIT" && nextCache !== "STALE";
}

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles of `times` (ms). */
export function latencies(times: readonly number[]): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { count: sorted.length, p50: rank(50), p95: rank(95), max: sorted.at(-1) ?? NaN };
}

export function formatLatencies({ p50, p95, max }: Latencies): string {
  return `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`;
}
