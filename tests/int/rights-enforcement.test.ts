// Rights are enforced after publication too: when an authorization lapses or is revoked, its
// articles leave every public list at once, their URLs answer 451, and the sweep records it.
import { afterEach, describe, expect, it } from "vitest";
import { articlePath, articleVersionPath, sideBySidePath } from "@/lib/articles/paths";
import { publishArticle, scheduleArticle } from "@/lib/articles/workflow";
import {
  isWithdrawnSlug,
  withdrawalOf,
  withdrawnArticleAnswer,
  withdrawnNoticePath,
} from "@/lib/rights/withdrawn";
import { ANSWER_STATUS_HEADER } from "@/lib/platform/server/answer-status";
import { advanceClock, now, resetClock, setClock } from "@/lib/platform/clock";
import { listPublishedArticles } from "@/lib/articles/public-articles";
import { getApiArticle } from "@/lib/content-api/content-api";
import { searchArticles } from "@/lib/search/search-articles";
import { buildFeed } from "@/lib/feeds/data";
import { buildSitemap } from "@/lib/feeds/sitemap";
import { db } from "@/lib/platform/db";
import type { TerminationEffect } from "@/lib/generated/prisma/enums";
import { reviewSourceReprints, sweepRights } from "@/lib/rights/sweep";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const SITE = "https://crosscurrent.example";
const T0 = new Date("2026-05-01T08:00:00Z");

afterEach(() => resetClock());

async function grantedAuthorization(options: { until?: Date; onTermination?: TerminationEffect } = {}) {
  const source = await db.source.create({
    data: {
      name: `Source ${Math.random()}`,
      slug: `source-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      kind: "WEBSITE",
    },
  });
  const authorization = await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(T0.getTime() - 24 * HOUR),
      validUntil: options.until ?? null,
      onTermination: options.onTermination ?? "TAKE_DOWN",
      attributionText: "Reprinted with permission.",
      evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
    },
  });
  return { source, authorization };
}

async function publishedReprint(editor: CurrentUser, sourceId: string, title: string) {
  const article = await createTestArticle(editor, { title, kind: "REPRINT", sourceId });
  return publishArticle({ id: article.id, version: article.version }, context(editor));
}

const isListed = async (id: string) =>
  (await listPublishedArticles({ now: now(), take: 100 })).some((a) => a.id === id);

describe("when an authorization's time runs out", () => {
  it("answers 451 at the article's old slugs too", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({ until: new Date(T0.getTime() + HOUR) });
    const article = await publishedReprint(editor, authorization.sourceId, "Renamed then withdrawn");
    const oldSlug = `${article.slug}-as-first-shared`;
    await db.slugRedirect.create({ data: { entityType: "Article", oldSlug, entityId: article.id } });
    expect(await isWithdrawnSlug(oldSlug, now())).toBe(false);

    advanceClock(HOUR);
    await sweepRights(now()); // announces the withdrawal, as the scheduled sweep does
    for (const slug of [article.slug, oldSlug]) {
      expect(await isWithdrawnSlug(slug, now()), slug).toBe(true);
      expect(await getApiArticle(slug, now()), slug).toMatchObject({
        status: "withdrawn",
        withdrawal: { caseNumber: null },
      });
    }
    expect(await isWithdrawnSlug("never-an-article-slug", now())).toBe(false);
  });

  it("the proxy's answer: 451 with the notice at the withdrawn article's URL, nothing elsewhere", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({ until: new Date(T0.getTime() + HOUR) });
    const article = await publishedReprint(editor, authorization.sourceId, "Answered by the proxy");
    const at = (path: string) => new URL(path, "http://site.test");
    expect(await withdrawnArticleAnswer(at(articlePath(article.slug)), now())).toBeNull();

    advanceClock(HOUR);
    await sweepRights(now());
    // Every page of the article: its own, its original's beside it, the two side by side.
    const pages = [
      articlePath(article.slug),
      `${articlePath(article.slug)}/`,
      articleVersionPath(article.slug, "zh-Hans"),
      sideBySidePath(article.slug),
    ];
    for (const path of pages) {
      const answer = await withdrawnArticleAnswer(at(path), now());
      // The notice page, rendered in place, with the status the launcher gives it.
      expect(answer?.headers.get("x-middleware-rewrite"), path).toBe(
        `http://site.test${withdrawnNoticePath(article.slug)}`,
      );
      expect(answer?.headers.get(ANSWER_STATUS_HEADER), path).toBe("451");
      // A lapse is no takedown: no case to point to.
      expect(answer?.headers.get("link"), path).toBeNull();
    }
    // The notice names the authorization's end.
    expect(await withdrawalOf(article.slug, now())).toEqual({
      caseNumber: null,
      withdrawnAt: now(),
      authorizationEndedAt: new Date(T0.getTime() + HOUR),
    });
    expect(await withdrawnArticleAnswer(at(`${articlePath(article.slug)}/comments`), now())).toBeNull();
    expect(await withdrawnArticleAnswer(at("/articles/%E0%A4%A"), now())).toBeNull(); // malformed escape
    expect(await withdrawnArticleAnswer(at("/tags/anything"), now())).toBeNull();
  });

  it("the article leaves the lists at once, its URL answers 451, and the sweep records the withdrawal", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({ until: new Date(T0.getTime() + HOUR) });
    const article = await publishedReprint(editor, authorization.sourceId, "Expiring piece");
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).authorizationId).toBe(
      authorization.id,
    );
    expect(await isListed(article.id)).toBe(true);
    expect(await isWithdrawnSlug(article.slug, now())).toBe(false);
    expect(await buildFeed({ kind: "site" }, now(), SITE)).toContain("Expiring piece");
    expect((await buildSitemap(now(), SITE)).map((entry) => entry.url).join("\n")).toContain(article.slug);
    expect((await getApiArticle(article.slug, now())).status).toBe("found");
    expect(
      JSON.stringify(await searchArticles({ q: "Expiring", page: 1, now: now(), siteLanguage: "en" })),
    ).toContain(article.id);

    advanceClock(HOUR - 1);
    expect(await isListed(article.id)).toBe(true);
    advanceClock(1);
    expect(await isListed(article.id)).toBe(false);
    expect(await buildFeed({ kind: "site" }, now(), SITE)).not.toContain("Expiring piece");
    expect((await buildSitemap(now(), SITE)).map((entry) => entry.url).join("\n")).not.toContain(
      article.slug,
    );
    expect(
      JSON.stringify(await searchArticles({ q: "Expiring", page: 1, now: now(), siteLanguage: "en" })),
    ).not.toContain(article.id);

    // The sweep records the withdrawal; the URL's 451 did not wait for it (cache-expiry.test.ts).
    expect(await sweepRights(now())).toEqual({ published: 0, withdrawn: 1, restored: 0 });
    expect(await isWithdrawnSlug(article.slug, now())).toBe(true);
    expect(await getApiArticle(article.slug, now())).toMatchObject({
      status: "withdrawn",
      withdrawal: { caseNumber: null, authorizationEndedAt: new Date(T0.getTime() + HOUR) },
    });
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.withdrawnAt).toEqual(now());
    expect(stored.status).toBe("PUBLISHED"); // nothing is deleted or unpublished
    const check = await db.rightsCheck.findFirst({ where: { articleId: article.id, trigger: "SWEEP" } });
    expect(check).toMatchObject({ allowed: false, reasons: ["EXPIRED"] });
    // A second sweep finds nothing more to do.
    expect(await sweepRights(now())).toEqual({ published: 0, withdrawn: 0, restored: 0 });
  });

  it("keeps the article public when the terms say to keep existing pieces", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({
      until: new Date(T0.getTime() + HOUR),
      onTermination: "KEEP_EXISTING",
    });
    const article = await publishedReprint(editor, authorization.sourceId, "Kept piece");
    advanceClock(2 * HOUR);
    expect(await isListed(article.id)).toBe(true);
    expect(await sweepRights(now())).toEqual({ published: 0, withdrawn: 0, restored: 0 });
  });
});

describe("when an authorization is revoked", () => {
  it("with take-down terms, withdraws every dependent article", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization();
    const first = await publishedReprint(editor, authorization.sourceId, "Revoked piece one");
    const second = await publishedReprint(editor, authorization.sourceId, "Revoked piece two");

    const withdrawn = await db.$transaction(async (tx) => {
      await tx.reprintAuthorization.update({
        where: { id: authorization.id },
        data: { status: "REVOKED", revokedAt: now() },
      });
      return reviewSourceReprints(tx, authorization.sourceId, "REVOCATION", now(), editor.id);
    });
    expect(withdrawn).toBe(2);
    for (const article of [first, second]) {
      expect(await isListed(article.id)).toBe(false);
      expect(await isWithdrawnSlug(article.slug, now())).toBe(true);
    }
  });

  it("that names one piece, takes that piece down even under a whole-source grant", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization();
    const named = await createTestArticle(editor, {
      title: "Named piece",
      kind: "REPRINT",
      sourceId: authorization.sourceId,
      originalUrl: "https://example.com/named",
    });
    const namedPublished = await publishArticle({ id: named.id, version: named.version }, context(editor));
    const other = await publishedReprint(editor, authorization.sourceId, "Unnamed piece");

    const withdrawn = await db.$transaction(async (tx) => {
      await tx.reprintAuthorization.create({
        data: {
          sourceId: authorization.sourceId,
          scope: "ARTICLE",
          scopeUrl: "https://example.com/named",
          status: "REVOKED",
          validFrom: T0,
          revokedAt: now(),
        },
      });
      return reviewSourceReprints(tx, authorization.sourceId, "REVOCATION", now(), editor.id);
    });
    expect(withdrawn).toBe(1);
    expect(await isWithdrawnSlug(namedPublished.slug, now())).toBe(true);
    expect(await isListed(other.id)).toBe(true);
  });

  it("with keep-existing terms, is not a take-down when the source's articles are reviewed", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({ onTermination: "KEEP_EXISTING" });
    const kept = await publishedReprint(editor, authorization.sourceId, "Kept on review");
    const withdrawn = await db.$transaction(async (tx) => {
      await tx.reprintAuthorization.update({
        where: { id: authorization.id },
        data: { status: "REVOKED", revokedAt: now() },
      });
      return reviewSourceReprints(tx, authorization.sourceId, "REVOCATION", now(), editor.id);
    });
    expect(withdrawn).toBe(0);
    expect(await isListed(kept.id)).toBe(true);
  });

  it("with keep-existing terms, leaves published articles but allows nothing new", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({ onTermination: "KEEP_EXISTING" });
    const kept = await publishedReprint(editor, authorization.sourceId, "Kept after revocation");
    await db.reprintAuthorization.update({
      where: { id: authorization.id },
      data: { status: "REVOKED", revokedAt: now() },
    });

    expect(await isListed(kept.id)).toBe(true);
    const fresh = await createTestArticle(editor, {
      title: "New under revoked",
      kind: "REPRINT",
      sourceId: authorization.sourceId,
    });
    await expect(
      publishArticle({ id: fresh.id, version: fresh.version }, context(editor)),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lets an editor republish once a new authorization is granted", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({ until: new Date(T0.getTime() + HOUR) });
    const article = await publishedReprint(editor, authorization.sourceId, "Renewed piece");
    advanceClock(2 * HOUR);
    await sweepRights(now());
    await db.reprintAuthorization.create({
      data: {
        sourceId: authorization.sourceId,
        status: "GRANTED",
        validFrom: now(),
        renewsId: authorization.id,
      },
    });
    const current = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    await publishArticle({ id: article.id, version: current.version }, context(editor));
    expect(await isListed(article.id)).toBe(true);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).withdrawnAt).toBeNull();
  });
});

describe("a scheduled reprint", () => {
  it("is re-checked when its time comes, and withdrawn instead of published when its rights lapsed", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization({ until: new Date(T0.getTime() + HOUR) });
    const article = await createTestArticle(editor, {
      title: "Scheduled reprint",
      kind: "REPRINT",
      sourceId: authorization.sourceId,
    });
    await scheduleArticle(
      { id: article.id, version: article.version, publishAt: new Date(T0.getTime() + 2 * HOUR) },
      context(editor),
    );

    advanceClock(2 * HOUR);
    expect(await isListed(article.id)).toBe(false);
    expect(await sweepRights(now())).toEqual({ published: 0, withdrawn: 1, restored: 0 });
    const check = await db.rightsCheck.findFirst({
      where: { articleId: article.id, trigger: "SCHEDULED_PUBLISH" },
    });
    expect(check).toMatchObject({ allowed: false, reasons: ["EXPIRED"] });
  });

  it("is published by the sweep when its rights still hold", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { authorization } = await grantedAuthorization();
    const article = await createTestArticle(editor, {
      title: "Scheduled and fine",
      kind: "REPRINT",
      sourceId: authorization.sourceId,
    });
    await scheduleArticle(
      { id: article.id, version: article.version, publishAt: new Date(T0.getTime() + HOUR) },
      context(editor),
    );
    advanceClock(HOUR);
    expect((await sweepRights(now())).published).toBe(1);
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored).toMatchObject({ status: "PUBLISHED", withdrawnAt: null });
    expect(await isListed(article.id)).toBe(true);
  });
});
