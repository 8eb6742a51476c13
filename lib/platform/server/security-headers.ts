// The Content-Security-Policy with this response's script nonce (see script-nonce.ts) and HSTS,
// on every response. Headers that need no per-response value live in next.config.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "./request-handler";
import { contentSecurityPolicy, newNonce, NonceRewriter } from "./script-nonce";

// Two years, subdomains included: browsers only ever reach the site over HTTPS once seen.
const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function withSecurityHeaders(handle: Handler, options: { dev: boolean }): Handler {
  return (request: IncomingMessage, response: ServerResponse) => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce, options);
    // Next reads the nonce for the scripts it renders from the request's policy header.
    request.headers["content-security-policy"] = policy;
    delete request.headers["content-security-policy-report-only"];
    response.setHeader("Content-Security-Policy", policy);
    if (!options.dev) response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    rewriteHtmlNonce(response, nonce);
    return handle(request, response);
  };
}

type Callback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

function asBuffer(chunk: Chunk, encoding: BufferEncoding | undefined): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, encoding ?? "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Passes HTML bodies through a NonceRewriter on their way out; other bodies go untouched. */
function rewriteHtmlNonce(response: ServerResponse, nonce: string) {
  const write = response.write.bind(response) as (chunk: Chunk, callback?: Callback) => boolean;
  const end = response.end.bind(response) as (chunk?: Chunk, callback?: () => void) => ServerResponse;
  let rewriter: NonceRewriter | null | undefined;

  const rewriterForBody = () => {
    if (rewriter === undefined) {
      const type = String(response.getHeader("content-type") ?? "");
      rewriter = type.startsWith("text/html") ? new NonceRewriter(nonce) : null;
    }
    return rewriter;
  };
  // Lengths only change when the page came with a nonce that is not one of ours.
  const keepLengthHonest = (html: NonceRewriter) => {
    const previous = html.previousNonce;
    if (previous && previous.length !== nonce.length && !response.headersSent) {
      response.removeHeader("content-length");
    }
  };

  response.write = function (chunk: Chunk, ...rest: unknown[]): boolean {
    const html = rewriterForBody();
    const encoding = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined;
    const callback = rest.find((arg): arg is Callback => typeof arg === "function");
    if (!html) return write(typeof chunk === "string" ? asBuffer(chunk, encoding) : chunk, callback);
    const text = html.push(asBuffer(chunk, encoding));
    keepLengthHonest(html);
    if (text) return write(text, callback);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse["write"];

  response.end = function (...args: unknown[]): ServerResponse {
    const chunk = typeof args[0] === "function" ? undefined : (args[0] as Chunk | undefined);
    const encoding = typeof args[1] === "string" ? (args[1] as BufferEncoding) : undefined;
    const callback = args.find((arg): arg is () => void => typeof arg === "function");
    const html = rewriterForBody();
    if (!html)
      return end(chunk === undefined || chunk === null ? undefined : asBuffer(chunk, encoding), callback);
    const text = (chunk ? html.push(asBuffer(chunk, encoding)) : "") + html.end();
    keepLengthHonest(html);
    return end(text || undefined, callback);
  } as ServerResponse["end"];
}
