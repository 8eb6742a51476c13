import "server-only";
// A pasted piece the desk may already have: an article with the same original address, or one
// from the same source whose title (or original title) reads the same once case, spacing and
// punctuation are set aside.
import { db } from "@/lib/platform/db";
import { normalizeUrl } from "@/lib/rights/coverage";

export interface PossibleDuplicate {
  id: string;
  title: string;
  status: string;
  reason: "SAME_ORIGINAL_URL" | "SAME_TITLE_AND_SOURCE";
}

/** A title in comparable form: compatible Unicode, lower case, letters and digits only. */
export function comparableTitle(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const select = { id: true, title: true, originalTitle: true, originalUrl: true, status: true } as const;

export async function findPossibleDuplicates(piece: {
  title: string;
  sourceId: string | null;
  originalUrl: string | null;
}): Promise<PossibleDuplicate[]> {
  const found = new Map<string, PossibleDuplicate>();
  if (piece.originalUrl) {
    const wanted = normalizeUrl(piece.originalUrl);
    const host = URL.canParse(piece.originalUrl) ? new URL(piece.originalUrl).host : piece.originalUrl;
    const candidates = await db.article.findMany({
      where: { originalUrl: { contains: host, mode: "insensitive" } },
      select,
    });
    for (const a of candidates) {
      if (a.originalUrl && normalizeUrl(a.originalUrl) === wanted) {
        found.set(a.id, { id: a.id, title: a.title, status: a.status, reason: "SAME_ORIGINAL_URL" });
      }
    }
  }
  const title = comparableTitle(piece.title);
  if (piece.sourceId && title) {
    const sameSource = await db.article.findMany({ where: { sourceId: piece.sourceId }, select });
    for (const a of sameSource) {
      if (found.has(a.id)) continue;
      const titles = [a.title, a.originalTitle].filter((t): t is string => !!t).map(comparableTitle);
      if (titles.includes(title)) {
        found.set(a.id, { id: a.id, title: a.title, status: a.status, reason: "SAME_TITLE_AND_SOURCE" });
      }
    }
  }
  return [...found.values()];
}
