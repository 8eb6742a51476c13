// The signature on every webhook request (docs/webhooks.md): the server's one request signature
// (lib/platform/http/signature.ts), under the endpoint's secret.
import { randomBytes } from "node:crypto";

export { SIGNATURE_HEADER, signatureHeader, verifySignature } from "@/lib/platform/http/signature";

/** A new endpoint secret: 32 random bytes, prefixed so people recognise it. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
