// A kept page's scripts pinned by hash (lib/platform/server/script-hashes.ts): only what Next
// rendered with the response's nonce is allowed, external scripts through hashed loaders.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chooseEncoding } from "@/lib/platform/server/content-encoding";
import { hashScripts } from "@/lib/platform/server/script-hashes";
import { hashedContentSecurityPolicy } from "@/lib/platform/server/script-nonce";

const NONCE = "cBBsq8mvNlHxphmIqJ823A==";
const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const page =
  `<html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/a.js"/>` +
  `<script src="/_next/a.js?x=1&amp;y=2" async="" nonce="${NONCE}"></script>` +
  `<script src="/_next/legacy.js" noModule="" nonce="${NONCE}"></script></head><body>` +
  `<script type="application/ld+json">{"a":"b"}</script>` +
  `<p>台海</p><script>window.injected = 1</script><script nonce="not-ours">window.guess = 1</script>` +
  `<script nonce="${NONCE}">self.__next_f.push([1,"</p>"])</script></body></html>`;

describe("hashScripts", () => {
  const { html, hashes } = hashScripts(page, NONCE);

  it("pins each inline script Next rendered, and none that it did not", () => {
    expect(hashes).toContain(sha('self.__next_f.push([1,"</p>"])'));
    expect(hashes).not.toContain(sha("window.injected = 1"));
    expect(hashes).not.toContain(sha("window.guess = 1"));
    expect(html).toContain("<script>window.injected = 1</script>"); // left as it was: blocked
    expect(html).not.toContain(NONCE);
  });

  it("turns external scripts into hashed loaders and drops script preloads", () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toContain('rel="preload"');
    const loaders = [...html.matchAll(/<script>(var s=[^<]*|if\(![^<]*)<\/script>/g)].map((m) => m[1]!);
    expect(loaders).toHaveLength(2);
    expect(loaders[0]).toContain('s.src="/_next/a.js?x=1&y=2";s.async=true;');
    expect(loaders[1]).toMatch(/^if\(!\("noModule" in HTMLScriptElement\.prototype\)\)/);
    for (const loader of loaders) expect(hashes).toContain(sha(loader));
    expect(hashes).toHaveLength(3);
  });

  it("keeps the rest of the page byte for byte", () => {
    expect(html).toContain('<script type="application/ld+json">{"a":"b"}</script><p>台海</p>');
  });

  it("makes a policy that runs only those scripts", () => {
    const policy = hashedContentSecurityPolicy(hashes, { dev: false });
    expect(policy).toContain(`script-src 'self' ${hashes.join(" ")} 'strict-dynamic'`);
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    expect(hashedContentSecurityPolicy([], { dev: false })).toContain("script-src 'self' 'strict-dynamic'");
  });
});

describe("chooseEncoding", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["*", "br"],
    ["gzip;q=0", "identity"],
    ["deflate", "identity"],
  ] as const)("%s → %s", (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
