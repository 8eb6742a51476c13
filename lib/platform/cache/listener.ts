// Hears the invalidations other instances broadcast (lib/platform/cache/invalidate.ts) on a connection of
// its own. While disconnected it may miss some, so on every (re)connection it invalidates
// everything this instance has cached in its own memory. An invalidation its sender could not
// record in the shared page cache, this instance records there for it.
import { Client } from "pg";
import { INVALIDATION_CHANNEL, type InvalidationMessage } from "./invalidate";
import { EVERYTHING, INSTANCE_ID, markInvalidated } from "./registry";
import { sharedStore } from "./shared-store";

const RETRY_MS = { first: 500, max: 15_000 };

/** Starts listening; the returned function stops. */
export function listenForInvalidations(connectionString: string): () => Promise<void> {
  let current: Client | undefined;
  let stopped = false;
  let delay = RETRY_MS.first;

  const connect = async () => {
    if (stopped) return;
    const client = new Client({ connectionString });
    let retired = false;
    const retire = () => {
      if (retired) return;
      retired = true;
      client.removeAllListeners();
      client.on("error", () => {}); // late socket errors after we let go
      client.end().catch(() => {});
      if (current === client) current = undefined;
      if (stopped) return;
      setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, RETRY_MS.max);
    };
    client.on("notification", ({ payload }) => {
      const message = parse(payload);
      if (!message || message.from === INSTANCE_ID) return;
      markInvalidated(message.tags);
      if (message.unsharedTags) void sharedStore()?.invalidate(message.tags);
    });
    client.on("error", retire);
    client.on("end", retire);
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      current = client;
      delay = RETRY_MS.first;
      markInvalidated([EVERYTHING]);
    } catch (error) {
      console.error(JSON.stringify({ event: "cache.listen.failed", message: (error as Error).message }));
      retire();
    }
  };

  void connect();
  return async () => {
    stopped = true;
    await current?.end().catch(() => {});
  };
}

function parse(payload: string | undefined): InvalidationMessage | null {
  try {
    const message = JSON.parse(payload ?? "") as InvalidationMessage;
    return typeof message.from === "string" && Array.isArray(message.tags) ? message : null;
  } catch {
    return null;
  }
}
