// "New from pasted text": the importer turns a pasted reprint into a draft with its source
// matched to one on file, its byline people, and tags the desk already uses that it names.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { db } from "@/lib/platform/db";
import { documentFromBlocks } from "@/lib/editor/document";
import { textMentions } from "@/lib/import/mentions";
import { ImportError, importReprintText, type ImportedReprint } from "@/lib/import/reprint-text";
import { slugify } from "@/lib/platform/slug";
import { findOrCreatePeople } from "@/lib/taxonomy/people";
import { createArticle } from "@/lib/articles/save-article";

async function matchSource(source: ImportedReprint["source"]) {
  if (!source) return null;
  const found = await db.source.findFirst({
    where: {
      OR: [
        { name: { equals: source.name, mode: "insensitive" } },
        { platformId: { equals: source.name, mode: "insensitive" } },
        { slug: slugify(source.name) },
      ],
    },
    select: { id: true },
  });
  return found?.id ?? null;
}

async function suggestTags(text: string): Promise<string[]> {
  const tags = await db.tag.findMany({ select: { id: true, name: true } });
  return tags.filter((tag) => textMentions(text, tag.name)).map((tag) => tag.id);
}

export async function importPastedReprint(text: string, context: ActionContext) {
  let draft: ImportedReprint;
  try {
    draft = importReprintText(text);
  } catch (error) {
    if (error instanceof ImportError)
      throw new ActionFailure("INVALID", error.message, { text: [error.message] });
    throw error;
  }
  const body = documentFromBlocks(draft.blocks);
  const plain = draft.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  const [sourceId, tagIds, personIds] = await Promise.all([
    matchSource(draft.source),
    suggestTags(`${draft.title}\n${plain}`),
    findOrCreatePeople(
      draft.bylines.map((b) => b.name),
      context,
    ),
  ]);
  return createArticle(
    {
      title: draft.title,
      excerpt: draft.excerpt,
      body,
      kind: "REPRINT",
      sourceId,
      sourceLine: draft.source?.line ?? null,
      isTranslation: false,
      isModified: false,
      bylines: draft.bylines.map((b, i) => ({ personId: personIds[i]!.id, role: b.role })),
      tagIds,
    },
    context,
  );
}
