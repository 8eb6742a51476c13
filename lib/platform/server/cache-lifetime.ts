// No browser or shared cache may keep a public answer past the next moment what readers may see
// changes by time alone (an authorization ends, a scheduled piece comes due): as the response goes
// out, the lifetimes in its Cache-Control (max-age, s-maxage, and stale-while-revalidate on top of
// them) are cut to the seconds left until then (lib/platform/cache/registry.ts, `nextExpiry`).
import type { IncomingMessage, ServerResponse } from "node:http";
import { now } from "@/lib/platform/clock";
import { nextExpiry } from "@/lib/platform/cache/registry";
import type { Handler } from "./request-handler";

const LIFETIMES = ["max-age", "s-maxage"] as const;

/**
 * `cacheControl` with every lifetime at most `secondsLeft` (whole seconds, rounded down, so a
 * copy never outlives the moment), stale-while-revalidate included: a shared cache may serve a
 * stale copy only while the longest lifetime plus that window still ends in time.
 */
export function boundCacheControl(cacheControl: string, secondsLeft: number): string {
  if (!/\bpublic\b/.test(cacheControl)) return cacheControl;
  const limit = Math.max(0, Math.floor(secondsLeft));
  const directives = cacheControl.split(",").map((part) => part.trim());
  const seconds = (name: string) => {
    const found = directives.find((d) => d.startsWith(`${name}=`));
    return found === undefined ? null : Number(found.slice(name.length + 1));
  };
  const bounded = new Map<string, number>();
  for (const name of LIFETIMES) {
    const value = seconds(name);
    if (value !== null) bounded.set(name, Math.min(value, limit));
  }
  const longest = Math.max(0, ...bounded.values());
  const stale = seconds("stale-while-revalidate");
  if (stale !== null) bounded.set("stale-while-revalidate", Math.min(stale, limit - longest));
  return directives
    .map((d) => {
      const name = d.split("=")[0]!;
      return bounded.has(name) ? `${name}=${bounded.get(name)}` : d;
    })
    .join(", ");
}

function secondsLeft(): number | null {
  const next = nextExpiry();
  return next === null ? null : (next - now().getTime()) / 1000;
}

/** `cacheControl` as it may go out now (unchanged while nothing is due). */
export function cacheControlNow(cacheControl: string): string {
  const left = secondsLeft();
  return left === null ? cacheControl : boundCacheControl(cacheControl, left);
}

export function withCacheLifetime(handle: Handler): Handler {
  return (request: IncomingMessage, response: ServerResponse) => {
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = function (...args: unknown[]): ServerResponse {
      const left = secondsLeft();
      const current = response.getHeader("Cache-Control");
      if (left !== null && typeof current === "string") {
        response.setHeader("Cache-Control", boundCacheControl(current, left));
      }
      return writeHead(...args);
    } as ServerResponse["writeHead"];
    return handle(request, response);
  };
}
