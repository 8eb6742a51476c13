// "New from pasted text": the importer turns a pasted reprint into a draft with its source
// matched to one on file, its byline people, tags the desk already uses that it names, the
// language and whether it is a translation, the day the original appeared, and the one
// authorization that covers it. The editor first sees a summary of all that (previewPastedReprint),
// with any article the desk already has of the same piece, then confirms or corrects it.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { countWords, documentFromBlocks } from "@/lib/editor/document";
import { textMentions } from "@/lib/import/mentions";
import { ImportError, importReprintText, type ImportedReprint } from "@/lib/import/reprint-text";
import { slugify } from "@/lib/platform/slug";
import { findOrCreatePeople } from "@/lib/taxonomy/people";
import { createArticle } from "@/lib/articles/save-article";
import { authorizationStateAt, scopeCovers } from "@/lib/rights/coverage";
import { isoDate, SCOPE_LABELS } from "@/lib/rights/authorizations/status";
import { findPossibleDuplicates, type PossibleDuplicate } from "./duplicates";
import { readOriginal } from "./import-original";
import { detectLanguage } from "./language";
import { attachOriginal } from "@/lib/articles/attach-original";
import type { ImportPreviewInput, ImportReprintInput } from "./schema";
import { guessTranslation } from "./translation";

export interface ImportSummary {
  title: string;
  authors: string[];
  translators: string[];
  source: { line: string; name: string; matched: { id: string; name: string } | null } | null;
  /** YYYY-MM-DD, when the text says it. */
  originalDate: string | null;
  textLanguage: string | null;
  originalLanguage: string | null;
  isTranslation: boolean;
  translationReason: string | null;
  wordCount: number;
  /** The source's authorizations in force that cover this piece. */
  coveringAuthorizations: Array<{ id: string; label: string }>;
  /** Chosen for the draft: the covering one, when exactly one covers it. */
  authorizationId: string | null;
  duplicates: PossibleDuplicate[];
}

async function matchSource(source: ImportedReprint["source"]) {
  if (!source) return null;
  return db.source.findFirst({
    where: {
      OR: [
        { name: { equals: source.name, mode: "insensitive" } },
        { platformId: { equals: source.name, mode: "insensitive" } },
        { slug: slugify(source.name) },
      ],
    },
    select: { id: true, name: true, kind: true },
  });
}

async function suggestTags(text: string): Promise<string[]> {
  const tags = await db.tag.findMany({ select: { id: true, name: true } });
  return tags.filter((tag) => textMentions(text, tag.name)).map((tag) => tag.id);
}

async function coveringAuthorizations(
  sourceId: string | null,
  piece: { originalUrl: string | null; authorNames: string[] },
  at: Date,
) {
  if (!sourceId) return [];
  const authorizations = await db.reprintAuthorization.findMany({
    where: { sourceId, status: "GRANTED" },
    orderBy: [{ validFrom: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      scope: true,
      scopeUrl: true,
      scopeAuthorName: true,
      validFrom: true,
      validUntil: true,
    },
  });
  return authorizations
    .filter((a) => authorizationStateAt(a, at) === "VALID" && scopeCovers(a, piece))
    .map((a) => ({
      id: a.id,
      label: `${SCOPE_LABELS[a.scope]}, from ${isoDate(a.validFrom)} ${a.validUntil ? `until ${isoDate(a.validUntil)}` : "with no end"}`,
    }));
}

function parse(text: string): ImportedReprint {
  try {
    return importReprintText(text);
  } catch (error) {
    if (error instanceof ImportError)
      throw new ActionFailure("INVALID", error.message, { text: [error.message] });
    throw error;
  }
}

async function analyze(text: string, originalUrl: string | null) {
  const draft = parse(text);
  const plain = draft.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  const source = await matchSource(draft.source);
  const authorNames = draft.bylines.filter((b) => b.role === "AUTHOR").map((b) => b.name);
  const textLanguage = detectLanguage(`${draft.title}\n${plain}`);
  const translation = guessTranslation(draft, `${draft.title}\n${plain}`, textLanguage, source?.kind ?? null);
  const [covering, duplicates] = await Promise.all([
    coveringAuthorizations(source?.id ?? null, { originalUrl, authorNames }, now()),
    findPossibleDuplicates({ title: draft.title, sourceId: source?.id ?? null, originalUrl }),
  ]);
  const summary: ImportSummary = {
    title: draft.title,
    authors: authorNames,
    translators: draft.bylines.filter((b) => b.role === "TRANSLATOR").map((b) => b.name),
    source: draft.source
      ? {
          line: draft.source.line,
          name: draft.source.name,
          matched: source && { id: source.id, name: source.name },
        }
      : null,
    originalDate: draft.originalDate,
    textLanguage,
    originalLanguage: translation.originalLanguage,
    isTranslation: translation.isTranslation,
    translationReason: translation.reason,
    wordCount: countWords(plain),
    coveringAuthorizations: covering,
    authorizationId: covering.length === 1 ? covering[0]!.id : null,
    duplicates,
  };
  return { draft, plain, sourceId: source?.id ?? null, summary };
}

/** What the importer would make of the pasted text. Writes nothing. */
export async function previewPastedReprint(input: ImportPreviewInput): Promise<ImportSummary> {
  return (await analyze(input.text, input.originalUrl ?? null)).summary;
}

const DUPLICATE_REASON: Record<PossibleDuplicate["reason"], string> = {
  SAME_ORIGINAL_URL: "same original address",
  SAME_TITLE_AND_SOURCE: "same title from the same source",
};

/**
 * Makes the draft. What the editor confirmed in the summary wins over what was detected; a
 * piece the desk may already have is refused unless `allowDuplicate` says the editor saw it.
 */
export async function importPastedReprint(
  text: string,
  context: ActionContext,
  choices: Omit<Partial<ImportReprintInput>, "text"> = {},
) {
  const originalUrl = choices.originalUrl ?? null;
  const { draft, plain, sourceId, summary } = await analyze(text, originalUrl);
  if (summary.duplicates.length > 0 && !choices.allowDuplicate) {
    const list = summary.duplicates.map((d) => `“${d.title}” (${DUPLICATE_REASON[d.reason]})`).join(", ");
    throw new ActionFailure(
      "CONFLICT",
      `The desk may already have this piece: ${list}. Open it, or make a draft anyway.`,
    );
  }
  let authorizationId = summary.authorizationId;
  if (choices.authorizationId === "none") authorizationId = null;
  else if (choices.authorizationId) {
    const chosen = sourceId
      ? await db.reprintAuthorization.findFirst({
          where: { id: choices.authorizationId, sourceId },
          select: { id: true },
        })
      : null;
    if (!chosen) {
      const message = "That authorization is not one of this source's. Check the import again.";
      throw new ActionFailure("INVALID", message, { authorizationId: [message] });
    }
    authorizationId = chosen.id;
  }
  // Read before anything is written, so a bad original changes nothing.
  const original = choices.originalText
    ? readOriginal({
        originalText: choices.originalText,
        originalTextLanguage: choices.originalTextLanguage ?? choices.originalLanguage,
        originalTextUrl: choices.originalTextUrl ?? originalUrl ?? undefined,
      })
    : null;
  const originalDay = choices.originalPublishedOn ?? summary.originalDate ?? original?.publishedOn ?? null;
  const isTranslation =
    choices.isTranslation ?? (original ? original.language !== summary.textLanguage : summary.isTranslation);
  const [tagIds, personIds] = await Promise.all([
    suggestTags(`${draft.title}\n${plain}`),
    findOrCreatePeople(
      draft.bylines.map((b) => b.name),
      context,
    ),
  ]);
  const article = await createArticle(
    {
      title: draft.title,
      excerpt: draft.excerpt,
      body: documentFromBlocks(draft.blocks),
      kind: "REPRINT",
      sourceId,
      authorizationId,
      originalUrl,
      sourceLine: draft.source?.line ?? null,
      originalLanguage: original?.language ?? choices.originalLanguage ?? summary.originalLanguage,
      originalPublishedAt: originalDay ? new Date(`${originalDay}T00:00:00Z`) : null,
      isTranslation,
      isModified: false,
      bylines: draft.bylines.map((b, i) => ({ personId: personIds[i]!.id, role: b.role })),
      tagIds,
    },
    context,
  );
  if (original) await attachOriginal(article.id, original, context);
  return article;
}
