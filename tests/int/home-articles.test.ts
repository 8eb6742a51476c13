// The home page's data: the featured slot is the newest public article, and the paginated list
// under it holds every other public article exactly once, newest first; pages that do not exist
// are null (404), never an error. The page itself is app/(site)/page.tsx, `/`; its later pages
// are /page/N, where anything meaning page 1 is canonical to `/`.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import HomePage, { generateMetadata as homeMetadata } from "@/app/(site)/page";
import HomeLaterPage from "@/app/(site)/page/[page]/page";
import { FeaturedArticle } from "@/components/home/featured-article";
import { publishArticle, scheduleArticle } from "@/lib/articles/workflow";
import { advanceClock, now, setClock } from "@/lib/platform/clock";
import { listPublishedArticlesPage } from "@/lib/articles/archives";
import { featuredArticle, listPublishedArticles } from "@/lib/articles/public-articles";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { createTag } from "@/lib/taxonomy/tags";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";
import { pageAlternates } from "@/lib/seo/feed-links";

const HOUR = 3_600_000;
const T0 = new Date("2026-05-01T08:00:00Z");
const PAGE_SIZE = 3;

let editor: CurrentUser;
/** Public articles, newest first. */
const publicIds: string[] = [];
let draftId: string;
let scheduledId: string;

async function published(overrides: Parameters<typeof createTestArticle>[1]) {
  const article = await createTestArticle(editor, overrides);
  await publishArticle({ id: article.id, version: article.version }, context(editor));
  advanceClock(60_000);
  return article.id;
}

beforeAll(async () => {
  setClock(T0);
  editor = await createTestUser("EDITOR");
});

describe("an empty site", () => {
  it("has no featured article and one empty page", async () => {
    expect(await featuredArticle(now())).toBeNull();
    expect(await listPublishedArticlesPage({ now: now(), page: 1, pageSize: PAGE_SIZE })).toEqual({
      articles: [],
      total: 0,
      page: 1,
      totalPages: 1,
    });
    expect(await listPublishedArticlesPage({ now: now(), page: 2, pageSize: PAGE_SIZE })).toBeNull();
  });
});

describe("the home page's featured slot and list", () => {
  beforeAll(async () => {
    const topic = await createTag({ name: "Diplomacy" }, context(editor));
    for (let i = 1; i <= 7; i++) {
      publicIds.unshift(await published({ title: `Article ${i}`, tagIds: i === 7 ? [topic.id] : [] }));
    }
    draftId = (await createTestArticle(editor, { title: "A draft" })).id;
    const scheduled = await createTestArticle(editor, { title: "Scheduled" });
    await scheduleArticle(
      { id: scheduled.id, version: scheduled.version, publishAt: new Date(T0.getTime() + 10 * HOUR) },
      context(editor),
    );
    scheduledId = scheduled.id;
  }, 60_000);

  it("features the newest public article, never a draft or a scheduled one", async () => {
    const featured = await featuredArticle(now());
    expect(featured?.id).toBe(publicIds[0]);
    expect(featured).toMatchObject({ title: "Article 7", featuredImage: null });
  });

  it("pages through every other public article once, newest first", async () => {
    const first = await listPublishedArticlesPage({ now: now(), page: 1, pageSize: PAGE_SIZE });
    const second = await listPublishedArticlesPage({ now: now(), page: 2, pageSize: PAGE_SIZE });
    expect(first).toMatchObject({ total: 6, page: 1, totalPages: 2 });
    expect(second).toMatchObject({ total: 6, page: 2, totalPages: 2 });
    const listed = [...first!.articles, ...second!.articles].map((a) => a.id);
    expect(listed).toEqual(publicIds.slice(1));
    expect(listed).not.toContain(draftId);
    expect(listed).not.toContain(scheduledId);
  });

  it("answers null for pages past the end, zero, negative or fractional", async () => {
    for (const page of [3, 0, -1, 1.5, Number.NaN, Number.MAX_VALUE]) {
      expect(await listPublishedArticlesPage({ now: now(), page, pageSize: PAGE_SIZE })).toBeNull();
    }
  });

  it("returns the same cards as the plain list", async () => {
    const first = await listPublishedArticlesPage({ now: now(), page: 1, pageSize: PAGE_SIZE });
    const plain = await listPublishedArticles({ now: now(), take: PAGE_SIZE, skip: 1 });
    expect(first!.articles).toEqual(plain);
  });

  it("moves on when a scheduled article comes out: it becomes the featured one", async () => {
    const later = new Date(T0.getTime() + 11 * HOUR);
    expect((await featuredArticle(later))?.id).toBe(scheduledId);
    const first = await listPublishedArticlesPage({ now: later, page: 1, pageSize: PAGE_SIZE });
    expect(first!.total).toBe(7);
    expect(first!.articles[0]!.id).toBe(publicIds[0]);
  });

  it("renders the featured card with its title link, primary tag and a described image", async () => {
    const media = await db.media.create({
      data: {
        storageKey: "media/2026/05/harbour.jpg",
        fileName: "harbour.jpg",
        contentType: "image/jpeg",
        byteSize: 1000,
        width: 1280,
        height: 720,
        sha256: "0".repeat(64),
        alt: "A harbour at dawn",
        variants: [
          { width: 640, height: 360, storageKey: "media/2026/05/harbour-640.jpg", contentType: "image/jpeg" },
        ],
      },
    });
    await db.article.update({ where: { id: publicIds[0] }, data: { featuredImageId: media.id } });
    const featured = (await featuredArticle(now()))!;
    const html = renderToStaticMarkup(createElement(FeaturedArticle, { article: featured }));
    expect(html).toContain('href="/articles/article-7"');
    expect(html).toContain(">Article 7</a>");
    expect(html).toContain('href="/tags/diplomacy"');
    expect(html).toContain('alt="A harbour at dawn"');
    expect(html).toContain('src="/media/2026/05/harbour.jpg"');
    expect(html).toContain("/media/2026/05/harbour-640.jpg 640w");
    // One heading, one link to the article: the page keeps a single h1 and unambiguous links.
    expect(html.match(/<h2/g)).toHaveLength(1);
    expect(html.match(/href="\/articles\//g)).toHaveLength(1);
  });
});

/** Next's answer to a page that redirects or is not found, as its control-flow error says. */
async function outcome(work: Promise<unknown>): Promise<{ status: number; location?: string }> {
  try {
    await work;
    return { status: 200 };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest !== "string") throw error;
    if (digest.startsWith("NEXT_REDIRECT;")) {
      const parts = digest.split(";");
      return { status: Number(parts.at(-2)), location: parts.slice(2, -2).join(";") };
    }
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return { status: Number(digest.split(";")[1]) };
    throw error;
  }
}

describe("the home page, /", () => {
  const at = (page?: string) => ({ params: Promise.resolve(page === undefined ? {} : { page }) });

  it("renders the featured article and the list at / itself, canonical to /", async () => {
    const html = renderToStaticMarkup(createElement("div", null, await HomePage(at())));
    expect(html).toContain("Latest commentary");
    expect(html).toContain('"@type":"WebSite"');
    for (const title of ["Article 7", "Article 6", "Article 1"]) expect(html).toContain(`>${title}</a>`);
    expect(html).not.toContain(">A draft</a>");
    expect(await homeMetadata(at())).toEqual({ alternates: pageAlternates({ canonical: "/" }) });
  });

  it("is canonical to / wherever page 1 is asked for, and answers 404 past the last page", async () => {
    for (const page of ["1", "0", "abc"]) {
      expect(await homeMetadata(at(page)), page).toEqual({ alternates: pageAlternates({ canonical: "/" }) });
      expect(renderToStaticMarkup(createElement("div", null, await HomeLaterPage(at(page))))).toContain(
        ">Article 7</a>",
      );
    }
    expect(await outcome(HomeLaterPage(at("2")))).toEqual({ status: 404 });
    expect(await homeMetadata(at("2"))).toMatchObject({ alternates: { canonical: "/?page=2" } });
  });
});
