import { NextResponse } from "next/server";
import { sharedStore } from "@/lib/platform/cache/shared-store";
import { db } from "@/lib/platform/db";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * For load balancers: 200 when the database answers, 503 when it does not. With a shared page
 * cache (REDIS_URL) that cannot be reached the instance still serves, rendering every page:
 * 200 with status "degraded".
 */
export async function GET() {
  const store = sharedStore();
  const cache = store ? { shared: "redis", state: await store.check() } : { shared: "none" };
  try {
    const [{ count }] = await db.$queryRaw<[{ count: bigint }]>`
      select count(*) as count from _prisma_migrations where finished_at is not null`;
    return NextResponse.json(
      {
        status: cache.state === "down" ? "degraded" : "ok",
        database: "up",
        migrations: Number(count),
        cache,
      },
      { headers: NO_STORE },
    );
  } catch {
    return NextResponse.json(
      { status: "error", database: "down", cache },
      { status: 503, headers: NO_STORE },
    );
  }
}
