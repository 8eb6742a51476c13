// Who the app believes the client is: the launcher's X-Forwarded-For rewrite and the app's
// reading of it, with and without a trusted reverse proxy.
import { afterEach, describe, expect, it, vi } from "vitest";
import { forwardedFor, normalizeAddress, parseTrustedProxies } from "@/lib/platform/server/forwarded-for";

describe("normalizeAddress", () => {
  it("writes IPv4-mapped IPv6 as plain IPv4 and leaves other addresses alone", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
  });
});

describe("parseTrustedProxies", () => {
  it("reads a comma-separated list, normalized, ignoring blanks", () => {
    expect([...parseTrustedProxies(" 10.0.0.2, ::ffff:10.0.0.3,,")]).toEqual(["10.0.0.2", "10.0.0.3"]);
    expect(parseTrustedProxies(undefined).size).toBe(0);
    expect(parseTrustedProxies("").size).toBe(0);
  });
});

describe("forwardedFor", () => {
  it("replaces whatever an untrusted peer claims with the peer's own address", () => {
    expect(forwardedFor("1.2.3.4", "203.0.113.9", false)).toBe("203.0.113.9");
    expect(forwardedFor(["1.2.3.4", "5.6.7.8"], "203.0.113.9", false)).toBe("203.0.113.9");
    expect(forwardedFor(undefined, "203.0.113.9", false)).toBe("203.0.113.9");
  });

  it("keeps a trusted proxy's chain and appends the proxy", () => {
    expect(forwardedFor("198.51.100.7", "10.0.0.2", true)).toBe("198.51.100.7, 10.0.0.2");
    expect(forwardedFor("1.1.1.1, 198.51.100.7", "10.0.0.2", true)).toBe("1.1.1.1, 198.51.100.7, 10.0.0.2");
    expect(forwardedFor(["1.1.1.1", "198.51.100.7"], "10.0.0.2", true)).toBe(
      "1.1.1.1, 198.51.100.7, 10.0.0.2",
    );
  });

  it("gives a trusted proxy that sent no chain its own address", () => {
    expect(forwardedFor(undefined, "10.0.0.2", true)).toBe("10.0.0.2");
    expect(forwardedFor("  ", "10.0.0.2", true)).toBe("10.0.0.2");
  });
});

describe("clientIpFromHeaders", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function clientIp(trustedProxy: string | undefined, forwarded: string): Promise<string | null> {
    vi.stubEnv("TRUSTED_PROXY", trustedProxy ?? "");
    vi.resetModules();
    const { clientIpFromHeaders } = await import("@/lib/platform/http/client-ip");
    return clientIpFromHeaders(new Headers({ "x-forwarded-for": forwarded }));
  }

  it("without a trusted proxy, takes the address the launcher wrote", async () => {
    expect(await clientIp(undefined, forwardedFor("6.6.6.6", "203.0.113.9", false))).toBe("203.0.113.9");
  });

  it("behind a trusted proxy, takes the address the proxy saw, not what the client claimed", async () => {
    // The client claimed 6.6.6.6; nginx appended the address it saw; the launcher the proxy.
    const header = forwardedFor("6.6.6.6, 198.51.100.7", "10.0.0.2", true);
    expect(await clientIp("10.0.0.2", header)).toBe("198.51.100.7");
  });

  it("walks past several trusted proxies, in either address form", async () => {
    const header = forwardedFor("198.51.100.7, ::ffff:10.0.0.3", "10.0.0.2", true);
    expect(await clientIp("10.0.0.2,10.0.0.3", header)).toBe("198.51.100.7");
  });

  it("answers null when there is no address at all", async () => {
    expect(await clientIp(undefined, "")).toBeNull();
  });
});
