import "server-only";
// An article's original as the editor and the publish step see it: the latest revision, its
// paragraphs beside ours, the stored alignment, and whether the translation is out of date (the
// original has a revision newer than the one the translation follows), with what changed.
import { db } from "@/lib/platform/db";
import { documentParagraphs } from "@/lib/editor/document";
import type { AlignmentRow } from "@/lib/rights/fidelity/alignment";
import { effectiveAlignment } from "@/lib/rights/fidelity/alignment";
import { outOfDateStatus, type OutOfDate } from "./out-of-date";

export interface ArticleOriginal {
  revision: number;
  language: string;
  title: string;
  url: string | null;
  authorLine: string;
  publishedOn: string | null;
  paragraphs: string[];
  alignment: AlignmentRow[];
  /** False when the alignment shown is the default (none saved, or it no longer fits the texts). */
  alignmentStored: boolean;
  outOfDate: OutOfDate | null;
  confirmedHeadline: string | null;
}

const revisionSelect = {
  revision: true,
  language: true,
  title: true,
  url: true,
  authorLine: true,
  publishedOn: true,
  body: true,
} as const;

/** The latest original of the article with the alignment against `translationBody`, or null. */
export async function articleOriginal(articleId: string): Promise<ArticleOriginal | null> {
  const [article, latest] = await Promise.all([
    db.article.findUnique({
      where: { id: articleId },
      select: { body: true, alignment: true, confirmedHeadline: true },
    }),
    db.originalRevision.findFirst({
      where: { articleId },
      orderBy: { revision: "desc" },
      select: revisionSelect,
    }),
  ]);
  if (!article || !latest) return null;
  const paragraphs = documentParagraphs(latest.body);
  const { rows, stored } = effectiveAlignment(
    article.alignment,
    paragraphs.length,
    documentParagraphs(article.body).length,
  );
  return {
    revision: latest.revision,
    language: latest.language,
    title: latest.title,
    url: latest.url,
    authorLine: latest.authorLine,
    publishedOn: latest.publishedOn?.toISOString().slice(0, 10) ?? null,
    paragraphs,
    alignment: rows,
    alignmentStored: stored,
    outOfDate: await outOfDateStatus(db, articleId),
    confirmedHeadline: article.confirmedHeadline,
  };
}

/** What the side-by-side page shows: our text as saved, and the original beside it. */
export async function articleForSideBySide(articleId: string) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      slug: true,
      kind: true,
      isTranslation: true,
      originalPublished: true,
      body: true,
      createdById: true,
      status: true,
    },
  });
  if (!article) return null;
  const { body, ...rest } = article;
  return { ...rest, paragraphs: documentParagraphs(body), original: await articleOriginal(articleId) };
}
