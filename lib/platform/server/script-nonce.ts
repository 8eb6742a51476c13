// A fresh script nonce for every response, on cached pages too. Next puts the nonce it finds in
// the request's Content-Security-Policy header on every script it renders, so a page rendered
// for this request already carries ours. A page served from the page cache carries the nonce of
// the request it was rendered for: NonceRewriter swaps that one for ours as the HTML streams out.
// Injected markup cannot take part: it was stored before the render that chose the old nonce,
// and only that exact value is replaced.
import { randomBytes } from "node:crypto";
import { StringDecoder } from "node:string_decoder";

/** 16 random bytes: always 24 characters of base64, so swapping one for another keeps lengths. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return policyWithScripts(`'nonce-${nonce}'`, options);
}

/**
 * The policy of a page kept in memory (lib/platform/server/page-memory.ts): its scripts are pinned
 * by their SHA-256 (script-hashes.ts) instead of by a nonce, so one body and one policy serve
 * every reader.
 */
export function hashedContentSecurityPolicy(hashes: readonly string[], options: { dev: boolean }): string {
  return policyWithScripts(hashes.join(" "), options);
}

function policyWithScripts(allowed: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // Scripts run only with this response's nonce (or their hash), and what they load
    // ('strict-dynamic'); React's development build needs eval.
    `script-src 'self' ${allowed}${allowed ? " " : ""}'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const NONCE_ATTRIBUTE = /\snonce="([A-Za-z0-9+/=_-]{8,64})"/;
// The head, where Next's first script sits, comes well within this.
const SEARCH_LIMIT = 64 * 1024;

/**
 * Rewrites an HTML stream so the first nonce it carries (and every later copy of it) becomes
 * `nonce`. Text goes in as it comes; `push` and `end` return what may be sent.
 */
export class NonceRewriter {
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  private old: string | null = null;
  private settled = false;

  constructor(private readonly nonce: string) {}

  /** The nonce the HTML came with, once found; null while searching or when there was none. */
  get previousNonce(): string | null {
    return this.old;
  }

  push(chunk: Buffer | string): string {
    this.pending += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    return this.settle(false) ? this.release(false) : "";
  }

  end(): string {
    this.pending += this.decoder.end();
    this.settle(true);
    return this.release(true);
  }

  /** Decides, once, which nonce to replace; false while the head has not come through yet. */
  private settle(force: boolean): boolean {
    if (this.settled) return true;
    const found = NONCE_ATTRIBUTE.exec(this.pending);
    if (!found && !force && this.pending.length < SEARCH_LIMIT) return false;
    this.settled = true;
    this.old = found && found[1] !== this.nonce ? found[1]! : null;
    return true;
  }

  private release(all: boolean): string {
    if (this.old === null) return this.take(this.pending.length);
    this.pending = this.pending.replaceAll(this.old, this.nonce);
    // A copy of the old nonce may straddle this chunk and the next.
    return this.take(all ? this.pending.length : this.pending.length - (this.old.length - 1));
  }

  private take(length: number): string {
    if (length <= 0) return "";
    const out = this.pending.slice(0, length);
    this.pending = this.pending.slice(length);
    return out;
  }
}
