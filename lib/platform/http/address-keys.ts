// A sender's address as rate limits and stored records know it (commenters, reporters, rights
// claimants): IPs are grouped (an IPv6 host usually owns a whole /64) and only ever kept as a
// keyed hash.
import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { env } from "@/lib/platform/env";

// Production always has AUTH_SECRET (lib/platform/auth/local-secret.ts insists on it); tests and ad-hoc
// scripts may run without one, and then this fixed key keeps hashes stable but not secret.
// (The text is kept as it was when this lived with the comments, so stored hashes still match.)
const FALLBACK_KEY = "crosscurrent-comments-ip-hash-fallback-key (no AUTH_SECRET set)";

/** HMAC-SHA256 of `value`, hex, keyed with AUTH_SECRET. */
export function keyedHash(value: string): string {
  return createHmac("sha256", env.AUTH_SECRET ?? FALLBACK_KEY)
    .update(value)
    .digest("hex");
}

/** The eight 16-bit groups of an IPv6 address (embedded IPv4 tails are converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const v4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4Tail) {
    const [, a = 0, b = 0, c = 0, d = 0] = v4Tail.map(Number);
    const high = ((a << 8) | b).toString(16);
    const low = ((c << 8) | d).toString(16);
    text = `${text.slice(0, -v4Tail[0].length)}${high}:${low}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

/**
 * The address a rate limit counts against: an IPv4 address as is, an IPv6 address by its /64
 * (IPv4-mapped IPv6 counts as the IPv4 address). Null when it is not an IP address.
 */
export function rateLimitAddress(ip: string): string | null {
  const address = ip.trim().replace(/%.*$/, "");
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  const groups = ipv6Groups(address);
  const [, , , , , sixth = 0, high = 0, low = 0] = groups;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && sixth === 0xffff;
  if (isMapped) return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/**
 * The wider network an address belongs to: an IPv4 /24, an IPv6 /48 (what one site or one
 * hosting customer is usually given). Many addresses in one network count once toward hiding a
 * reported comment. Null when it is not an IP address.
 */
export function reportNetwork(ip: string): string | null {
  const address = rateLimitAddress(ip);
  if (!address) return null;
  if (isIPv4(address)) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  const groups = ipv6Groups(address.replace("::/64", "::"));
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(":")}::/48`;
}
