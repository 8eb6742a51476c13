// One access log line per request. It names the request, never the person: no query string
// (search terms, tokens), no cookies, no headers, and no email address even inside a path.
// The line has the logger's own shape ({"level":"info","time":…,"pid":…,"hostname":…, the fields,
// "msg":…}) and goes to the logger's destination, but is written here rather than through pino's
// general serializer: it is on the path of every request, the launcher's memory hits included,
// where formatting it through pino, with a new ISO time for each line, cost more than the write.
import type { IncomingMessage, ServerResponse } from "node:http";
import pino from "pino";
import type { Logger } from "@/lib/platform/logger";

const EMAIL_LIKE = /[^/]*(?:@|%40)[^/]*/gi;

/** The path of a request URL without its query string, emails masked. */
export function loggablePath(url: string | undefined): string {
  const raw = url ?? "/";
  const query = raw.indexOf("?");
  const path = query === -1 ? raw : raw.slice(0, query);
  return path.includes("@") || path.includes("%40") ? path.replace(EMAIL_LIKE, "[redacted]") : path;
}

/** Arranges the request's line, written once the response is done (or the client went away). */
export type AccessLog = (
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  startedAt: number,
) => void;

/** The access log of `logger`'s destination; null when its level leaves out "info". */
export function createAccessLog(logger: Logger): AccessLog | null {
  if (!logger.isLevelEnabled("info")) return null;
  const internals = logger as unknown as Record<symbol, unknown>;
  const destination = internals[pino.symbols.streamSym] as { write(line: string): unknown };
  // `,"pid":…,"hostname":"…"` and any bindings, as pino writes them after the time.
  const bindings = internals[pino.symbols.chindingsSym] as string;
  const isoTime = isoTimeByMillisecond();
  return (request, response, requestId, startedAt) => {
    // Next rewrites request.url while routing: keep what the client asked for.
    const { method, url } = request;
    response.once("close", () => {
      const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
      const aborted = !response.writableFinished;
      destination.write(
        `{"level":"info","time":"${isoTime()}"${bindings},"requestId":${JSON.stringify(requestId)},` +
          `"method":${JSON.stringify(method)},"path":${JSON.stringify(loggablePath(url))},` +
          `"status":${response.statusCode},"durationMs":${durationMs}` +
          `${aborted ? `,"aborted":true,"msg":"request aborted"` : `,"msg":"request"`}}\n`,
      );
    });
  };
}

/** The current time in ISO 8601, made once per millisecond however many lines ask for it. */
function isoTimeByMillisecond(): () => string {
  let madeAt = Number.NaN;
  let made = "";
  return () => {
    const at = Date.now();
    if (at !== madeAt) {
      madeAt = at;
      made = new Date(at).toISOString();
    }
    return made;
  };
}
