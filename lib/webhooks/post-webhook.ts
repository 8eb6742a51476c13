// One HTTP attempt at a webhook: POST the signed body, wait at most DELIVERY_TIMEOUT_MS for the
// answer, follow no redirects (a 3xx is not a 2xx), and connect only to addresses the SSRF rule
// allows (address-safety.ts), checked on the very resolution the connection uses.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import {
  isPrivateAddress,
  PRIVATE_TARGET_MESSAGE,
  PrivateTargetError,
  publicOnlyLookup,
} from "./address-safety";

export const DELIVERY_TIMEOUT_MS = 10_000;

export type PostOutcome =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number | null; error: string; /** No retry can help. */ permanent: boolean };

export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  { allowPrivate }: { allowPrivate: boolean },
): Promise<PostOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (!/^https?:$/.test(target.protocol)) {
    return Promise.resolve({
      ok: false,
      statusCode: null,
      error: "Not an http(s) address.",
      permanent: true,
    });
  }
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({ ok: false, statusCode: null, error: PRIVATE_TARGET_MESSAGE, permanent: true });
  }
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        lookup: publicOnlyLookup(allowPrivate),
        timeout: DELIVERY_TIMEOUT_MS,
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        response.resume(); // the answer's body is not needed
        response.on("end", () => {
          if (statusCode >= 200 && statusCode < 300) resolve({ ok: true, statusCode });
          else {
            resolve({
              ok: false,
              statusCode,
              error: `The receiver answered ${statusCode}.`,
              permanent: false,
            });
          }
        });
        response.on("error", (error) =>
          resolve({ ok: false, statusCode, error: error.message, permanent: false }),
        );
      },
    );
    const deadline = setTimeout(
      () => outgoing.destroy(new Error(`No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`)),
      DELIVERY_TIMEOUT_MS,
    );
    outgoing.on("timeout", () =>
      outgoing.destroy(new Error(`No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`)),
    );
    outgoing.on("error", (error) => {
      clearTimeout(deadline);
      resolve({
        ok: false,
        statusCode: null,
        error: error.message,
        permanent: error instanceof PrivateTargetError,
      });
    });
    outgoing.on("close", () => clearTimeout(deadline));
    outgoing.end(body);
  });
}
