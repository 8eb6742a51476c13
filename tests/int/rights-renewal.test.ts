// A renewal stands in for the authorization it renews once that one lapses: the reprint stays
// public on every surface (the read-time rule agrees with the rights check), and the sweep links
// the article to the renewal and tells the caches.
import { afterEach, describe, expect, it } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { isWithdrawnSlug } from "@/lib/rights/withdrawn";
import { advanceClock, now, resetClock, setClock } from "@/lib/platform/clock";
import { listPublishedArticles } from "@/lib/articles/public-articles";
import { getApiArticle } from "@/lib/content-api/content-api";
import { searchArticles } from "@/lib/search/search-articles";
import { checkPublishable } from "@/lib/rights/check-publishable";
import { cacheTime, isFresh } from "@/lib/platform/cache/registry";
import { cacheTag } from "@/lib/platform/cache/tags";
import { db } from "@/lib/platform/db";
import { sweepRights } from "@/lib/rights/sweep";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const T0 = new Date("2026-05-01T08:00:00Z");

afterEach(() => resetClock());

async function source() {
  return db.source.create({
    data: {
      name: `Renewal source ${Math.random()}`,
      slug: `renewal-source-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      kind: "WEBSITE",
    },
  });
}

function grant(sourceId: string, fields: { validFrom: Date; validUntil?: Date; renewsId?: string }) {
  return db.reprintAuthorization.create({
    data: {
      sourceId,
      status: "GRANTED",
      decidedAt: fields.validFrom,
      validFrom: fields.validFrom,
      validUntil: fields.validUntil ?? null,
      renewsId: fields.renewsId ?? null,
      attributionText: "Reprinted with permission.",
      evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
    },
  });
}

describe("a renewed reprint", () => {
  it("stays public on every surface after the renewed grant lapses, and the sweep re-links it", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { id: sourceId } = await source();
    const original = await grant(sourceId, {
      validFrom: new Date(T0.getTime() - HOUR),
      validUntil: new Date(T0.getTime() + HOUR),
    });
    const created = await createTestArticle(editor, {
      title: "Renewed reprint piece",
      kind: "REPRINT",
      sourceId,
    });
    const article = await publishArticle({ id: created.id, version: created.version }, context(editor));
    const linked = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(linked.authorizationId).toBe(original.id);
    // A renewal of a renewal: the chain is followed.
    const first = await grant(sourceId, {
      validFrom: T0,
      validUntil: new Date(T0.getTime() + HOUR),
      renewsId: original.id,
    });
    const renewal = await grant(sourceId, { validFrom: T0, renewsId: first.id });

    advanceClock(2 * HOUR); // both the original and the first renewal have lapsed
    expect(await db.$transaction((tx) => checkPublishable(tx, article.id, now()))).toEqual({
      allowed: true,
      authorizationId: renewal.id,
    });
    const listed = await listPublishedArticles({ now: now(), take: 100 });
    expect(listed.some((a) => a.id === article.id)).toBe(true);
    expect((await getApiArticle(article.slug, now())).status).toBe("found");
    expect(await isWithdrawnSlug(article.slug, now())).toBe(false);
    expect(
      JSON.stringify(await searchArticles({ q: "Renewed reprint", page: 1, now: now(), siteLanguage: "en" })),
    ).toContain(article.id);

    const since = cacheTime();
    expect(await sweepRights(now())).toEqual({ published: 0, withdrawn: 0, restored: 0 });
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored).toMatchObject({ authorizationId: renewal.id, withdrawnAt: null });
    // The re-link changes what the article's page and the API show: their caches forget them.
    expect(isFresh([cacheTag.article(article.id)], since)).toBe(false);
    expect((await getApiArticle(article.slug, now())).status).toBe("found");
  });

  it("is not kept up by a renewal still only requested", async () => {
    setClock(T0);
    const editor = await createTestUser("EDITOR");
    const { id: sourceId } = await source();
    const original = await grant(sourceId, {
      validFrom: new Date(T0.getTime() - HOUR),
      validUntil: new Date(T0.getTime() + HOUR),
    });
    await db.reprintAuthorization.create({
      data: { sourceId, status: "REQUESTED", validFrom: T0, renewsId: original.id },
    });
    const created = await createTestArticle(editor, {
      title: "Unrenewed reprint piece",
      kind: "REPRINT",
      sourceId,
    });
    const article = await publishArticle({ id: created.id, version: created.version }, context(editor));
    advanceClock(2 * HOUR);
    expect(
      JSON.stringify(
        await searchArticles({ q: "Unrenewed reprint", page: 1, now: now(), siteLanguage: "en" }),
      ),
    ).not.toContain(article.id);
    await sweepRights(now());
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).withdrawnAt).toEqual(now());
  });
});
