// Public search: PostgreSQL full-text search over the weighted search vector, websearch syntax,
// ranking, snippets, filters and pages — and only what `publicArticleWhere` lets readers see.
import { beforeAll, describe, expect, it } from "vitest";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { publishArticle, scheduleArticle } from "@/lib/articles/workflow";
import { searchArticles, listSearchFacets, MAX_SEARCH_CANDIDATES } from "@/lib/search/search-articles";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { MARK_START, MARK_STOP, splitHighlights } from "@/lib/search/highlight";
import { MAX_QUERY_LENGTH, normalizeQuery, parseSearchParams, SEARCH_PAGE_SIZE } from "@/lib/search/query";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

let editor: CurrentUser;
const ids: Record<string, string> = {};
let tagSlug: string;
let sourceSlug: string;

async function published(
  key: string,
  fields: Parameters<typeof createTestArticle>[1] & { title: string; paragraphs: string[] },
) {
  const article = await createTestArticle(editor, fields);
  const moved = await publishArticle({ id: article.id, version: article.version }, context(editor));
  ids[key] = moved.id;
  return moved;
}

const search = (q: string, extra: { tag?: string; source?: string; page?: number } = {}) =>
  searchArticles({ q, page: 1, now: new Date(), siteLanguage: "en", ...extra });
const foundIds = async (q: string, extra: { tag?: string; source?: string; page?: number } = {}) =>
  (await search(q, extra)).hits.map((h) => h.article.id);

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
  const tag = await db.tag.create({ data: { name: "Islands", slug: "islands-search-test", kind: "TOPIC" } });
  tagSlug = tag.slug;

  await published("titleKishida", {
    title: "Kishida weighs the NATO summit",
    paragraphs: ["The prime minister is expected to attend the meeting in Madrid."],
  });
  await published("bodyKishida", {
    title: "Notes on Japanese politics",
    paragraphs: [
      "Prime Minister Fumio Kishida faces an election.",
      "Kishida is a moderate conservative; Kishida must still cater to the right wing.",
    ],
  });
  await published("diaoyu", {
    title: "Fisheries and sovereignty",
    excerpt: "A dispute at sea.",
    paragraphs: [
      "Once there is a conflict, it will endanger the islands, especially the Diaoyu island dispute.",
    ],
    tagIds: [tag.id],
  });
  await published("okinawa", {
    title: "Bases in the south",
    paragraphs: ["The garrison on Okinawa has grown."],
    tagIds: [tag.id],
  });
  await published("strait", {
    title: "Patrols and signals",
    paragraphs: ["This revelation is tantamount to dropping a bomb on the situation in the Taiwan Strait."],
  });
  await published("apart", {
    title: "Geography lesson",
    paragraphs: ["A narrow strait of water lies to the west, and Taiwan itself is mountainous."],
  });

  // Not public: a draft, a scheduled piece whose time has not come, and a reprint whose rights lapsed.
  const draft = await createTestArticle(editor, {
    title: "Kishida draft about Diaoyu",
    paragraphs: ["Kishida and the Taiwan Strait, unpublished."],
  });
  ids.draft = draft.id;
  const scheduled = await createTestArticle(editor, {
    title: "Kishida scheduled about Diaoyu",
    paragraphs: ["Kishida and the Taiwan Strait, for tomorrow."],
  });
  await scheduleArticle(
    { id: scheduled.id, version: scheduled.version, publishAt: new Date(Date.now() + 86_400_000) },
    context(editor),
  );
  ids.scheduled = scheduled.id;

  const source = await db.source.create({
    data: { name: "Bu Yidao (test)", slug: "bu-yidao-search-test", kind: "WECHAT_ACCOUNT" },
  });
  sourceSlug = source.slug;
  const authorization = await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(Date.now() - 86_400_000),
      attributionText: "Reprinted with permission.",
    },
  });
  await published("reprint", {
    title: "Reprinted view on Kishida",
    kind: "REPRINT",
    sourceId: source.id,
    paragraphs: ["A reprint about the Diaoyu question and Kishida."],
  });
  await published("revoked", {
    title: "Revoked view on Kishida",
    kind: "REPRINT",
    sourceId: source.id,
    paragraphs: ["Another reprint about Kishida and the Diaoyu question."],
  });
  // The second reprint's own grant is revoked (take down): it leaves the public set at once.
  const revokedGrant = await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "REVOKED",
      validFrom: new Date(Date.now() - 86_400_000),
      revokedAt: new Date(),
      onTermination: "TAKE_DOWN",
    },
  });
  await db.article.update({ where: { id: ids.revoked }, data: { authorizationId: revokedGrant.id } });
  expect(authorization.id).toBeTruthy();
});

describe("search finds public articles", () => {
  it("by a name in the body: Kishida, Diaoyu, Taiwan Strait", async () => {
    expect(await foundIds("Kishida")).toEqual(expect.arrayContaining([ids.titleKishida, ids.bodyKishida]));
    expect(await foundIds("Diaoyu")).toEqual(expect.arrayContaining([ids.diaoyu]));
    expect(await foundIds("Taiwan Strait")).toEqual(expect.arrayContaining([ids.strait]));
  });

  it("ranks a title match above body matches, even several", async () => {
    const found = await foundIds("Kishida");
    // Two public articles have Kishida in the title; the one that names him three times in its body only comes after.
    expect(new Set(found.slice(0, 2))).toEqual(new Set([ids.titleKishida, ids.reprint]));
    expect(found[2]).toBe(ids.bodyKishida);
  });

  it("ranks a title match first even where a body's density would rank it lower", async () => {
    const name = "Motegi";
    await published("motegiTitle", {
      title: `${name} in Washington`,
      paragraphs: ["The foreign minister met his counterpart for an hour; they talked about trade."],
    });
    await published("motegiBody", {
      title: "The week in Tokyo",
      paragraphs: [`${name}, ${name}, ${name}: ${name} said ${name} twice, and ${name} again.`],
    });
    // Ranked by density alone (ts_rank_cd), the body that names him six times comes first.
    const [{ id: densest }] = await db.$queryRaw<[{ id: string }]>`
      SELECT a."id" FROM "Article" a WHERE a."id" IN (${ids.motegiTitle}, ${ids.motegiBody})
      ORDER BY ts_rank_cd(a."searchVector", websearch_to_tsquery('english', ${name}), 1) DESC LIMIT 1`;
    expect(densest).toBe(ids.motegiBody);
    expect(await foundIds(name)).toEqual([ids.motegiTitle, ids.motegiBody]);
    // And a phrase or an exclusion that holds in the title alone counts as a title match too.
    expect(await foundIds(`"${name} in Washington"`)).toEqual([ids.motegiTitle]);
    expect(await foundIds(`${name} -Osaka`)).toEqual([ids.motegiTitle, ids.motegiBody]);
  });

  it("quotes the text's opening when only the title has every word, however deep the others are", async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} is filler.`).join(" ");
    await published("hayashiTitle", {
      title: "Hayashi at the summit",
      paragraphs: [
        `Opening words of the piece. ${filler(60)}`,
        "Late in the text the tariff question came up.",
      ],
    });
    const [hit] = (await search("Hayashi tariff")).hits;
    expect(hit!.article.id).toBe(ids.hayashiTitle);
    expect(hit!.title.filter((s) => s.mark).map((s) => s.text)).toEqual(["Hayashi"]);
    const snippet = hit!.snippet.map((s) => s.text).join("");
    expect(snippet.startsWith("Opening words of the piece.")).toBe(true);
    expect(hit!.snippet.some((s) => s.mark)).toBe(false);
    // Where the text matches too, the passage is where the words are, as ever.
    const [inText] = (await search("tariff question")).hits;
    expect(inText!.snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(["tariff", "question"]);
  });

  it("never returns drafts, scheduled articles whose time has not come, or withdrawn reprints", async () => {
    for (const q of ["Kishida", "Diaoyu", "Taiwan Strait", "draft", "scheduled", "revoked"]) {
      const found = await foundIds(q);
      expect(found).not.toContain(ids.draft);
      expect(found).not.toContain(ids.scheduled);
      expect(found).not.toContain(ids.revoked);
    }
    expect((await search("revoked")).total).toBe(0);
  });

  it("understands websearch syntax: quoted phrases, OR, and -exclusion", async () => {
    const phrase = await foundIds('"Taiwan Strait"');
    expect(phrase).toContain(ids.strait);
    expect(phrase).not.toContain(ids.apart);
    const loose = await foundIds("Taiwan strait");
    expect(loose).toEqual(expect.arrayContaining([ids.strait, ids.apart]));

    expect(await foundIds("Diaoyu OR Okinawa")).toEqual(expect.arrayContaining([ids.diaoyu, ids.okinawa]));
    expect(await foundIds("Diaoyu Okinawa")).toEqual([]);

    const excluded = await foundIds("Kishida -NATO");
    expect(excluded).toContain(ids.bodyKishida);
    expect(excluded).not.toContain(ids.titleKishida);
  });

  it("marks the matches in the title and a snippet, as text segments", async () => {
    const { hits } = await search("Diaoyu");
    const hit = hits.find((h) => h.article.id === ids.diaoyu)!;
    expect(hit.snippet.filter((s) => s.mark).map((s) => s.text)).toContain("Diaoyu");
    expect(hit.snippet.map((s) => s.text).join("")).toContain("island dispute");
    const titled = (await search("Kishida")).hits.find((h) => h.article.id === ids.titleKishida)!;
    expect(titled.title).toEqual([
      { text: "Kishida", mark: true },
      { text: " weighs the NATO summit", mark: false },
    ]);
    for (const segment of [...hit.snippet, ...hit.title]) {
      expect(segment.text).not.toContain(MARK_START);
      expect(segment.text).not.toContain(MARK_STOP);
    }
  });

  it("quotes the passage of a long article where the words first appear, however deep", async () => {
    const filler = (sentence: string, times: number) => Array.from({ length: times }, () => sentence);
    const deep = await published("deepMatch", {
      title: "A long read",
      paragraphs: [
        ...filler("The committee reviewed the ordinary business of the day.", 400),
        "Fishing boats from the Pescadores returned before the storm.",
        ...filler("Nothing else of note was said.", 100),
      ],
    });
    // Words before the match far longer than the text's mean: the passage is found all the same.
    const skewed = await published("skewedMatch", {
      title: "A skewed read",
      paragraphs: [
        ...filler("Internationalization counterrevolutionaries institutionalization.", 150),
        "Ferries to the Pescadores resumed at dawn.",
        ...filler("It is so. We do go on. As we may be.", 400),
      ],
    });
    const { hits } = await search("Pescadores");
    for (const id of [deep.id, skewed.id]) {
      const snippet = hits.find((h) => h.article.id === id)!.snippet;
      expect(snippet.filter((s) => s.mark).map((s) => s.text)).toEqual(["Pescadores"]);
    }
  });

  it("says an excerpt that is the body's opening once in the snippet, and keeps one of its own", async () => {
    const opening = "Taipei watches the Formosa strait closely this summer.";
    const echoed = await published("excerptEchoed", {
      title: "An echoed excerpt",
      excerpt: opening,
      paragraphs: [opening, "Nothing else happens here."],
    });
    const cut = await published("excerptCut", {
      title: "A cut excerpt",
      excerpt: "Taipei watches the Formosa…",
      paragraphs: ["Taipei watches the Formosa coastline from the hills.", "More words follow."],
    });
    const own = await published("excerptOwn", {
      title: "An excerpt of its own",
      excerpt: "A Formosa summary written by the desk.",
      paragraphs: ["The body starts with something else entirely."],
    });
    const { hits } = await search("Formosa");
    const snippetOf = (id: string) =>
      hits
        .find((h) => h.article.id === id)!
        .snippet.map((s) => s.text)
        .join("");
    const count = (text: string, part: string) => text.split(part).length - 1;
    expect(count(snippetOf(echoed.id), "Formosa strait")).toBe(1);
    expect(count(snippetOf(cut.id), "Taipei watches")).toBe(1);
    expect(snippetOf(own.id)).toContain("summary written by the desk");
    expect(snippetOf(own.id)).toContain("something else entirely");
  });

  it("filters by tag and by source", async () => {
    const inTag = await foundIds("Diaoyu OR Okinawa OR Kishida", { tag: tagSlug });
    expect(new Set(inTag)).toEqual(new Set([ids.diaoyu, ids.okinawa]));
    expect(await foundIds("Diaoyu", { source: sourceSlug })).toEqual([ids.reprint]);
    expect(await foundIds("Kishida", { tag: "no-such-tag" })).toEqual([]);
    // An empty query with a filter lists the tag's public articles, newest first.
    const browse = await search("", { tag: tagSlug });
    expect(browse.hits.map((h) => h.article.id)).toEqual([ids.okinawa, ids.diaoyu]);
    expect(browse.total).toBe(2);
  });

  it("finds nothing for nonsense, and says so when the query has no searchable words", async () => {
    const nonsense = await search("qwxzzyv blorptangle");
    expect(nonsense).toMatchObject({ total: 0, hits: [], page: 1, totalPages: 1, noSearchableWords: false });
    expect(await search("the of and")).toMatchObject({ total: 0, noSearchableWords: true });
    expect(await search("")).toMatchObject({ total: 0, hits: [] });
  });
});

describe("pages", () => {
  beforeAll(async () => {
    for (let i = 0; i < SEARCH_PAGE_SIZE + 3; i++) {
      await published(`page${i}`, {
        title: `Quokka report ${i}`,
        paragraphs: [`Item ${i} on the quokka census.`],
      });
    }
  });

  it("holds 20 results, and clamps pages past the end to the last page", async () => {
    const first = await search("quokka");
    expect(first).toMatchObject({ total: SEARCH_PAGE_SIZE + 3, page: 1, totalPages: 2 });
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    const second = await search("quokka", { page: 2 });
    expect(second.hits).toHaveLength(3);
    const beyond = await search("quokka", { page: 999 });
    expect(beyond.page).toBe(2);
    expect(beyond.hits.map((h) => h.article.id)).toEqual(second.hits.map((h) => h.article.id));
    const all = new Set([...first.hits, ...second.hits].map((h) => h.article.id));
    expect(all.size).toBe(SEARCH_PAGE_SIZE + 3);
    expect((await search("quokka", { page: 0 })).page).toBe(1);
    expect((await search("quokka", { page: -3 })).page).toBe(1);
    expect((await search("nothingmatcheszz", { page: 7 })).page).toBe(1);
    expect(MAX_SEARCH_CANDIDATES).toBeGreaterThan(SEARCH_PAGE_SIZE);
  });

  it("reads page, q, tag and source from the query string without ever failing", () => {
    expect(parseSearchParams({ q: "Kishida", page: "2" })).toEqual({
      q: "Kishida",
      tag: undefined,
      source: undefined,
      page: 2,
    });
    for (const page of ["-1", "0", "abc", "1e400", "2.5", "", "99999999999999999999"]) {
      expect(parseSearchParams({ q: "x", page }).page).toBe(1);
    }
    expect(parseSearchParams({ q: ["first", "second"], page: ["3", "4"] })).toMatchObject({
      q: "first",
      page: 3,
    });
    expect(parseSearchParams({ tag: "Not A Slug!", source: "ok-slug" })).toMatchObject({
      tag: undefined,
      source: "ok-slug",
    });
    expect(parseSearchParams(undefined)).toEqual({ q: "", tag: undefined, source: undefined, page: 1 });
    expect(parseSearchParams({ q: { nested: true } }).q).toBe("");
  });
});

describe("hostile queries", () => {
  const hostile = [
    "Kishida ".repeat(1_250), // 10,000 characters
    "x".repeat(10_000),
    '\'; DROP TABLE "Article"; --',
    'Kishida & | ! ( ) <-> :* \\ \'\' " ""',
    '"unbalanced quote Kishida',
    "-",
    "OR OR OR",
    "- - -Kishida",
    "Kishida\u0000\u0007\u001b[31m\u202e",
    "\ud800 lone surrogate Kishida",
    "%_%",
    "台海 岸田",
    "\uE000Kishida\uE001",
  ];

  it.each(hostile.map((q) => [q.slice(0, 40), q]))("%s… returns a normal result", async (_label, q) => {
    const params = parseSearchParams({ q });
    expect(params.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const results = await searchArticles({ ...params, now: new Date(), siteLanguage: "en" });
    expect(results.page).toBeGreaterThanOrEqual(1);
    expect(results.total).toBeGreaterThanOrEqual(0);
    expect(results.hits.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
  });

  it("cuts long queries to 200 characters and strips control characters", () => {
    expect(Array.from(normalizeQuery("a".repeat(10_000)))).toHaveLength(MAX_QUERY_LENGTH);
    expect(normalizeQuery("  Kishida\u0000\tTaiwan\u0007  \n Strait ")).toBe("Kishida Taiwan Strait");
    expect(normalizeQuery("\uE000x\uE001")).toBe("x");
    expect(normalizeQuery("😀".repeat(300))).toBe("😀".repeat(MAX_QUERY_LENGTH));
  });

  it("still finds the article through the noise", async () => {
    expect(await foundIds(normalizeQuery("Kishida\u0000\u0007"))).toContain(ids.titleKishida);
  });
});

describe("facets", () => {
  it("lists tags and sources that have public articles, with counts", async () => {
    const facets = await listSearchFacets(new Date());
    expect(facets.tags).toContainEqual({ name: "Islands", slug: tagSlug, kind: "TOPIC", count: 2 });
    // The revoked reprint does not count.
    expect(facets.sources).toContainEqual({ name: "Bu Yidao (test)", slug: sourceSlug, count: 1 });
  });
});

describe("highlight splitting", () => {
  it("turns markers into segments and keeps everything else as text", () => {
    expect(splitHighlights(`a ${MARK_START}b${MARK_STOP} <c> ${MARK_START}d${MARK_STOP}`)).toEqual([
      { text: "a ", mark: false },
      { text: "b", mark: true },
      { text: " <c> ", mark: false },
      { text: "d", mark: true },
    ]);
    expect(splitHighlights("")).toEqual([]);
  });
});

describe("counting and paging in SQL", () => {
  it("ranks and counts exactly what publicArticleWhere lets readers see", async () => {
    const source = await db.source.findUniqueOrThrow({ where: { slug: sourceSlug } });
    const day = 86_400_000;
    const grants = {
      granted: { status: "GRANTED", validFrom: new Date(Date.now() - day) },
      expired: {
        status: "GRANTED",
        validFrom: new Date(Date.now() - 2 * day),
        validUntil: new Date(Date.now() - day),
      },
      notYet: { status: "GRANTED", validFrom: new Date(Date.now() + day) },
      revokedTakeDown: {
        status: "REVOKED",
        validFrom: new Date(Date.now() - day),
        onTermination: "TAKE_DOWN",
      },
      revokedKeep: {
        status: "REVOKED",
        validFrom: new Date(Date.now() - day),
        onTermination: "KEEP_EXISTING",
      },
      expiredKeep: {
        status: "GRANTED",
        validFrom: new Date(Date.now() - 2 * day),
        validUntil: new Date(Date.now() - day),
        onTermination: "KEEP_EXISTING",
      },
      requested: { status: "REQUESTED", validFrom: new Date(Date.now() - day) },
      deniedKeep: { status: "DENIED", validFrom: new Date(Date.now() - day), onTermination: "KEEP_EXISTING" },
    } as const;
    const created: string[] = [];
    for (const [name, grant] of Object.entries(grants)) {
      const article = await published(`rights-${name}`, {
        title: `Zephyrquill reprint ${name}`,
        kind: "REPRINT",
        sourceId: source.id,
        paragraphs: ["About the zephyrquill."],
      });
      const authorization = await db.reprintAuthorization.create({ data: { sourceId: source.id, ...grant } });
      await db.article.update({ where: { id: article.id }, data: { authorizationId: authorization.id } });
      created.push(article.id);
    }
    const withdrawn = await published("rights-withdrawn", {
      title: "Zephyrquill original, withdrawn",
      paragraphs: ["About the zephyrquill."],
    });
    await db.article.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date() } });
    created.push(withdrawn.id);

    const now = new Date();
    const visible = await db.article.findMany({
      where: { AND: [{ id: { in: created } }, publicArticleWhere(now)] },
      select: { id: true },
    });
    expect(visible.length).toBe(3); // granted, revokedKeep, expiredKeep
    const result = await searchArticles({ q: "zephyrquill", page: 1, now, siteLanguage: "en" });
    expect(new Set(result.hits.map((h) => h.article.id))).toEqual(new Set(visible.map((a) => a.id)));
    expect(result).toMatchObject({ total: visible.length, capped: false, totalPages: 1 });
  });

  it("counts facets exactly as publicArticleWhere does, every grant state included", async () => {
    const now = new Date();
    // Counted independently: the visible articles, then their tags and sources tallied here.
    const visible = await db.article.findMany({
      where: publicArticleWhere(now),
      select: {
        source: { select: { name: true, slug: true } },
        tags: { select: { tag: { select: { name: true, slug: true, kind: true } } } },
      },
    });
    const tally = <T extends { slug: string }>(items: T[]) => {
      const counts = new Map<string, T & { count: number }>();
      for (const item of items) {
        const seen = counts.get(item.slug);
        counts.set(item.slug, { ...item, count: (seen?.count ?? 0) + 1 });
      }
      return [...counts.values()];
    };
    const facets = await listSearchFacets(now);
    const bySlug = <T extends { slug: string }>(list: T[]) =>
      [...list].sort((a, b) => a.slug.localeCompare(b.slug));
    expect(bySlug(facets.tags)).toEqual(bySlug(tally(visible.flatMap((a) => a.tags.map((t) => t.tag)))));
    expect(bySlug(facets.sources)).toEqual(
      bySlug(tally(visible.flatMap((a) => (a.source ? [a.source] : [])))),
    );
    // The reprint, and the three zephyrquill reprints whose grants still let them be served.
    expect(facets.sources).toContainEqual({ name: "Bu Yidao (test)", slug: sourceSlug, count: 4 });
  });

  it(`ranks the newest ${MAX_SEARCH_CANDIDATES} matches, says so, and pages to the last of them`, async () => {
    const extra = MAX_SEARCH_CANDIDATES + 5;
    // Older than all of them, and the best match of all: past the cap, so never ranked.
    await db.$executeRaw`
      INSERT INTO "Article" ("id", "slug", "title", "body", "bodyText", "status", "kind", "publishedAt", "updatedAt")
      VALUES ('cap-test-oldest', 'cap-test-oldest', 'Gravelwort, gravelwort, gravelwort',
              '{"type":"doc","content":[]}'::jsonb, 'Gravelwort gravelwort gravelwort.',
              'PUBLISHED'::"ArticleStatus", 'ORIGINAL'::"ArticleKind", timestamp '1999-01-01', now())`;
    await db.$executeRaw`
      INSERT INTO "Article" ("id", "slug", "title", "body", "bodyText", "status", "kind", "publishedAt", "updatedAt")
      SELECT 'cap-test-' || g, 'cap-test-' || g, 'Gravelwort note ' || g, '{"type":"doc","content":[]}'::jsonb,
             'A gravelwort.', 'PUBLISHED'::"ArticleStatus", 'ORIGINAL'::"ArticleKind",
             timestamp '2001-01-01' + g * interval '1 minute', now()
      FROM generate_series(1, ${extra}::int) g`;
    const lastPage = Math.ceil(MAX_SEARCH_CANDIDATES / SEARCH_PAGE_SIZE);
    const first = await search("gravelwort");
    expect(first).toMatchObject({
      total: MAX_SEARCH_CANDIDATES,
      capped: true,
      page: 1,
      totalPages: lastPage,
    });
    expect(first.hits[0]!.article.slug).toBe(`cap-test-${extra}`);
    const last = await search("gravelwort", { page: lastPage });
    expect(last.page).toBe(lastPage);
    expect(last.hits.at(-1)!.article.slug).toBe(`cap-test-${extra - MAX_SEARCH_CANDIDATES + 1}`);
    const beyond = await search("gravelwort", { page: lastPage + 7 });
    expect(beyond.page).toBe(lastPage);
    expect(beyond.hits.map((h) => h.article.id)).toEqual(last.hits.map((h) => h.article.id));
    expect(await search("gravelwort", { page: 3 })).toMatchObject({ total: MAX_SEARCH_CANDIDATES, page: 3 });
    // With fewer matches than the cap, it ranks first.
    await db.article.deleteMany({
      where: { id: { startsWith: "cap-test-" }, NOT: { id: "cap-test-oldest" } },
    });
    expect((await search("gravelwort")).hits[0]!.article.slug).toBe("cap-test-oldest");
  });
});
