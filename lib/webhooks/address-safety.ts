// No server-side request forgery: a webhook may not point at this machine or its private
// network (loopback, private, link-local, carrier-grade NAT, multicast, reserved ranges, and
// their IPv6 forms), unless WEBHOOK_ALLOW_PRIVATE says a receiver there is meant. Checked when
// the URL is saved and again on every delivery, on the addresses the connection actually uses
// (a name that resolved to a public address when saved may resolve elsewhere later).
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { lookup as lookupCallback } from "node:dns";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** True for an address a webhook may not reach without WEBHOOK_ALLOW_PRIVATE. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true; // not an address at all: never connect to it
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  return blocked.check(address, "ipv6");
}

export const PRIVATE_TARGET_MESSAGE =
  "This address is on a private, loopback or link-local network; webhooks may only reach public addresses (set WEBHOOK_ALLOW_PRIVATE=true to allow a receiver on your own network).";

/** Why `url`'s host may not be called, or null. Names that do not resolve now are let through. */
export async function refuseTarget(url: URL, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return PRIVATE_TARGET_MESSAGE;
  if (isIP(host)) return isPrivateAddress(host) ? PRIVATE_TARGET_MESSAGE : null;
  const addresses = await lookup(host, { all: true }).catch(() => []);
  return addresses.some((a) => isPrivateAddress(a.address)) ? PRIVATE_TARGET_MESSAGE : null;
}

export class PrivateTargetError extends Error {}

/**
 * A `lookup` for http.request that refuses private answers: the check and the connection use
 * the same resolution, so DNS cannot answer one thing to the check and another to the connection.
 */
export function publicOnlyLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const usable = allowPrivate ? list : list.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0) {
        return callback(new PrivateTargetError(PRIVATE_TARGET_MESSAGE) as NodeJS.ErrnoException, "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}
