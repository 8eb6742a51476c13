import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { importReprint, previewImport } from "@/app/(admin)/admin/articles/actions";
import { runAction } from "@/lib/platform/actions/run-action";
import { importPastedReprint, previewPastedReprint } from "@/lib/import/import-reprint";
import { db } from "@/lib/platform/db";
import type { ArticleDocument } from "@/lib/editor/document";
import { context } from "../support/articles";
import { createTestUser } from "../support/users";

const FIXTURE = "prisma/seed-data/reprint-china-japan-taiwan.txt";

function paragraphs(body: ArticleDocument): string[] {
  return (body.content ?? []).filter((n) => n.type === "paragraph").map((n) => n.content?.[0]?.text ?? "");
}

describe("New from pasted text", () => {
  it("turns the seed page into a reprint draft with its source, bylines, tags and no boilerplate", async () => {
    const editor = await createTestUser("EDITOR");
    const source = await db.source.create({
      data: { name: "Bu Yidao", slug: "bu-yidao", kind: "WECHAT_ACCOUNT" },
    });
    const taiwan = await db.tag.create({
      data: { name: "Taiwan Strait", slug: "taiwan-strait", kind: "PLACE" },
    });
    await db.tag.create({ data: { name: "Antarctica", slug: "antarctica", kind: "PLACE" } });

    const draft = await importPastedReprint(await readFile(FIXTURE, "utf8"), context(editor));
    const article = await db.article.findUniqueOrThrow({
      where: { id: draft.id },
      include: { bylines: { include: { person: true }, orderBy: { position: "asc" } }, tags: true },
    });

    expect(article.title).toBe(
      "Today, there is a special background for high-level calls between China and Japan!",
    );
    expect(article.status).toBe("DRAFT");
    expect(article.kind).toBe("REPRINT");
    expect(article.sourceId).toBe(source.id);
    expect(article.sourceLine).toBe(
      "Source: wechat official account: Bu Yidao has been authorized to reprint",
    );
    expect(article.bylines.map((b) => [b.person.name, b.role])).toEqual([
      ["Tiger knife", "AUTHOR"],
      ["Sister Daodao", "AUTHOR"],
    ]);
    expect(article.tags.map((t) => t.tagId)).toEqual([taiwan.id]);
    const texts = paragraphs(article.body as ArticleDocument);
    expect(texts[0]).toBe(
      "This summer, the active duty officials of Japan’s defense ministry will be stationed in Taiwan?",
    );
    expect(texts.at(-1)).toBe("In this case, I hope some Japanese politicians will listen.");
    for (const boilerplate of ["Spread the love", "Leave a Reply", "Your email address", "Required fields"]) {
      expect(article.bodyText).not.toContain(boilerplate);
    }
  });

  it("reuses byline people already on file", async () => {
    const editor = await createTestUser("EDITOR");
    const person = await db.person.create({ data: { name: "Rosa Lin", slug: "rosa-lin" } });
    const people = await db.person.count();
    const draft = await importPastedReprint("A title\n\nPen / Rosa Lin\n\nThe body.", context(editor));
    const bylines = await db.articleByline.findMany({ where: { articleId: draft.id } });
    expect(bylines.map((b) => b.personId)).toEqual([person.id]);
    expect(await db.person.count()).toBe(people);
  });

  it("answers garbage with the importer's message and creates nothing", async () => {
    const editor = await createTestUser("EDITOR");
    const before = await db.article.count();
    const result = await runAction(importReprint.definition, editor, { text: "Leave a Reply" });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.article.count()).toBe(before);
  });

  describe("the summary before the draft, and what the draft keeps of it (finding 11)", () => {
    async function grantedTo(sourceId: string, editorId: string, overrides: Record<string, unknown> = {}) {
      return db.reprintAuthorization.create({
        data: {
          sourceId,
          status: "GRANTED",
          validFrom: new Date("2022-01-01T00:00:00Z"),
          requestedById: editorId,
          decidedAt: new Date("2022-01-01T00:00:00Z"),
          ...overrides,
        },
      });
    }

    it("summarises the seed page: the one covering authorization chosen, English translated from zh-Hans, no date found", async () => {
      const editor = await createTestUser("EDITOR");
      const source = await db.source.create({
        data: { name: "Bu Yidao Weekly", slug: `bu-yidao-weekly-${Date.now()}`, kind: "WECHAT_ACCOUNT" },
      });
      const covering = await grantedTo(source.id, editor.id);
      // Not in force: revoked, and one that has not started yet.
      await grantedTo(source.id, editor.id, {
        status: "REVOKED",
        revokedAt: new Date("2023-01-01T00:00:00Z"),
      });
      await grantedTo(source.id, editor.id, { validFrom: new Date("2100-01-01T00:00:00Z") });
      // The seed page under a source of this test's own (the first test imported it under Bu Yidao).
      const text = (await readFile(FIXTURE, "utf8")).replace("Bu Yidao", "Bu Yidao Weekly");

      const before = await db.article.count();
      const result = await runAction(previewImport.definition, editor, { text });
      expect(await db.article.count()).toBe(before);
      expect(result).toMatchObject({ ok: true });
      const summary = (result as { data: Awaited<ReturnType<typeof previewPastedReprint>> }).data;
      expect(summary).toMatchObject({
        title: "Today, there is a special background for high-level calls between China and Japan!",
        authors: ["Tiger knife", "Sister Daodao"],
        source: { name: "Bu Yidao Weekly", matched: { id: source.id, name: "Bu Yidao Weekly" } },
        originalDate: null,
        textLanguage: "en",
        originalLanguage: "zh-Hans",
        isTranslation: true,
        authorizationId: covering.id,
        duplicates: [],
      });
      expect(summary.coveringAuthorizations.map((a) => a.id)).toEqual([covering.id]);
      expect(summary.wordCount).toBeGreaterThan(2000);

      const draft = await importPastedReprint(text, context(editor), { originalPublishedOn: "2022-07-08" });
      const article = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
      expect(article).toMatchObject({
        authorizationId: covering.id,
        isTranslation: true,
        originalLanguage: "zh-Hans",
        originalPublishedAt: new Date("2022-07-08T00:00:00Z"),
      });

      // Pasted again: the summary points at the draft, and the draft is refused until the editor says so.
      const again = await previewPastedReprint({ text });
      expect(again.duplicates).toEqual([
        { id: draft.id, title: article.title, status: "DRAFT", reason: "SAME_TITLE_AND_SOURCE" },
      ]);
      const refused = await runAction(importReprint.definition, editor, { text });
      expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
      expect((refused as { message: string }).message).toContain(article.title);
      expect(await db.article.count()).toBe(before + 1);
      const anyway = await importPastedReprint(text, context(editor), { allowDuplicate: true });
      expect(anyway.id).not.toBe(draft.id);
    });

    it("finds an earlier import by its original address, whatever the title, and lets the editor choose no authorization", async () => {
      const editor = await createTestUser("EDITOR");
      const url = "https://harbour.example/pieces/forty-ships";
      const first = await importPastedReprint(
        "Forty ships\n\nThe harbour master counted forty ships.",
        context(editor),
        {
          originalUrl: url,
        },
      );
      const summary = await previewPastedReprint({
        text: "Forty ships at dawn (updated)\n\nThe harbour master counted forty ships.",
        originalUrl: "https://HARBOUR.example/pieces/forty-ships/#top",
      });
      expect(summary.duplicates.map((d) => [d.id, d.reason])).toEqual([[first.id, "SAME_ORIGINAL_URL"]]);
      expect(summary.authorizationId).toBeNull();
    });

    it("refuses an authorization of another source", async () => {
      const editor = await createTestUser("EDITOR");
      const other = await db.source.create({
        data: { name: "Other", slug: `other-${Date.now()}`, kind: "WEBSITE" },
      });
      const foreign = await grantedTo(other.id, editor.id);
      const result = await runAction(importReprint.definition, editor, {
        text: "A title\n\nThe body.",
        authorizationId: foreign.id,
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { authorizationId: [expect.any(String)] } });
    });
  });
});
