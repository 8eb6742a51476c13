import { describe, expect, it } from "vitest";
import { restoreRevision as restoreAction } from "@/app/(admin)/admin/articles/[id]/revisions/actions";
import { ActionFailure } from "@/lib/platform/actions/result";
import { runAction } from "@/lib/platform/actions/run-action";
import { restoreRevision } from "@/lib/articles/restore-revision";
import { getRevisionsForComparison, listRevisions } from "@/lib/articles/revision-history";
import { db } from "@/lib/platform/db";
import { documentFromBlocks } from "@/lib/editor/document";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/platform/session";
import { context } from "../support/articles";
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

function body(...paragraphs: string[]) {
  return documentFromBlocks(paragraphs.map((text) => ({ type: "paragraph", text })));
}

let counter = 0;

/**
 * An article at version 3 with three revisions written straight to the database:
 * v1 "First draft", v2 "Second draft", v3 "Third draft" (the current content).
 */
async function articleWithHistory(owner: CurrentUser, status: ArticleStatus = "DRAFT") {
  const drafts = [
    { version: 1, title: "First draft", excerpt: "One.", body: body("Alpha paragraph.", "Beta paragraph.") },
    { version: 2, title: "Second draft", excerpt: "Two.", body: body("Alpha paragraph, edited.") },
    { version: 3, title: "Third draft", excerpt: "Three.", body: body("Gamma paragraph.") },
  ];
  const current = drafts[2]!;
  const article = await db.article.create({
    data: {
      slug: `history-${++counter}-${Date.now()}`,
      title: current.title,
      excerpt: current.excerpt,
      body: current.body,
      bodyText: "Gamma paragraph.",
      status,
      version: current.version,
      createdById: owner.id,
    },
  });
  const revisions = [];
  for (const [index, draft] of drafts.entries()) {
    revisions.push(
      await db.articleRevision.create({
        data: {
          articleId: article.id,
          ...draft,
          reason: "MANUAL_SAVE",
          authorId: owner.id,
          createdAt: new Date(Date.UTC(2024, 0, 1 + index)),
        },
      }),
    );
  }
  return {
    article,
    revisions: revisions as [(typeof revisions)[0], (typeof revisions)[0], (typeof revisions)[0]],
  };
}

async function snapshot(articleId: string) {
  const [article, revisions, audit] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId } }),
    db.articleRevision.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
    db.auditLog.findMany({ where: { entityId: articleId } }),
  ]);
  return { article, revisions, audit };
}

describe("restoring a revision", () => {
  it("makes the revision the current content as a new version, and adds a RESTORE revision", async () => {
    const writer = await createTestUser("WRITER");
    const { article, revisions } = await articleWithHistory(writer);
    const [first] = revisions;
    const olderBefore = await db.articleRevision.findMany({
      where: { articleId: article.id },
      orderBy: { version: "asc" },
    });

    const restored = await restoreRevision(
      { articleId: article.id, revisionId: first.id, version: 3 },
      context(writer),
    );
    expect(restored.version).toBe(4);

    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored).toMatchObject({
      version: 4,
      title: "First draft",
      excerpt: "One.",
      bodyText: "Alpha paragraph.\nBeta paragraph.",
      slug: article.slug,
      status: "DRAFT",
    });
    expect(stored.body).toEqual(first.body);

    const after = await db.articleRevision.findMany({
      where: { articleId: article.id },
      orderBy: { version: "asc" },
    });
    expect(after).toHaveLength(4);
    // History is never rewritten: the three older revisions are exactly as they were.
    expect(after.slice(0, 3)).toEqual(olderBefore);
    expect(after[3]).toMatchObject({
      version: 4,
      reason: "RESTORE",
      title: "First draft",
      excerpt: "One.",
      authorId: writer.id,
    });
    expect(after[3]!.body).toEqual(first.body);

    const audit = await db.auditLog.findMany({ where: { entityType: "Article", entityId: article.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "article.restoreRevision",
      actorId: writer.id,
      ip: "127.0.0.1",
      before: { version: 3, title: "Third draft" },
      after: { version: 4, title: "First draft", revisionId: first.id, revisionVersion: 1 },
    });
  });

  it("refuses a stale version with CONFLICT and the server's copy, changing nothing", async () => {
    const editor = await createTestUser("EDITOR");
    const { article, revisions } = await articleWithHistory(editor);
    const before = await snapshot(article.id);

    const failure = await failureOf(
      restoreRevision({ articleId: article.id, revisionId: revisions[0].id, version: 2 }, context(editor)),
    );
    expect(failure.code).toBe("CONFLICT");
    const server = (failure.data as { server: { version: number; title: string } }).server;
    expect(server).toMatchObject({ version: 3, title: "Third draft" });
    expect(await snapshot(article.id)).toEqual(before);
  });

  it("refuses a writer restoring someone else's article with FORBIDDEN", async () => {
    const owner = await createTestUser("WRITER");
    const other = await createTestUser("WRITER");
    const { article, revisions } = await articleWithHistory(owner);
    const before = await snapshot(article.id);
    const input = { articleId: article.id, revisionId: revisions[0].id, version: 3 };

    const failure = await failureOf(restoreRevision(input, context(other)));
    expect(failure).toBeInstanceOf(ActionFailure);
    expect(failure.code).toBe("FORBIDDEN");

    // Through the server action too: the permission lets writers in, the domain check stops them.
    const result = await runAction(restoreAction.definition, other, { ...input, version: "3" });
    expect(result.ok ? "OK" : result.code).toBe("FORBIDDEN");
    expect(await snapshot(article.id)).toEqual(before);
  });

  it("refuses a writer restoring their own article once it is published", async () => {
    const writer = await createTestUser("WRITER");
    const { article, revisions } = await articleWithHistory(writer, "PUBLISHED");
    const failure = await failureOf(
      restoreRevision({ articleId: article.id, revisionId: revisions[0].id, version: 3 }, context(writer)),
    );
    expect(failure.code).toBe("FORBIDDEN");
  });

  it("lets an editor restore anyone's article", async () => {
    const writer = await createTestUser("WRITER");
    const editor = await createTestUser("EDITOR");
    const { article, revisions } = await articleWithHistory(writer, "PUBLISHED");
    const restored = await restoreRevision(
      { articleId: article.id, revisionId: revisions[1].id, version: 3 },
      context(editor),
    );
    expect(restored).toMatchObject({ version: 4, title: "Second draft", status: "PUBLISHED" });
  });

  it("answers NOT_FOUND for an unknown revision, another article's revision or an unknown article", async () => {
    const editor = await createTestUser("EDITOR");
    const { article } = await articleWithHistory(editor);
    const { article: otherArticle, revisions: otherRevisions } = await articleWithHistory(editor);
    const before = await snapshot(article.id);
    const otherBefore = await snapshot(otherArticle.id);

    for (const input of [
      { articleId: article.id, revisionId: "no-such-revision", version: 3 },
      { articleId: article.id, revisionId: otherRevisions[0].id, version: 3 },
      { articleId: "no-such-article", revisionId: otherRevisions[0].id, version: 3 },
    ]) {
      const failure = await failureOf(restoreRevision(input, context(editor)));
      expect(failure.code, JSON.stringify(input)).toBe("NOT_FOUND");
    }
    expect(await snapshot(article.id)).toEqual(before);
    expect(await snapshot(otherArticle.id)).toEqual(otherBefore);
  });

  it("validates the action's input before doing anything", async () => {
    const editor = await createTestUser("EDITOR");
    const result = await runAction(restoreAction.definition, editor, { articleId: "x", version: "zero" });
    expect(result.ok ? "OK" : result.code).toBe("INVALID");
  });
});

describe("reading revisions", () => {
  it("lists them newest first with author and reason, and pairs two of one article only", async () => {
    const writer = await createTestUser("WRITER");
    const { article, revisions } = await articleWithHistory(writer);
    const { revisions: otherRevisions } = await articleWithHistory(writer);

    const { revisions: listed, total } = await listRevisions(article.id);
    expect(total).toBe(3);
    expect(listed.map((r) => [r.version, r.reason, r.authorName])).toEqual([
      [3, "MANUAL_SAVE", writer.name],
      [2, "MANUAL_SAVE", writer.name],
      [1, "MANUAL_SAVE", writer.name],
    ]);

    const pair = await getRevisionsForComparison(article.id, revisions[0].id, revisions[2].id);
    expect(pair.a).toMatchObject({ id: revisions[0].id, version: 1, title: "First draft" });
    expect(pair.b).toMatchObject({ id: revisions[2].id, version: 3, title: "Third draft" });

    const foreign = await getRevisionsForComparison(article.id, otherRevisions[0].id, revisions[2].id);
    expect(foreign.a).toBeNull();
    expect(foreign.b?.id).toBe(revisions[2].id);
  });
});

describe("restoring over autosaved text", () => {
  it("first keeps the autosaved text that no revision holds as a revision of its own", async () => {
    const writer = await createTestUser("WRITER");
    const { article, revisions } = await articleWithHistory(writer);
    // An autosave changes the article without writing a revision.
    await db.article.update({
      where: { id: article.id },
      data: { title: "Autosaved words", body: body("Typed but never saved by hand."), version: 4 },
    });

    await restoreRevision(
      { articleId: article.id, revisionId: revisions[0]!.id, version: 4 },
      context(writer),
    );

    const history = await db.articleRevision.findMany({
      where: { articleId: article.id },
      orderBy: { createdAt: "asc" },
      select: { reason: true, title: true },
    });
    expect(history.slice(-2)).toEqual([
      { reason: "MANUAL_SAVE", title: "Autosaved words" },
      { reason: "RESTORE", title: "First draft" },
    ]);
  });
});
