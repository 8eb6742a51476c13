// "Related articles": the public articles sharing the most tags with one, newest first among
// equals; never itself, never a draft, an unpublished, a scheduled or a withdrawn article, even
// when many of those share more tags than any public one.
import { beforeAll, describe, expect, it } from "vitest";
import { publishArticle, scheduleArticle, unpublishArticle } from "@/lib/articles/workflow";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { advanceClock, now, setClock } from "@/lib/platform/clock";
import { articleCardSelect, listPublishedArticles } from "@/lib/articles/public-articles";
import { relatedArticles } from "@/lib/articles/related-articles";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { createTag } from "@/lib/taxonomy/tags";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const T0 = new Date("2026-05-01T08:00:00Z");

let editor: CurrentUser;
const tag = {} as Record<"taiwan" | "japan" | "kishida" | "asean", string>;
const ids = {} as Record<
  "target" | "three" | "twoNewer" | "twoOlder" | "one" | "unrelated" | "untagged" | "scheduled" | "withdrawn",
  string
>;
const hiddenDrafts: string[] = [];

type Overrides = Parameters<typeof createTestArticle>[1];

async function published(overrides: Overrides) {
  const article = await createTestArticle(editor, overrides);
  await publishArticle({ id: article.id, version: article.version }, context(editor));
  advanceClock(60_000);
  return article.id;
}

async function lapsingSource(): Promise<string> {
  const source = await db.source.create({
    data: { name: "Lapsed Daily", slug: "lapsed-daily", kind: "NEWSPAPER" },
  });
  await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(T0.getTime() - 24 * HOUR),
      validUntil: new Date(T0.getTime() + 2 * HOUR),
    },
  });
  return source.id;
}

beforeAll(async () => {
  setClock(T0);
  editor = await createTestUser("EDITOR");
  const ctx = context(editor);
  tag.taiwan = (await createTag({ name: "Taiwan", kind: "PLACE" }, ctx)).id;
  tag.japan = (await createTag({ name: "Japan", kind: "PLACE" }, ctx)).id;
  tag.kishida = (await createTag({ name: "Kishida", kind: "PERSON" }, ctx)).id;
  tag.asean = (await createTag({ name: "ASEAN", kind: "ORGANIZATION" }, ctx)).id;
  const all = [tag.taiwan, tag.japan, tag.kishida];

  ids.three = await published({ title: "Shares three", tagIds: all });
  ids.twoOlder = await published({ title: "Shares two, older", tagIds: [tag.japan, tag.taiwan] });
  ids.one = await published({ title: "Shares one", tagIds: [tag.kishida, tag.asean] });
  ids.unrelated = await published({ title: "Shares none", tagIds: [tag.asean] });
  ids.untagged = await published({ title: "No tags" });
  ids.twoNewer = await published({ title: "Shares two, newer", tagIds: [tag.taiwan, tag.kishida] });

  // More hidden articles sharing every tag than one batch of candidates holds.
  for (let i = 1; i <= 15; i++) {
    const draft = await createTestArticle(editor, { title: `Draft ${i}`, tagIds: all });
    hiddenDrafts.push(draft.id);
  }
  const unpublished = await published({ title: "Unpublished", tagIds: all });
  const version = (await db.article.findUniqueOrThrow({ where: { id: unpublished } })).version;
  await unpublishArticle({ id: unpublished, version }, context(editor));
  hiddenDrafts.push(unpublished);

  const scheduled = await createTestArticle(editor, { title: "Scheduled", tagIds: all });
  await scheduleArticle(
    { id: scheduled.id, version: scheduled.version, publishAt: new Date(T0.getTime() + 100 * HOUR) },
    context(editor),
  );
  ids.scheduled = scheduled.id;
  ids.withdrawn = await published({
    title: "Withdrawn",
    kind: "REPRINT",
    sourceId: await lapsingSource(),
    tagIds: all,
  });

  ids.target = await published({ title: "The article", tagIds: all });
  // The lapsing source's authorization ends: its reprint is withdrawn at read time.
  setClock(new Date(T0.getTime() + 3 * HOUR));
}, 120_000);

describe("relatedArticles", () => {
  it("ranks public articles by how many tags they share, newest first among equals", async () => {
    const related = await relatedArticles(ids.target, now());
    expect(related.map((a) => a.id)).toEqual([ids.three, ids.twoNewer, ids.twoOlder, ids.one]);
  });

  it("never lists the article itself, drafts, unpublished, scheduled or withdrawn articles", async () => {
    const related = await relatedArticles(ids.target, now(), 20);
    const listed = related.map((a) => a.id);
    expect(listed).toEqual([ids.three, ids.twoNewer, ids.twoOlder, ids.one]);
    for (const id of [ids.target, ids.scheduled, ids.withdrawn, ids.unrelated, ids.untagged, ...hiddenDrafts])
      expect(listed).not.toContain(id);
    const visible = await db.article.findMany({
      where: { AND: [{ id: { in: listed } }, publicArticleWhere(now())] },
      select: { id: true },
    });
    expect(visible).toHaveLength(listed.length);
  });

  it("shows a scheduled article once its time has come", async () => {
    const later = new Date(T0.getTime() + 101 * HOUR);
    const listed = (await relatedArticles(ids.target, later, 20)).map((a) => a.id);
    // It shares three tags and is the newest of those.
    expect(listed[0]).toBe(ids.scheduled);
    expect(listed).not.toContain(ids.withdrawn);
  });

  it("returns at most `limit` articles, and none for a nonsense limit", async () => {
    expect((await relatedArticles(ids.target, now(), 2)).map((a) => a.id)).toEqual([ids.three, ids.twoNewer]);
    expect(await relatedArticles(ids.target, now(), 0)).toEqual([]);
    expect(await relatedArticles(ids.target, now(), -1)).toEqual([]);
    expect(await relatedArticles(ids.target, now(), 1.5)).toEqual([]);
  });

  it("finds nothing for an article without tags, or an unknown id", async () => {
    expect(await relatedArticles(ids.untagged, now())).toEqual([]);
    expect(await relatedArticles("no-such-article", now())).toEqual([]);
  });

  it("works from the other side too: the related of a related article include the first", async () => {
    const listed = (await relatedArticles(ids.one, now(), 10)).map((a) => a.id);
    // "Shares one" carries Kishida and ASEAN: the Kishida articles and the ASEAN one relate to it.
    expect(listed).toEqual([ids.target, ids.twoNewer, ids.unrelated, ids.three]);
  });

  it("returns the same card shape as the home page's list", async () => {
    const [card] = await relatedArticles(ids.target, now(), 1);
    const fromList = (await listPublishedArticles({ now: now(), take: 50 })).find((a) => a.id === card!.id);
    expect(card).toEqual(fromList);
    expect(Object.keys(card!).sort()).toEqual(Object.keys(articleCardSelect).sort());
  });
});
