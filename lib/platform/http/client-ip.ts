// The client's IP. The launcher (lib/platform/server/request-handler.ts) rewrites X-Forwarded-For before
// Next sees a request: the socket address alone, or, from a TRUSTED_PROXY, the proxy's chain
// with the proxy appended. So the rightmost address that is not one of our proxies is the client.
import { env } from "@/lib/platform/env";
import { normalizeAddress, parseTrustedProxies } from "@/lib/platform/server/forwarded-for";

const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXY);

export function clientIpFromHeaders(headers: Headers): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map(normalizeAddress);
  if (forwarded.length === 0) return null;
  // Walk from the right past our own proxies: the first other address is the client.
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(forwarded[i]!)) return forwarded[i]!;
  }
  return forwarded[0]!;
}
