// Every request gets an id that ties its access log line to the proxy's log and to whatever the
// app logs. A trusted proxy's id is kept, so one id follows the request end to end.
import { randomUUID } from "node:crypto";

// What a proxy's id looks like (nginx's $request_id is 32 hex digits, others use UUIDs); anything
// else is replaced rather than written into our logs.
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

export function requestIdFor(incoming: string | string[] | undefined, fromTrustedProxy: boolean): string {
  if (fromTrustedProxy && typeof incoming === "string" && ACCEPTABLE_ID.test(incoming)) return incoming;
  return randomUUID();
}
