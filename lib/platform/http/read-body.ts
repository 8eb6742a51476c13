// The one reader of request bodies for route handlers: JSON (an object), urlencoded or multipart
// forms, as a plain object of fields, read up to a size limit whatever Content-Length says.
// Form fields named more than once become arrays, as in server actions (lib/platform/actions).
import type { Refusal } from "./json-errors";

/** A comment at its byte limit, its other fields and JSON escaping fit well within this. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface ReadBodyOptions {
  /** Larger bodies are refused with 413 (default 256 KB). */
  maxBytes?: number;
  /** Keep uploaded files (File objects) among the fields; otherwise they are dropped. */
  files?: boolean;
  /** What a 413 says; uploads name their own limit. */
  tooLargeMessage?: string;
}

export type BodyFields = Record<string, unknown>;

export type ReadBodyResult = { ok: true; fields: BodyFields } | { ok: false; refusal: Refusal };

const unreadable = (): Refusal => ({
  code: "INVALID",
  message: "Send the form as a JSON object or as form fields (urlencoded or multipart).",
});

const tooLarge = (maxBytes: number, message?: string): Refusal => {
  const text = message ?? `The request is too large: send at most ${Math.floor(maxBytes / 1024)} KB.`;
  return { code: "TOO_LARGE", message: text, ...(message ? { fieldErrors: { file: [text] } } : {}) };
};

/** Whether the request announces (Content-Length) a body larger than `maxBytes`. */
export function isBodyAnnouncedOver(headers: Headers, maxBytes: number): boolean {
  return Number(headers.get("content-length") ?? 0) > maxBytes;
}

/** A form's entries as an object: repeated names as arrays, files kept only when asked. */
export function formFields(form: FormData, { files = false }: { files?: boolean } = {}): BodyFields {
  const fields = new Map<string, unknown[]>();
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" && !files) continue;
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  // fromEntries defines own properties: a field named "__proto__" stays a field.
  return Object.fromEntries(
    [...fields].map(([name, values]) => [name, values.length > 1 ? values : values[0]]),
  );
}

/** The body's bytes, or null once it passes `maxBytes` (the rest is not read). */
async function bytesUpTo(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readBody(request: Request, options: ReadBodyOptions = {}): Promise<ReadBodyResult> {
  const { maxBytes = DEFAULT_MAX_BODY_BYTES, files = false, tooLargeMessage } = options;
  // The multipart boundary is case-sensitive: only the comparisons are made in lower case.
  const type = request.headers.get("content-type") ?? "";
  const mediaType = type.toLowerCase();
  const isJson = mediaType.startsWith("application/json");
  const isForm =
    mediaType.startsWith("application/x-www-form-urlencoded") || mediaType.startsWith("multipart/form-data");
  if (!isJson && !isForm) return { ok: false, refusal: unreadable() };
  if (isBodyAnnouncedOver(request.headers, maxBytes)) {
    return { ok: false, refusal: tooLarge(maxBytes, tooLargeMessage) };
  }
  const bytes = await bytesUpTo(request, maxBytes).catch(() => undefined);
  if (bytes === undefined) return { ok: false, refusal: unreadable() };
  if (bytes === null) return { ok: false, refusal: tooLarge(maxBytes, tooLargeMessage) };

  if (isJson) {
    try {
      const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        return { ok: true, fields: value as BodyFields };
      }
    } catch {
      // answered below
    }
    return { ok: false, refusal: unreadable() };
  }
  const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
  if (!form) return { ok: false, refusal: unreadable() };
  return { ok: true, fields: formFields(form, { files }) };
}
