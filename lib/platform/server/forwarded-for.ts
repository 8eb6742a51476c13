// Which client address the app may believe. Only a reverse proxy we run (TRUSTED_PROXY) may tell
// us who its client was; anyone else's X-Forwarded-For is replaced by the address we saw, so a
// client cannot pick the IP that rate limits count against.

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The socket's address as people write it: `::ffff:127.0.0.1` is `127.0.0.1`. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  return IPV4_MAPPED.exec(trimmed)?.[1] ?? trimmed.toLowerCase();
}

/** TRUSTED_PROXY ("10.0.0.2, 10.0.0.3") as a set of normalized addresses. */
export function parseTrustedProxies(list: string | undefined): ReadonlySet<string> {
  const entries = (list ?? "").split(",").map((entry) => entry.trim());
  return new Set(entries.filter(Boolean).map(normalizeAddress));
}

/**
 * The X-Forwarded-For to hand to the app: a trusted proxy's chain with the proxy appended, as
 * every proxy in a chain does; otherwise the peer alone.
 */
export function forwardedFor(
  incoming: string | string[] | undefined,
  peer: string,
  peerIsTrusted: boolean,
): string {
  const chain = Array.isArray(incoming) ? incoming.join(", ") : incoming?.trim();
  return peerIsTrusted && chain ? `${chain}, ${peer}` : peer;
}
