// The one cross-site check, on plain header values: what the launcher and the route handlers
// both ask before a write runs.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isCrossSiteWrite, refuseCrossSite, withCrossSiteGuard } from "@/lib/platform/http/cross-site";

const SITE = "http://localhost:3000";

function write(headers: { origin?: string; host?: string; secFetchSite?: string; method?: string }) {
  return isCrossSiteWrite(
    {
      method: headers.method ?? "POST",
      origin: headers.origin ?? null,
      host: headers.host ?? null,
      secFetchSite: headers.secFetchSite ?? null,
    },
    SITE,
  );
}

describe("isCrossSiteWrite", () => {
  it("lets reads through from anywhere", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(write({ method, origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(false);
    }
  });

  it("accepts the site's own origin, SITE_URL's or the Host the request was sent to", () => {
    expect(write({ origin: SITE, host: "localhost:3000" })).toBe(false);
    // Behind a proxy that rewrites Host, SITE_URL still names the site.
    expect(write({ origin: SITE, host: "10.0.0.5:3000" })).toBe(false);
    // The same server reached by other names: the bug of a 403 on 127.0.0.1 without SITE_URL.
    expect(write({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(false);
    expect(write({ origin: "http://[::1]:3000", host: "[::1]:3000" })).toBe(false);
    // TLS ended by a proxy: the browser's origin is https, the Host is the same.
    expect(write({ origin: "https://news.example", host: "news.example" })).toBe(false);
    // Origins compare as origins: case and a default port do not matter.
    expect(write({ origin: "http://LocalHost:3000", host: "127.0.0.1:3000" })).toBe(false);
    expect(write({ origin: "http://news.example", host: "news.example:80" })).toBe(false);
  });

  it("refuses any other origin, an opaque one and one that is not a URL", () => {
    expect(write({ origin: "https://evil.example", host: "localhost:3000" })).toBe(true);
    expect(write({ origin: "http://127.0.0.1:3000", host: "localhost:3000" })).toBe(true);
    expect(write({ origin: "http://localhost:3001", host: "localhost:3000" })).toBe(true);
    expect(write({ origin: "null", host: "localhost:3000" })).toBe(true);
    expect(write({ origin: "", host: "localhost:3000" })).toBe(true);
    expect(write({ origin: "file://", host: "localhost:3000" })).toBe(true);
    expect(write({ origin: "https://evil.example" })).toBe(true);
  });

  it("honours Sec-Fetch-Site: the browser's own verdict", () => {
    expect(write({ secFetchSite: "cross-site" })).toBe(true);
    expect(write({ secFetchSite: "Cross-Site" })).toBe(true);
    for (const secFetchSite of ["same-origin", "same-site", "none"])
      expect(write({ secFetchSite })).toBe(false);
    // same-origin and none are enough even when Origin names the site otherwise than we know it.
    expect(write({ secFetchSite: "same-origin", origin: "https://intranet.example" })).toBe(false);
    // A sibling subdomain is same-site, but not this site.
    expect(
      write({ secFetchSite: "same-site", origin: "https://blog.news.example", host: "news.example" }),
    ).toBe(true);
    expect(write({ secFetchSite: "cross-site", origin: SITE })).toBe(false);
  });

  it("lets a write without Origin or Sec-Fetch-Site through: not a browser on another site's page", () => {
    expect(write({})).toBe(false);
    expect(write({ host: "localhost:3000" })).toBe(false);
  });
});

describe("refuseCrossSite (route handlers)", () => {
  it("answers 403 in the one error shape, never cached", async () => {
    const request = new Request(`${SITE}/api/comments`, {
      method: "POST",
      headers: { origin: "https://evil.example", host: "localhost:3000" },
    });
    const response = refuseCrossSite(request)!;
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      error: {
        code: "CROSS_SITE",
        message: "Cross-site requests are refused. Make the change from this site's own pages.",
      },
    });
  });

  it("goes by the Host header, or the URL's host when a request has none", () => {
    const from = (origin: string, headers: Record<string, string> = {}) =>
      refuseCrossSite(
        new Request("http://127.0.0.1:3000/api/comments", {
          method: "POST",
          headers: { origin, ...headers },
        }),
      );
    expect(from("http://127.0.0.1:3000")).toBeNull();
    expect(from("http://[::1]:3000", { host: "[::1]:3000" })).toBeNull();
    expect(from("http://[::1]:3000")?.status).toBe(403);
  });
});

describe("withCrossSiteGuard (the launcher)", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("refuses before the app runs, and passes the site's own writes on", async () => {
    let handled = 0;
    const guarded = withCrossSiteGuard(
      (_request, response) => {
        handled += 1;
        response.end("ok");
      },
      { siteOrigin: SITE },
    );
    server = createServer((request, response) => void guarded(request, response));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const forged = await fetch(`${base}/x`, { method: "POST", headers: { Origin: "https://evil.example" } });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("cache-control")).toBe("private, no-store");
    expect((await forged.json()).error.code).toBe("CROSS_SITE");
    expect(handled).toBe(0);

    const own = await fetch(`${base}/x`, { method: "POST", headers: { Origin: base } });
    expect(own.status).toBe(200);
    expect(handled).toBe(1);
  });
});
