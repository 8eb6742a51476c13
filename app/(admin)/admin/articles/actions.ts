"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import { importPastedReprint, previewPastedReprint } from "@/lib/import/import-reprint";
import { ImportPreviewSchema, ImportReprintSchema } from "@/lib/import/schema";
import { editorStateAfterMove, serverArticle } from "@/lib/articles/editor-load";
import { createArticle as create, saveArticle as save } from "@/lib/articles/save-article";
import {
  archiveArticle as archive,
  bulkArchive,
  publishArticle as publish,
  scheduleArticle as schedule,
  submitForReview,
  unpublishArticle as unpublish,
} from "@/lib/articles/workflow";
import { rightsForEditor } from "@/lib/articles/editor-rights";
import { saveAlignment as storeAlignment, SaveAlignmentSchema } from "@/lib/articles/save-alignment";
import { confirmHeadline as confirmTitle, ConfirmHeadlineSchema } from "@/lib/articles/confirm-headline";
import { articleOriginal } from "@/lib/articles/original-status";
import { PublishOriginalSchema, setOriginalPublished } from "@/lib/articles/publish-original";
import { siteIdentity } from "@/lib/site/identity";
import { AttachOriginalSchema, importOriginal } from "@/lib/import/import-original";
import {
  ArticleIdSchema,
  BulkArchiveSchema,
  CreateArticleSchema,
  PublishSchema,
  SaveArticleSchema,
  ScheduleSchema,
  TransitionSchema,
} from "@/lib/articles/schema";

// The commands invalidate what readers see once they have committed; an action only refreshes the
// desk's own screen (its list) for the staff member who acted.
const refreshDesk = () => revalidatePath("/admin/articles");

export const createArticle = defineAction({
  permission: "article.create",
  schema: CreateArticleSchema,
  async handler(input, context) {
    const article = await create(input, context);
    refreshDesk();
    return { ok: true, message: "Saved.", data: await serverArticle(article.id) };
  },
});

export const saveArticle = defineAction({
  permission: "article.editOwn",
  schema: SaveArticleSchema,
  async handler(input, context) {
    const article = await save(input, context);
    if (input.manual) refreshDesk();
    return { ok: true, message: "Saved.", data: await serverArticle(article.id) };
  },
});

export const submitArticle = defineAction({
  permission: "article.editOwn",
  schema: TransitionSchema,
  async handler(input, context) {
    const article = await submitForReview(input, context);
    refreshDesk();
    return { ok: true, message: "Submitted for review.", data: await editorStateAfterMove(article.id) };
  },
});

export const checkArticleRights = defineAction({
  permission: "article.editOwn",
  schema: ArticleIdSchema,
  async handler(input, context) {
    return { ok: true, data: await rightsForEditor(input.id, context.actor) };
  },
});

export const publishArticle = defineAction({
  permission: "article.publish",
  schema: PublishSchema,
  async handler(input, context) {
    const article = await publish(input, context);
    refreshDesk();
    return { ok: true, message: "Published.", data: await editorStateAfterMove(article.id) };
  },
});

export const scheduleArticle = defineAction({
  permission: "article.publish",
  schema: ScheduleSchema,
  async handler(input, context) {
    const article = await schedule(input, context);
    refreshDesk();
    return { ok: true, message: "Scheduled.", data: await editorStateAfterMove(article.id) };
  },
});

export const unpublishArticle = defineAction({
  permission: "article.publish",
  schema: TransitionSchema,
  async handler(input, context) {
    const article = await unpublish(input, context);
    refreshDesk();
    return {
      ok: true,
      message: "Unpublished: it is a draft again.",
      data: await editorStateAfterMove(article.id),
    };
  },
});

export const archiveArticle = defineAction({
  permission: "article.archive",
  schema: TransitionSchema,
  async handler(input, context) {
    const article = await archive(input, context);
    refreshDesk();
    return { ok: true, message: "Archived.", data: await editorStateAfterMove(article.id) };
  },
});

export const bulkArchiveArticles = defineAction({
  permission: "article.archive",
  schema: BulkArchiveSchema,
  async handler(input, context) {
    const count = await bulkArchive(input.ids, context);
    refreshDesk();
    return { ok: true, message: `Archived ${count} article(s).` };
  },
});

/** What the importer would make of the pasted text, for the editor to confirm: writes nothing. */
export const previewImport = defineAction({
  permission: "article.create",
  schema: ImportPreviewSchema,
  async handler(input) {
    return { ok: true, data: await previewPastedReprint(input) };
  },
});

export const importReprint = defineAction({
  permission: "article.create",
  schema: ImportReprintSchema,
  async handler(input, context) {
    const article = await importPastedReprint(input.text, context, input);
    refreshDesk();
    return { ok: true, redirectTo: `/admin/articles/${article.id}` };
  },
});

/** Keeps a reprint's original beside it; a second import is a new revision of the original. */
export const attachOriginal = defineAction({
  permission: "article.editOwn",
  schema: AttachOriginalSchema,
  async handler(input, context) {
    const attached = await importOriginal(input, context);
    return {
      ok: true,
      message: attached.reimported
        ? `Original revision ${attached.revision} kept: the translation is now out of date.`
        : "Original kept beside the article.",
      data: await articleOriginal(input.id),
    };
  },
});

export const saveAlignment = defineAction({
  permission: "article.editOwn",
  schema: SaveAlignmentSchema,
  async handler(input, context) {
    await storeAlignment(input, context);
    return { ok: true, message: "Alignment saved.", data: await articleOriginal(input.id) };
  },
});

/** Publishes the kept original beside the article as its language version, or stops doing so. */
export const publishOriginal = defineAction({
  permission: "article.publish",
  schema: PublishOriginalSchema,
  async handler(input, context) {
    const { language } = await siteIdentity();
    const { originalPublished } = await setOriginalPublished(input, language, context);
    return {
      ok: true,
      message: originalPublished
        ? "The original is published beside the article while it is public."
        : "The original is no longer published beside the article.",
    };
  },
});

/** An editor's word that a headline differing from the original title is intended. */
export const confirmHeadline = defineAction({
  permission: "article.publish",
  schema: ConfirmHeadlineSchema,
  async handler(input, context) {
    await confirmTitle(input, context);
    return { ok: true, message: "Headline confirmed." };
  },
});
