// Expiry reaches readers when it happens, not at the rights sweep: every cached public answer
// expires at the next moment the public set changes by time (lib/articles/visibility-change.ts),
// and the Cache-Control lifetimes the launcher sends are cut to it.
import { afterEach, describe, expect, it } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { isWithdrawnSlug } from "@/lib/rights/withdrawn";
import { nextVisibilityChange, readPublic } from "@/lib/articles/visibility-change";
import { getApiArticle } from "@/lib/content-api/content-api";
import { advanceClock, now, resetClock, setClock } from "@/lib/platform/clock";
import { nextExpiry } from "@/lib/platform/cache/registry";
import { boundCacheControl } from "@/lib/platform/server/cache-lifetime";
import { db } from "@/lib/platform/db";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const T0 = new Date("2031-05-01T08:00:00Z"); // after anything other tests leave behind

afterEach(() => resetClock());

async function expiringReprint(title: string, until: Date) {
  const editor = await createTestUser("EDITOR");
  const source = await db.source.create({
    data: {
      name: title,
      slug: `expiry-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      kind: "WEBSITE",
    },
  });
  await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date(until.getTime() - 24 * HOUR),
      validUntil: until,
      evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
    },
  });
  const created = await createTestArticle(editor, { title, kind: "REPRINT", sourceId: source.id });
  return publishArticle({ id: created.id, version: created.version }, context(editor));
}

describe("cached public answers", () => {
  it("the withdrawn-slug check and a cached API answer flip the moment the authorization ends, before any sweep", async () => {
    setClock(T0);
    const until = new Date(T0.getTime() + HOUR);
    const article = await expiringReprint("Expires while cached", until);
    const apiAnswer = () =>
      readPublic(`api:article:${article.slug}`, now(), () => getApiArticle(article.slug, now()));
    expect(await isWithdrawnSlug(article.slug, now())).toBe(false);
    expect((await apiAnswer()).status).toBe("found");
    expect(await nextVisibilityChange(now())).toEqual(until);
    expect(nextExpiry()).toBe(until.getTime());

    advanceClock(HOUR - 1); // still cached, still true
    expect(await isWithdrawnSlug(article.slug, now())).toBe(false);
    expect((await apiAnswer()).status).toBe("found");
    advanceClock(1); // the authorization's end: no sweep has run, no cache was told
    expect(await isWithdrawnSlug(article.slug, now())).toBe(true);
    expect(await apiAnswer()).toMatchObject({
      status: "withdrawn",
      withdrawal: { authorizationEndedAt: until },
    });
  });

  it("a cached read lives until the next change, then is loaded again", async () => {
    setClock(T0);
    await expiringReprint("Bounds a cached read", new Date(T0.getTime() + 2 * HOUR));
    const next = (await nextVisibilityChange(now()))!.getTime();
    let loads = 0;
    const read = () => readPublic("test:expiring-read", now(), async () => ++loads);
    expect(await read()).toBe(1);
    setClock(new Date(next - 1));
    expect(await read()).toBe(1);
    setClock(new Date(next));
    expect(await read()).toBe(2);
  });
});

describe("boundCacheControl", () => {
  const PAGE = "public, max-age=0, s-maxage=30, stale-while-revalidate=15";
  it("leaves lifetimes that end in time alone", () => {
    expect(boundCacheControl(PAGE, 100)).toBe(PAGE);
    expect(boundCacheControl("public, max-age=30, s-maxage=30", 45.5)).toBe(
      "public, max-age=30, s-maxage=30",
    );
  });
  it("cuts every lifetime, the stale window included, to the whole seconds left", () => {
    expect(boundCacheControl(PAGE, 40)).toBe("public, max-age=0, s-maxage=30, stale-while-revalidate=10");
    expect(boundCacheControl(PAGE, 9.9)).toBe("public, max-age=0, s-maxage=9, stale-while-revalidate=0");
    expect(boundCacheControl("public, max-age=30, s-maxage=30", 2.5)).toBe("public, max-age=2, s-maxage=2");
    expect(boundCacheControl("public, max-age=30, s-maxage=30", -1)).toBe("public, max-age=0, s-maxage=0");
  });
  it("leaves private answers alone", () => {
    expect(boundCacheControl("private, no-store", 1)).toBe("private, no-store");
  });
});
