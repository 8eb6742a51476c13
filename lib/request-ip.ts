// The client's IP. Next sets X-Forwarded-For to the socket address when a request arrives
// without one; behind a reverse proxy (TRUSTED_PROXY), the proxy appends the address it saw.
import { env } from "@/lib/env";

export function clientIpFromHeaders(headers: Headers): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return null;
  if (env.TRUSTED_PROXY) {
    const trusted = new Set(env.TRUSTED_PROXY.split(",").map((p) => p.trim()));
    // Walk from the right past our own proxies: the first other address is the client.
    for (let i = forwarded.length - 1; i >= 0; i--) {
      if (!trusted.has(forwarded[i]!)) return forwarded[i]!;
    }
    return forwarded[0]!;
  }
  return forwarded.at(-1)!;
}
