// The signature on the requests the server sends to others (webhooks, docs/webhooks.md; CDN
// purges, docs/production.md):
//   Crosscurrent-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>
// The timestamp is signed with the body, so a captured request cannot be replayed later than the
// receiver's tolerance.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Crosscurrent-Signature";

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The header value for `body` sent at `at`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * True when `header` signs `body` with `secret` and its timestamp is within `toleranceSeconds`
 * of `at`. What a receiver does; the tests use it as their receiver does.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  at: Date,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(",").map((part) => {
      const index = part.indexOf("=");
      return [part.slice(0, index).trim(), part.slice(index + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(at.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(hmac(secret, timestamp, body), "hex"));
}
