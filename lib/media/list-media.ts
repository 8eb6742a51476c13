import "server-only";
// Recent media for the library page and the picker: newest first, filtered by file name or
// alt text, paged by a cursor that survives deletions.
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isStorableText } from "@/lib/platform/storable-text";
import { ListMediaQuerySchema, type ListMediaQuery } from "./rules";
import { mediaItemSelect, toMediaItem, type MediaPage } from "./types";

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [time, id, ...rest] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(time ?? "");
  // A tampered cursor is no cursor: PostgreSQL refuses NULs and far-away years in a query.
  if (!id || rest.length > 0 || !isStorableText(id) || !(createdAt.getTime() >= 0)) return null;
  return { createdAt, id };
}

export async function listMedia(query: ListMediaQuery = {}): Promise<MediaPage> {
  const { q, cursor, limit } = ListMediaQuerySchema.parse(query);
  const after = decodeCursor(cursor);
  const where: Prisma.MediaWhereInput = {
    AND: [
      q
        ? {
            OR: [
              { fileName: { contains: q, mode: "insensitive" } },
              { alt: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
      after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await db.media.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: mediaItemSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toMediaItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
