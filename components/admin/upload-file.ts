// Uploads go to route handlers, not server actions: server actions cap request bodies at 1 MB.
// A file over the route's limit is refused here before it is sent, in the route's own words.
import type { ActionResult } from "@/lib/platform/actions/result";
import { fetchResult } from "@/lib/platform/http/json-client";

export async function uploadFile<T>(
  url: string,
  fields: Record<string, string | File>,
  limit: { maxFileBytes: number; message: string },
): Promise<ActionResult<T>> {
  if (fields.file instanceof File && fields.file.size > limit.maxFileBytes) {
    return { ok: false, code: "TOO_LARGE", message: limit.message, fieldErrors: { file: [limit.message] } };
  }
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return fetchResult<T>(url, { method: "POST", body }, "The upload");
}
