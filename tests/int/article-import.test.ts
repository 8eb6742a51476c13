import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { importReprint } from "@/app/(admin)/admin/articles/actions";
import { runAction } from "@/lib/platform/actions/run-action";
import { importPastedReprint } from "@/lib/import/import-reprint";
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
});
