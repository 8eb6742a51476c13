import { NextResponse } from "next/server";
import { db } from "@/lib/platform/db";

/** For load balancers: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    const [{ count }] = await db.$queryRaw<[{ count: bigint }]>`
      select count(*) as count from _prisma_migrations where finished_at is not null`;
    return NextResponse.json(
      { status: "ok", database: "up", migrations: Number(count) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return NextResponse.json(
      { status: "error", database: "down" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
