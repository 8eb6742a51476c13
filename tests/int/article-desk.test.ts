import { afterEach, describe, expect, it } from "vitest";
import {
  createArticle as createArticleAction,
  publishArticle as publishAction,
} from "@/app/(admin)/admin/articles/actions";
import { runAction } from "@/lib/platform/actions/run-action";
import { ActionFailure } from "@/lib/platform/actions/result";
import { saveArticle } from "@/lib/articles/save-article";
import { publishArticle, scheduleArticle, submitForReview, unpublishArticle } from "@/lib/articles/workflow";
import { advanceClock, resetClock, setClock, now } from "@/lib/platform/clock";
import { listPublishedArticles } from "@/lib/articles/public-articles";
import { db } from "@/lib/platform/db";
import { documentToPlainText } from "@/lib/editor/document";
import { articleFields, context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

async function failureOf(promise: Promise<unknown>): Promise<ActionFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ActionFailure) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

afterEach(() => resetClock());

describe("saving with optimistic locking", () => {
  it("refuses a save made from an older version and returns the server's copy; nothing is lost", async () => {
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor, { title: "Original" });

    const first = await saveArticle(
      {
        ...articleFields({ title: "Edited by Ana", paragraphs: ["Ana's text."] }),
        id: article.id,
        version: 1,
        manual: false,
      },
      context(editor),
    );
    expect(first.version).toBe(2);

    const failure = await failureOf(
      saveArticle(
        {
          ...articleFields({ title: "Edited by Ben", paragraphs: ["Ben's text."] }),
          id: article.id,
          version: 1,
          manual: false,
        },
        context(editor),
      ),
    );
    expect(failure.code).toBe("CONFLICT");
    const server = (failure.data as { server: { version: number; title: string; body: unknown } }).server;
    expect(server.version).toBe(2);
    expect(server.title).toBe("Edited by Ana");

    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.title).toBe("Edited by Ana");
    expect(stored.bodyText).toBe("Ana's text.");
    expect(stored.version).toBe(2);
  });

  it("writes a revision for each manual save, not for autosaves", async () => {
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor);
    await saveArticle(
      { ...articleFields({ title: "Autosaved" }), id: article.id, version: 1, manual: false },
      context(editor),
    );
    await saveArticle(
      { ...articleFields({ title: "Saved by hand" }), id: article.id, version: 2, manual: true },
      context(editor),
    );
    const revisions = await db.articleRevision.findMany({
      where: { articleId: article.id },
      orderBy: { createdAt: "asc" },
    });
    expect(revisions.map((r) => [r.reason, r.title])).toEqual([
      ["MANUAL_SAVE", "A test article"],
      ["MANUAL_SAVE", "Saved by hand"],
    ]);
  });

  it("keeps the old slug of a published article so its URL can redirect", async () => {
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor, { title: "Old name" });
    const published = await publishArticle({ id: article.id, version: 1 }, context(editor));
    await saveArticle(
      {
        ...articleFields({ title: "New name", slug: "new-name" }),
        id: article.id,
        version: published.version,
        manual: true,
      },
      context(editor),
    );
    const redirect = await db.slugRedirect.findUnique({
      where: { entityType_oldSlug: { entityType: "Article", oldSlug: "old-name" } },
    });
    expect(redirect?.entityId).toBe(article.id);
  });

  it("derives the plain text used by search from the body", async () => {
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor, { paragraphs: ["Kishida spoke.", "Abe replied."] });
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.bodyText).toBe(documentToPlainText(stored.body as object));
    expect(stored.bodyText).toBe("Kishida spoke.\nAbe replied.");
  });
});

describe("workflow", () => {
  it("lets a writer submit for review but not publish", async () => {
    const writer = await createTestUser("WRITER");
    const article = await createTestArticle(writer);
    const submitted = await submitForReview({ id: article.id, version: 1 }, context(writer));
    expect(submitted.status).toBe("IN_REVIEW");
    const result = await runAction(publishAction.definition, writer, {
      id: article.id,
      version: submitted.version,
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses a writer editing someone else's article", async () => {
    const writer = await createTestUser("WRITER");
    const other = await createTestUser("WRITER");
    const article = await createTestArticle(other);
    const failure = await failureOf(
      saveArticle({ ...articleFields(), id: article.id, version: 1, manual: false }, context(writer)),
    );
    expect(failure.code).toBe("FORBIDDEN");
  });

  it("refuses to publish a reprint that has no source, saying why", async () => {
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor, { kind: "REPRINT" });
    const failure = await failureOf(publishArticle({ id: article.id, version: 1 }, context(editor)));
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toBe("A reprint needs its source before it can be published.");
    expect(failure.data).toEqual({ reasons: ["NO_SOURCE"] });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
  });

  it("makes a scheduled article public at its time, without anyone acting", async () => {
    setClock(new Date("2026-03-01T09:00:00Z"));
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor, { title: "Scheduled piece" });
    await scheduleArticle(
      { id: article.id, version: 1, publishAt: new Date("2026-03-01T12:00:00Z") },
      context(editor),
    );

    const visible = async () =>
      (await listPublishedArticles({ now: now(), take: 50 })).some((a) => a.id === article.id);
    expect(await visible()).toBe(false);
    advanceClock(3 * 60 * 60 * 1000 - 1000);
    expect(await visible()).toBe(false);
    advanceClock(1000);
    expect(await visible()).toBe(true);
  });

  it("refuses to schedule in the past", async () => {
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor);
    const failure = await failureOf(
      scheduleArticle(
        { id: article.id, version: 1, publishAt: new Date(now().getTime() - 1000) },
        context(editor),
      ),
    );
    expect(failure.code).toBe("INVALID");
  });

  it("takes an unpublished article off the public lists and writes a revision on publish", async () => {
    const editor = await createTestUser("EDITOR");
    const article = await createTestArticle(editor);
    const published = await publishArticle({ id: article.id, version: 1 }, context(editor));
    expect((await listPublishedArticles({ now: now(), take: 50 })).map((a) => a.id)).toContain(article.id);
    await unpublishArticle({ id: article.id, version: published.version }, context(editor));
    expect((await listPublishedArticles({ now: now(), take: 50 })).map((a) => a.id)).not.toContain(
      article.id,
    );
    const reasons = (await db.articleRevision.findMany({ where: { articleId: article.id } })).map(
      (r) => r.reason,
    );
    expect(reasons).toContain("PUBLISH");
    const audit = await db.auditLog.findMany({
      where: { entityId: article.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "article.create",
      "article.published",
      "article.unpublished",
    ]);
  });

  it("answers bad article input with field errors and writes nothing", async () => {
    const editor = await createTestUser("EDITOR");
    const before = await db.article.count();
    const result = await runAction(createArticleAction.definition, editor, {
      title: "",
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
            ],
          },
        ],
      },
      originalUrl: "not a url",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["body", "originalUrl", "title"]);
    expect(await db.article.count()).toBe(before);
  });
});
