// The public content API (/api/v1): only what readers may see, an explicit set of fields (no
// comment, no e-mail address, no private source or rights data), keyset pages that visit every
// article exactly once, JSON 400s a developer can act on, 404/451/308 for single articles, and
// open CORS on every answer.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getArticle, OPTIONS as optionsArticle } from "@/app/api/v1/articles/[slug]/route";
import { GET as listArticles, OPTIONS as optionsArticles } from "@/app/api/v1/articles/route";
import { GET as listTags } from "@/app/api/v1/tags/route";
import { publishArticle, unpublishArticle } from "@/lib/articles/workflow";
import { advanceClock, now, setClock } from "@/lib/platform/clock";
import {
  decodeCursor,
  encodeCursor,
  listApiArticles,
  parseArticleListQuery,
} from "@/lib/content-api/content-api";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { CurrentUser } from "@/lib/platform/session";
import { createPerson } from "@/lib/taxonomy/people";
import { createTag, renameTag } from "@/lib/taxonomy/tags";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const T0 = new Date("2026-05-01T08:00:00Z");
const COMMENTER_EMAIL = "commenter-secret@reader.example";
const CONTACT_EMAIL = "contact-secret@source.example";

let editor: CurrentUser;
const ids = {} as { taiwan: string; trade: string; alice: string; bob: string; source: string };
/** Every public article id, newest first (publishedAt desc, id desc). */
let publicIds: string[] = [];
let hidden: Record<"draft" | "unpublished" | "withdrawn", { id: string; slug: string }>;
let reprint: { id: string; slug: string };
let original: { id: string; slug: string };

type ArticleOverrides = Parameters<typeof createTestArticle>[1];

async function published(overrides: ArticleOverrides) {
  const article = await createTestArticle(editor, overrides);
  return publishArticle({ id: article.id, version: article.version }, context(editor));
}

async function grantedSource(slug: string, terms: { until?: Date; linkBackRequired?: boolean } = {}) {
  const source = await db.source.create({
    data: {
      name: `Source ${slug}`,
      slug,
      kind: "NEWSPAPER",
      url: "https://paper.example",
      contactEmail: CONTACT_EMAIL,
      contactName: "Private Contact",
      notes: "Private notes",
    },
  });
  await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(T0.getTime() - 24 * HOUR),
      validUntil: terms.until ?? null,
      translationAllowed: true,
      linkBackRequired: terms.linkBackRequired ?? false,
      attributionText: "First published by the Paper. Reprinted with permission.",
      grantorStatement: "Private grantor statement",
    },
  });
  return source.id;
}

beforeAll(async () => {
  setClock(T0);
  editor = await createTestUser("EDITOR");
  const ctx = context(editor);
  ids.taiwan = (await createTag({ name: "Taiwan", kind: "PLACE" }, ctx)).id;
  ids.trade = (await createTag({ name: "Trade" }, ctx)).id;
  ids.alice = (await createPerson({ name: "Alice Archer" }, ctx)).id;
  ids.bob = (await createPerson({ name: "Bob Brush" }, ctx)).id;
  ids.source = await grantedSource("the-paper", { linkBackRequired: true });
  const lapsing = await grantedSource("lapsing-paper", { until: new Date(T0.getTime() + HOUR) });

  // 13 originals: groups published in the same millisecond, so pages must break ties by id.
  for (let i = 1; i <= 13; i++) {
    const article = await published({
      title: `Original ${i}`,
      excerpt: `Excerpt ${i}`,
      tagIds: i % 2 ? [ids.taiwan] : [ids.trade],
      bylines: [{ personId: ids.alice, role: "AUTHOR" }],
    });
    publicIds.push(article.id);
    if (i % 3 === 0) advanceClock(1000);
  }
  original = await db.article.findUniqueOrThrow({
    where: { id: publicIds[0]! },
    select: { id: true, slug: true },
  });
  reprint = await published({
    title: "The reprint",
    kind: "REPRINT",
    sourceId: ids.source,
    originalUrl: "https://paper.example/original",
    originalTitle: "原文",
    isTranslation: true,
    tagIds: [ids.taiwan, ids.trade],
    bylines: [
      { personId: ids.alice, role: "AUTHOR" },
      { personId: ids.bob, role: "TRANSLATOR" },
    ],
    paragraphs: ["First paragraph of the reprint.", "A <script>alert(1)</script> in text."],
  });
  publicIds.push(reprint.id);

  const carol = await createPerson({ name: "Carol Draft" }, ctx);
  const draft = await createTestArticle(editor, {
    title: "Draft",
    tagIds: [ids.taiwan],
    bylines: [{ personId: carol.id, role: "AUTHOR" }],
  });
  const unpublished = await published({ title: "Unpublished", tagIds: [ids.taiwan] });
  await unpublishArticle({ id: unpublished.id, version: unpublished.version }, ctx);
  const withdrawn = await published({
    title: "Withdrawn",
    kind: "REPRINT",
    sourceId: lapsing,
    tagIds: [ids.taiwan],
  });
  hidden = {
    draft: { id: draft.id, slug: draft.slug },
    unpublished: { id: unpublished.id, slug: unpublished.slug },
    withdrawn: { id: withdrawn.id, slug: withdrawn.slug },
  };

  // Comments with private fields on public articles: none of it may reach the API.
  for (const articleId of [reprint.id, original.id]) {
    await db.comment.create({
      data: {
        articleId,
        authorName: "Reader",
        authorEmail: COMMENTER_EMAIL,
        body: "A comment",
        status: "APPROVED",
      },
    });
  }

  const order = await db.article.findMany({
    where: { id: { in: publicIds } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  publicIds = order.map((a) => a.id);
  setClock(new Date(T0.getTime() + 2 * HOUR)); // the lapsing authorization has ended
}, 120_000);

// ─── Helpers ─────────────────────────────────────────────────────────────────

const BASE = "http://localhost:3000";

async function call(
  handler: (request: NextRequest) => Promise<Response>,
  path: string,
  base = BASE,
): Promise<{ status: number; body: unknown; text: string; headers: Headers }> {
  const response = await handler(new NextRequest(`${base}${path}`));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text, headers: response.headers };
}

function callArticle(slug: string, query = "", base = BASE) {
  return call(
    (request) => getArticle(request, { params: Promise.resolve({ slug }) }),
    `/api/v1/articles/${encodeURIComponent(slug)}${query}`,
    base,
  );
}

type Listed = { data: Array<Record<string, unknown> & { id: string }>; nextCursor: string | null };

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
  return [];
}

function expectNothingPrivate(response: { text: string; body: unknown }) {
  expect(
    keysOf(response.body).filter((key) => /e-?mail|contact|note|password|comment|grantor/i.test(key)),
  ).toEqual([]);
  for (const secret of [
    COMMENTER_EMAIL,
    CONTACT_EMAIL,
    "Private notes",
    "Private Contact",
    "Private grantor",
  ]) {
    expect(response.text).not.toContain(secret);
  }
}

function expectApiHeaders(headers: Headers) {
  expect(headers.get("access-control-allow-origin")).toBe("*");
  expect(headers.get("content-type")).toMatch(/^application\/json/);
  expect(headers.get("cache-control")).toBe("public, max-age=30, s-maxage=30");
}

// ─── GET /api/v1/articles ────────────────────────────────────────────────────

describe("GET /api/v1/articles", () => {
  it("lists public articles newest first with exactly the documented fields", async () => {
    const response = await call(listArticles, "/api/v1/articles");
    expect(response.status).toBe(200);
    expectApiHeaders(response.headers);
    const { data, nextCursor } = response.body as Listed;
    expect(nextCursor).toBeNull(); // 14 public articles, default limit 20
    expect(data.map((a) => a.id)).toEqual(publicIds);
    for (const article of data) {
      expect(Object.keys(article).sort()).toEqual(
        [
          "attribution",
          "bylines",
          "copyrightholder",
          "copyrightnotice",
          "embargoed",
          "excerpt",
          "expires",
          "id",
          "kind",
          "language",
          "languageVersions",
          "pubstatus",
          "publishedAt",
          "slug",
          "source",
          "tags",
          "title",
          "updatedAt",
          "url",
          "usageterms",
        ].sort(),
      );
    }
    expectNothingPrivate(response);
  });

  it("never lists drafts, unpublished or withdrawn articles", async () => {
    const { body } = await call(listArticles, "/api/v1/articles?limit=100");
    const listed = (body as Listed).data.map((a) => a.id);
    for (const { id } of Object.values(hidden)) expect(listed).not.toContain(id);
  });

  it("describes a reprint's source, bylines, tags and attribution, with the link back it requires", async () => {
    const { body } = await call(listArticles, "/api/v1/articles?limit=100");
    const item = (body as Listed).data.find((a) => a.id === reprint.id)!;
    expect(item).toMatchObject({
      slug: reprint.slug,
      url: `${BASE}/articles/${reprint.slug}`,
      title: "The reprint",
      kind: "REPRINT",
      source: { name: "Source the-paper", slug: "the-paper", kind: "NEWSPAPER" },
      bylines: [
        { name: "Alice Archer", slug: "alice-archer", role: "AUTHOR" },
        { name: "Bob Brush", slug: "bob-brush", role: "TRANSLATOR" },
      ],
      tags: [
        { name: "Taiwan", slug: "taiwan", kind: "PLACE" },
        { name: "Trade", slug: "trade", kind: "TOPIC" },
      ],
      attribution: {
        source: { name: "Source the-paper", slug: "the-paper", kind: "NEWSPAPER" },
        reprintedWithAuthorization: true,
        text: "First published by the Paper. Reprinted with permission.",
        translated: true,
        modified: false,
        originalUrl: "https://paper.example/original",
        originalTitle: "原文",
      },
    });
    expect(new Date(item.publishedAt as string).toISOString()).toBe(item.publishedAt);
    // The same rights in IPTC ninjs names: the grant has no end, so neither has the article.
    expect(item).toMatchObject({
      pubstatus: "usable",
      copyrightholder: "Source the-paper",
      copyrightnotice: "First published by the Paper. Reprinted with permission.",
      usageterms:
        "Reprinted with the authorization of Source the-paper, given to this site only: republishing it needs the permission of Source the-paper. Attribution required: “First published by the Paper. Reprinted with permission.” A link to the original is required.",
      embargoed: null,
      expires: null,
    });
    const own = (body as Listed).data.find((a) => a.id === original.id)!;
    expect(own).toMatchObject({
      kind: "ORIGINAL",
      source: null,
      attribution: null,
      pubstatus: "usable",
      copyrightholder: null,
      copyrightnotice: null,
      usageterms: null,
      embargoed: null,
      expires: null,
    });
  });

  it("pages by cursor through every article exactly once, in order, at any page size", async () => {
    for (const limit of [1, 3, 5, 14]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`;
        const { status, body } = await call(listArticles, `/api/v1/articles${query}`);
        expect(status).toBe(200);
        const page = body as Listed;
        expect(page.data.length).toBeLessThanOrEqual(limit);
        seen.push(...page.data.map((a) => a.id));
        cursor = page.nextCursor;
        pages += 1;
        expect(pages).toBeLessThan(100);
      } while (cursor);
      expect(seen).toEqual(publicIds);
    }
  });

  it("keeps its place when articles are published while a client pages", async () => {
    const first = (await call(listArticles, "/api/v1/articles?limit=4")).body as Listed;
    const late = await published({ title: "Published meanwhile" });
    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await call(listArticles, `/api/v1/articles?limit=4&cursor=${cursor}`)).body as Listed;
      rest.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
    }
    expect([...first.data.map((a) => a.id), ...rest]).toEqual(publicIds);
    await db.article.delete({ where: { id: late.id } });
  });

  it("filters by tag, source, author and updatedSince, following renamed slugs", async () => {
    const ofTag = async (query: string) =>
      ((await call(listArticles, `/api/v1/articles?limit=100&${query}`)).body as Listed).data.map(
        (a) => a.id,
      );
    const taiwan = await db.article.findMany({
      where: { id: { in: publicIds }, tags: { some: { tagId: ids.taiwan } } },
      select: { id: true },
    });
    expect((await ofTag("tag=taiwan")).sort()).toEqual(taiwan.map((a) => a.id).sort());
    expect(await ofTag("source=the-paper")).toEqual([reprint.id]);
    expect(await ofTag("author=bob-brush")).toEqual([reprint.id]);
    await db.slugRedirect.create({ data: { entityType: "Person", oldSlug: "bob-old", entityId: ids.bob } });
    expect(await ofTag("author=bob-old")).toEqual([reprint.id]);
    expect(await ofTag("author=alice-archer")).toHaveLength(14);
    expect(await ofTag("tag=trade&author=bob-brush")).toEqual([reprint.id]);

    await db.article.update({
      where: { id: original.id },
      data: { updatedAt: new Date("2030-01-02T00:00:00Z") },
    });
    expect(await ofTag("updatedSince=2030-01-01")).toEqual([original.id]);
    expect(await ofTag("updatedSince=2030-01-01T21:00:00-02:00")).toEqual([original.id]);
    expect(await ofTag("updatedSince=2030-01-02T01:00:00%2B02:00")).toEqual([original.id]);
    expect(await ofTag("updatedSince=2030-01-03T00:00:00Z")).toEqual([]);

    await renameTag({ tagId: ids.trade, name: "Trade and tariffs" }, context(editor));
    expect(await ofTag("tag=trade")).toEqual(await ofTag("tag=trade-and-tariffs"));
    expect(await ofTag("tag=trade")).toContain(reprint.id);
  });

  it.each([
    ["limit=0", /limit must be a whole number from 1 to 100/],
    ["limit=101", /limit must be a whole number from 1 to 100/],
    ["limit=abc", /limit must be a whole number from 1 to 100/],
    ["limit=-5", /limit must be a whole number from 1 to 100/],
    ["limit=2.5", /limit must be a whole number from 1 to 100/],
    ["limit=", /limit must be a whole number from 1 to 100/],
    ["updatedSince=garbage", /updatedSince must be an ISO 8601 date/],
    ["updatedSince=2026-13-45", /updatedSince must be an ISO 8601 date/],
    ["updatedSince=2026-02-30T00:00:00Z", /updatedSince must be an ISO 8601 date/],
    ["updatedSince=2026-05-01T08:00:00+02:00", /encode a \+ in an offset as %2B/],
    ["cursor=garbage", /cursor is not valid: pass the nextCursor/],
    ["cursor=%%%", /cursor is not valid/],
    [`cursor=${Buffer.from('{"a":1}').toString("base64url")}`, /cursor is not valid/],
    [`cursor=${Buffer.from('["not a date","x"]').toString("base64url")}`, /cursor is not valid/],
    ["tag=", /tag is empty/],
    ["tag=no-such-tag", /No tag has the slug "no-such-tag"/],
    ["source=nobody", /No source with published articles has the slug "nobody"/],
    ["source=lapsing-paper", /No source with published articles has the slug "lapsing-paper"/],
    ["author=nobody", /No author with published articles has the slug "nobody"/],
    ["author=carol-draft", /No author with published articles has the slug "carol-draft"/],
    ["tags=taiwan", /Unknown query parameter "tags"\. Allowed: tag, source, author/],
    ["limit=5&limit=6", /Give limit at most once/],
  ])("answers 400 with an actionable message for %s", async (query, message) => {
    const response = await call(listArticles, `/api/v1/articles?${query}`);
    expect(response.status).toBe(400);
    expectApiHeaders(response.headers);
    expect(Object.keys(response.body as object)).toEqual(["error"]);
    expect(response.body).toEqual({ error: { code: "INVALID", message: expect.stringMatching(message) } });
  });
});

describe("cursors", () => {
  it("round-trip and reject anything else", () => {
    const cursor = { publishedAt: new Date("2026-05-01T08:00:00.123Z"), id: "cmabc123" };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
    for (const bad of [
      "",
      "abc",
      "x".repeat(500),
      encoded + "==",
      Buffer.from("[1,2]").toString("base64url"),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it("the data function and the query parser agree with the route", async () => {
    const query = parseArticleListQuery(new URLSearchParams("limit=2"));
    expect(query.ok).toBe(true);
    if (!query.ok) return;
    const page = await listApiArticles(query.value, now());
    expect(page.ok && page.value.data.map((a) => a.id)).toEqual(publicIds.slice(0, 2));
  });
});

// ─── GET /api/v1/articles/:slug ──────────────────────────────────────────────

describe("GET /api/v1/articles/:slug", () => {
  it("answers the article with its Tiptap body and rendered HTML", async () => {
    const response = await callArticle(reprint.slug);
    expect(response.status).toBe(200);
    expectApiHeaders(response.headers);
    const { data } = response.body as { data: Record<string, unknown> };
    expect(data).toMatchObject({ id: reprint.id, slug: reprint.slug, kind: "REPRINT" });
    // No original kept, so one version, in the site's language, and nothing of an original.
    expect(data).toMatchObject({
      language: "en",
      languageVersions: [
        { language: "en", url: `${BASE}/articles/${reprint.slug}`, title: "The reprint", isOriginal: false },
      ],
      original: null,
    });
    expect(data.body).toMatchObject({ type: "doc", content: [{ type: "paragraph" }, { type: "paragraph" }] });
    expect(data.html).toBe(
      "<p>First paragraph of the reprint.</p><p>A &lt;script&gt;alert(1)&lt;/script&gt; in text.</p>",
    );
    expect(Object.keys(data).sort()).toEqual(
      [
        "attribution",
        "body",
        "bylines",
        "copyrightholder",
        "copyrightnotice",
        "embargoed",
        "excerpt",
        "expires",
        "html",
        "id",
        "kind",
        "language",
        "languageVersions",
        "original",
        "pubstatus",
        "publishedAt",
        "slug",
        "source",
        "tags",
        "title",
        "updatedAt",
        "url",
        "usageterms",
      ].sort(),
    );
    expectNothingPrivate(response);
  });

  it("gives absolute media addresses in its HTML, so images resolve where the HTML is shown", async () => {
    const pictured = await published({
      title: "With a picture",
      body: {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "A harbour at dawn." }] },
          {
            type: "image",
            attrs: {
              src: "/media/2026/harbour.jpg",
              alt: "A harbour",
              title: null,
              width: null,
              height: null,
            },
          },
        ],
      },
    });
    const response = await callArticle(pictured.slug);
    expect(response.status).toBe(200);
    const { data } = response.body as { data: { html: string; body: unknown } };
    expect(data.html).toBe(
      `<p>A harbour at dawn.</p><img src="${env.SITE_URL}/media/2026/harbour.jpg" alt="A harbour"/>`,
    );
    expect(new URL(data.html.match(/src="([^"]+)"/)![1]!).pathname).toBe("/media/2026/harbour.jpg");
    // The JSON keeps the stored path, as the editor wrote it.
    expect(JSON.stringify(data.body)).toContain('"src":"/media/2026/harbour.jpg"');
  });

  it("answers 404 JSON for unknown slugs, drafts and unpublished articles", async () => {
    for (const slug of ["no-such-article", hidden.draft.slug, hidden.unpublished.slug]) {
      const response = await callArticle(slug);
      expect(response.status).toBe(404);
      expectApiHeaders(response.headers);
      expect(response.body).toEqual({
        error: { code: "NOT_FOUND", message: `No published article has the slug "${slug}".` },
      });
    }
  });

  it("answers 451 JSON for an article whose reprint rights have ended", async () => {
    const response = await callArticle(hidden.withdrawn.slug);
    expect(response.status).toBe(451);
    expectApiHeaders(response.headers);
    expect(response.body).toEqual({
      error: { code: "WITHDRAWN", message: expect.stringMatching(/no longer available/) },
    });
  });

  it("answers 308 from an old slug to the current one", async () => {
    await db.slugRedirect.create({
      data: { entityType: "Article", oldSlug: "old-address", entityId: original.id },
    });
    // Asked at the private address Next listens on behind the launcher: the client is sent to the site.
    const response = await callArticle("old-address", "", "http://localhost:41234");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`${env.SITE_URL}/api/v1/articles/${original.slug}`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("refuses query parameters it does not take", async () => {
    const response = await callArticle(reprint.slug, "?fields=body");
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code: "INVALID", message: 'Unknown query parameter "fields": this endpoint takes none.' },
    });
  });
});

// ─── GET /api/v1/tags ────────────────────────────────────────────────────────

describe("GET /api/v1/tags", () => {
  it("lists every tag with its count of public articles only", async () => {
    const empty = await createTag({ name: "Empty tag", kind: "ORGANIZATION" }, context(editor));
    const response = await call(listTags, "/api/v1/tags");
    expect(response.status).toBe(200);
    expectApiHeaders(response.headers);
    const { data } = response.body as { data: Array<Record<string, unknown>> };
    const publicTaiwan = await db.article.count({
      where: { id: { in: publicIds }, tags: { some: { tagId: ids.taiwan } } },
    });
    expect(data.find((t) => t.slug === "taiwan")).toEqual({
      name: "Taiwan",
      slug: "taiwan",
      kind: "PLACE",
      description: "",
      url: `${BASE}/tags/taiwan`,
      articleCount: publicTaiwan,
    });
    // Taiwan also carries the draft, the unpublished and the withdrawn article.
    expect(await db.articleTag.count({ where: { tagId: ids.taiwan } })).toBe(publicTaiwan + 3);
    expect(data.find((t) => t.slug === empty.slug)).toMatchObject({ articleCount: 0 });
    expectNothingPrivate(response);
  });

  it("refuses query parameters", async () => {
    expect((await call(listTags, "/api/v1/tags?kind=PLACE")).status).toBe(400);
  });
});

// ─── CORS preflight ──────────────────────────────────────────────────────────

describe("OPTIONS", () => {
  it("answers the CORS preflight for any origin", async () => {
    const request = new NextRequest(`${BASE}/api/v1/articles`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://elsewhere.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-requested-with",
      },
    });
    for (const handler of [optionsArticles, optionsArticle]) {
      const response = handler(request);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
      expect(response.headers.get("access-control-allow-headers")).toBe("x-requested-with");
    }
  });
});
