// Search finds every word a reader sees, even after text that looks like markup: PostgreSQL's
// parser would take `<script`, `<style` or `&word;` for markup and swallow the words after it.
import { beforeAll, describe, expect, it } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { searchArticles } from "@/lib/search/search-articles";
import { searchableQuery } from "@/lib/search/query";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const SCRIPT_TITLE = "<script>alert('x');// commentary";
const ids: Record<string, string> = {};

async function published(key: string, fields: { title: string; paragraphs: string[]; excerpt?: string }) {
  const article = await createTestArticle(editor, fields);
  ids[key] = (await publishArticle({ id: article.id, version: article.version }, context(editor))).id;
}

let editor: CurrentUser;

const search = (q: string) => searchArticles({ q, page: 1, now: new Date(), siteLanguage: "en" });
const foundIds = async (q: string) => (await search(q)).hits.map((hit) => hit.article.id);

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
  await published("scriptTitle", { title: SCRIPT_TITLE, paragraphs: ["A note on the desk's own work."] });
  await published("unclosedTag", {
    title: "Notes from the strait",
    paragraphs: ["a <b unclosed tag then taiwan"],
  });
  await published("styleBody", {
    title: "A stylesheet aside",
    paragraphs: ["A note on <style> sheets, and then the Matsu islands."],
  });
  await published("entityExcerpt", {
    title: "Ferries and trade",
    excerpt: "The trade&penghu; ferry deal",
    paragraphs: ["Ferries run twice a day."],
  });
});

describe("search over text that looks like markup", () => {
  it("finds a title after an unclosed <script>", async () => {
    expect(await foundIds("commentary")).toEqual([ids.scriptTitle]);
    expect(await foundIds("alert")).toEqual([ids.scriptTitle]);
  });

  it("finds body words after an unclosed tag and after <style>", async () => {
    expect(await foundIds("taiwan")).toEqual([ids.unclosedTag]);
    expect(await foundIds("Matsu")).toEqual([ids.styleBody]);
  });

  it("finds an excerpt word inside what looks like an entity", async () => {
    expect(await foundIds("Penghu")).toEqual([ids.entityExcerpt]);
    expect(await foundIds("trade&penghu;")).toEqual([ids.entityExcerpt]);
  });

  it("finds the words of a query with markup pasted along", async () => {
    expect(await foundIds("<b>commentary")).toEqual([ids.scriptTitle]);
    expect(await foundIds("<i>taiwan</i>")).toEqual([ids.unclosedTag]);
    // A query of nothing but a tag searches for the word in it, as readers see it in the title.
    expect(await foundIds("<script>")).toEqual([ids.scriptTitle]);
  });

  it("shows the title as written, with the matched word marked", async () => {
    const [hit] = (await search("commentary")).hits;
    expect(hit!.title.map((segment) => segment.text).join("")).toBe(SCRIPT_TITLE);
    expect(hit!.title).toContainEqual({ text: "commentary", mark: true });
    const [styled] = (await search("Matsu")).hits;
    expect(styled!.snippet.map((segment) => segment.text).join("")).toContain("<style> sheets");
    expect(styled!.snippet).toContainEqual({ text: "Matsu", mark: true });
  });

  it("keeps the reader's query as typed in the results", async () => {
    expect((await search("<b>commentary")).query).toBe("<b>commentary");
  });

  it("indexes the text as the reader sees it, in the generated column itself", async () => {
    const [row] = await db.$queryRaw<[{ words: string }]>`
      SELECT "searchVector"::text AS words FROM "Article" WHERE "id" = ${ids.scriptTitle}`;
    expect(row.words).toContain("'commentari'");
    expect(row.words).toContain("'script'");
  });
});

describe("searchableQuery", () => {
  it("drops whole tags and reads leftover markup characters as spaces", () => {
    expect(searchableQuery("<b>commentary</b>")).toBe("commentary");
    expect(searchableQuery('<a href="x">Taiwan</a> Strait')).toBe("Taiwan Strait");
    expect(searchableQuery("a <b unclosed")).toBe("a b unclosed");
    expect(searchableQuery("R&D; budget")).toBe("R D; budget");
    expect(searchableQuery("<script>")).toBe("script");
    expect(searchableQuery('"Taiwan Strait" -Kishida')).toBe('"Taiwan Strait" -Kishida');
  });
});
