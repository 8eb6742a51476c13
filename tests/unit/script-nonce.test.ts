// The nonce rewrite that gives every response, cached pages included, a script nonce of its own.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, NonceRewriter } from "@/lib/platform/server/script-nonce";

const OLD = "T2xkT2xkT2xkT2xkT2xkT2==";
const page = (nonce: string) =>
  `<!DOCTYPE html><html><head><script src="/_next/a.js" nonce="${nonce}" async></script></head>` +
  `<body><p>台海局势：中日关系 — multibyte text split across chunks</p>` +
  `<script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></body></html>`;

/** Feeds `html` in chunks of `size` bytes (splitting characters and nonces alike). */
function rewrite(html: string, nonce: string, size: number): string {
  const bytes = Buffer.from(html);
  const rewriter = new NonceRewriter(nonce);
  let out = "";
  for (let at = 0; at < bytes.length; at += size) out += rewriter.push(bytes.subarray(at, at + size));
  return out + rewriter.end();
}

describe("NonceRewriter", () => {
  it("replaces the page's nonce everywhere with this response's, however the bytes are split", () => {
    const fresh = newNonce();
    for (const size of [1, 2, 3, 7, 23, 24, 25, 100, 1 << 20]) {
      const out = rewrite(page(OLD), fresh, size);
      expect(out, `chunks of ${size}`).toBe(page(OLD).replaceAll(OLD, fresh));
      expect(out).not.toContain(OLD);
      expect(Buffer.byteLength(out)).toBe(Buffer.byteLength(page(OLD)));
    }
  });

  it("leaves a page rendered for this response, or one without scripts, exactly as it was", () => {
    const fresh = newNonce();
    expect(rewrite(page(fresh), fresh, 10)).toBe(page(fresh));
    const plain = "<html><body><p>No scripts at all. ".repeat(5000) + "</p></body></html>";
    expect(rewrite(plain, fresh, 4096)).toBe(plain);
  });

  it("gives every response a different 24-character nonce", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, never inline or eval in production, and no framing", () => {
    const policy = contentSecurityPolicy("abc", { dev: false });
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toContain("'nonce-abc'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
  });
});
