// The keys a test run wrote in the shared Redis, found and removed by the run's own prefix
// (SCAN MATCH, never FLUSHDB: other runs and other sites use the same server).
import { createClient } from "@redis/client";

async function connect(url: string) {
  const client = createClient({ url });
  await client.connect();
  return client;
}

/** The keys matching `pattern` (Redis glob syntax). */
export async function redisKeys(url: string, pattern: string): Promise<string[]> {
  const client = await connect(url);
  try {
    const found: string[] = [];
    for await (const keys of client.scanIterator({ MATCH: pattern, COUNT: 500 })) found.push(...keys);
    return found;
  } finally {
    client.destroy();
  }
}

/** Deletes every key that begins with `prefix`; returns how many there were. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  if (!prefix) throw new Error("Refusing to delete Redis keys without a prefix.");
  const client = await connect(url);
  try {
    let deleted = 0;
    for await (const keys of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: 500 })) {
      if (keys.length > 0) deleted += await client.unlink(keys);
    }
    return deleted;
  } finally {
    client.destroy();
  }
}

/** `text` as a glob that matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
