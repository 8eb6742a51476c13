// Takedown notices against a real database: the public route refuses what is incomplete, too
// large or about other sites, storing nothing; a complete notice opens a case; "Withdraw now"
// takes the articles off every public surface with a 451 that names the case; a counter-notice
// restores them after the waiting period, counted in business days, by the rights sweep. Mail
// goes to a real SMTP server started here.
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/rights/notices/route";
import { GET as getApiArticleRoute } from "@/app/api/v1/articles/[slug]/route";
import { articlePath } from "@/lib/articles/paths";
import { listPublishedArticles } from "@/lib/articles/public-articles";
import { publishArticle } from "@/lib/articles/workflow";
import { buildFeed } from "@/lib/feeds/data";
import { buildSitemap } from "@/lib/feeds/sitemap";
import { advanceClock, now, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { ANSWER_STATUS_HEADER } from "@/lib/platform/server/answer-status";
import type { CurrentUser } from "@/lib/platform/session";
import {
  recordClaimantAnswer,
  recordCounterNotice,
  rejectNotice,
  restoreNow,
  startReview,
  withdrawForNotice,
} from "@/lib/rights/notices/case-steps";
import { MAX_NOTICE_BYTES } from "@/lib/rights/notices/elements";
import { listNotices } from "@/lib/rights/notices/desk";
import { getPublicCase } from "@/lib/rights/notices/public-case";
import { sweepRights } from "@/lib/rights/sweep";
import { withdrawalOf, withdrawnArticleAnswer } from "@/lib/rights/withdrawn";
import { searchArticles } from "@/lib/search/search-articles";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import("../support/smtp-server");
  const server = await startSmtpServer();
  process.env.SMTP_URL = server.url;
  return server;
});
afterAll(() => smtp.close());

const ORIGIN = "http://localhost:3000";
// A Wednesday.
const T0 = new Date("2031-06-04T09:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

let admin: CurrentUser;
let editor: CurrentUser;
let counter = 0;
const ip = () => `198.51.100.${(++counter % 250) + 1}`;

afterEach(() => resetClock());

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
});

async function publishedArticle(title: string) {
  const created = await createTestArticle(editor, { title });
  return publishArticle(created, context(editor));
}

const onSite = (slug: string) => `${env.SITE_URL.replace(/\/$/, "")}${articlePath(slug)}`;

function completeNotice(urls: string[]) {
  return {
    claimantName: "Li Ming",
    organisation: "Bu Yidao Media",
    contactEmail: "rights@claimant.example",
    workTitle: "东京的选择",
    workUrl: "https://mp.weixin.qq.com/s/AbCdEf123",
    articleUrls: urls.join("\n"),
    details: "Our licence to this site ended last year.",
    goodFaith: "true",
    accuracy: "true",
    signature: "Li Ming",
  };
}

function post(body: unknown, init: { ip?: string; type?: string; headers?: Record<string, string> } = {}) {
  return POST(
    new NextRequest(`${ORIGIN}/api/rights/notices`, {
      method: "POST",
      headers: {
        "content-type": init.type ?? "application/json",
        "x-forwarded-for": init.ip ?? ip(),
        ...init.headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const noticeCount = () => db.rightsNotice.count();

describe("POST /api/rights/notices", () => {
  it("refuses an incomplete notice naming each missing element, and stores nothing", async () => {
    const before = await noticeCount();
    const response = await post({ claimantName: "Li Ming", workTitle: "东京的选择", goodFaith: "on" });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID");
    // Five of the six elements are missing (signature, the work's URL, our URLs, the email,
    // accuracy); good faith was given.
    expect(error.message).toContain("missing 5 of the 6 elements");
    for (const phrase of [
      "your signature",
      "the address (URL) of the original",
      "the addresses (URLs) of the articles on our site",
      "your name and your email address",
      "the notice is accurate",
    ]) {
      expect(error.message).toContain(phrase);
    }
    expect(error.message).not.toContain("good faith");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(
      ["accuracy", "articleUrls", "claimantName", "contactEmail", "signature", "workTitle", "workUrl"].sort(),
    );
    expect(await noticeCount()).toBe(before);
  });

  it("opens a case with a human case number for a complete notice, with its first event and audit entry", async () => {
    setClock(T0);
    const article = await publishedArticle("A piece under complaint");
    const response = await post(completeNotice([onSite(article.slug)]));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.data.caseNumber).toMatch(/^TN-2031-\d{4,}$/);
    expect(body.message).toContain(body.data.caseNumber);
    const notice = await db.rightsNotice.findUniqueOrThrow({
      where: { caseNumber: body.data.caseNumber },
      include: { articles: true, events: true },
    });
    expect(notice).toMatchObject({ status: "RECEIVED", claimantName: "Li Ming", goodFaithStatement: true });
    expect(notice.articles.map((a) => a.articleId)).toEqual([article.id]);
    expect(notice.events.map((e) => [e.type, e.toStatus])).toEqual([["received", "RECEIVED"]]);
    expect(await db.auditLog.count({ where: { entityType: "RightsNotice", entityId: notice.id } })).toBe(1);

    // The claimant's acknowledgement with the case number, and "new notice" to the admins.
    const [ack] = smtp.mailTo("rights@claimant.example");
    expect(ack!.subject).toContain(`case ${notice.caseNumber}`);
    expect(ack!.text).toContain(`Your case number is ${notice.caseNumber}`);
    expect(ack!.text).toContain(onSite(article.slug));
    const [alert] = smtp.mailTo(admin.email);
    expect(alert!.subject).toBe(`New takedown notice ${notice.caseNumber}`);
    expect(alert!.text).toContain(`/admin/rights/notices/${notice.id}`);
    const admins = await db.user.count({ where: { role: "ADMIN", active: true } });
    const sent = await db.outboundMail.count({
      where: { kind: { startsWith: "rights.notice." }, status: "SENT" },
    });
    expect(sent).toBe(1 + admins);
  });

  it("refuses, by name, URLs that are not on this site or not articles, and stores nothing", async () => {
    const article = await publishedArticle("A real article");
    const before = await noticeCount();
    const elsewhere = "https://another-site.example/articles/copied";
    const notArticle = `${env.SITE_URL.replace(/\/$/, "")}/tags/politics`;
    const noSuch = onSite("no-such-article-anywhere");
    const response = await post(completeNotice([onSite(article.slug), elsewhere, notArticle, noSuch]));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain(`${elsewhere} is not on this site`);
    expect(error.message).toContain(`${notArticle} is not the address of an article`);
    expect(error.message).toContain(`${noSuch} is not the address of an article`);
    expect(error.message).not.toContain(article.slug);
    expect(error.fieldErrors.articleUrls).toHaveLength(3);
    expect(await noticeCount()).toBe(before);
  });

  it("refuses an oversized notice with 413, and an overlong field with 400 naming it", async () => {
    const article = await publishedArticle("Oversized target");
    const before = await noticeCount();
    const huge = { ...completeNotice([onSite(article.slug)]), details: "x".repeat(MAX_NOTICE_BYTES) };
    const tooLarge = await post(huge);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.message).toContain(`at most ${MAX_NOTICE_BYTES / 1024} KB`);

    const long = { ...completeNotice([onSite(article.slug)]), details: "y".repeat(20_000) };
    const refused = await post(long);
    expect(refused.status).toBe(400);
    const { error } = await refused.json();
    expect(error.fieldErrors.details[0]).toMatch(/at most 10000 characters/);
    expect(await noticeCount()).toBe(before);
  });

  it("refuses malformed addresses and cross-site posts", async () => {
    const article = await publishedArticle("Formats");
    const bad = await post({
      ...completeNotice([onSite(article.slug)]),
      contactEmail: "not-an-email",
      workUrl: "ftp://x",
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["contactEmail", "workUrl"]);
    const crossSite = await post(completeNotice([onSite(article.slug)]), {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const article = await publishedArticle("Honeypot target");
    const before = await noticeCount();
    const response = await post({
      ...completeNotice([onSite(article.slug)]),
      website2: "http://spam.example",
    });
    expect(response.status).toBe(202);
    expect(await noticeCount()).toBe(before);
  });

  it("limits notices per address", async () => {
    setClock(T0);
    const article = await publishedArticle("Rate limited");
    const from = "203.0.113.77";
    expect((await post(completeNotice([onSite(article.slug)]), { ip: from })).status).toBe(201);
    const second = await post(completeNotice([onSite(article.slug)]), { ip: from });
    expect(second.status).toBe(429);
    expect((await second.json()).error.message).toMatch(/Too many notices from your address/);
    expect(second.headers.get("retry-after")).toBeTruthy();
    advanceClock(11_000);
    expect((await post(completeNotice([onSite(article.slug)]), { ip: from })).status).toBe(201);
  });
});

async function openCase(titles: string[]) {
  const articles = [];
  for (const title of titles) articles.push(await publishedArticle(title));
  const response = await post(completeNotice(articles.map((a) => onSite(a.slug))));
  expect(response.status).toBe(201);
  const { caseNumber } = (await response.json()).data;
  const notice = await db.rightsNotice.findUniqueOrThrow({ where: { caseNumber } });
  return { notice, articles };
}

const isListed = async (id: string) =>
  (await listPublishedArticles({ now: now(), take: 200 })).some((a) => a.id === id);

describe("a takedown case", () => {
  it("tells webhooks of the notice (never who sent it), and of the withdrawal with its case number", async () => {
    setClock(T0);
    const endpoint = await db.webhookEndpoint.create({
      data: {
        url: "https://receiver.example/hooks",
        secret: "s".repeat(32),
        events: ["notice.received", "article.withdrawn"],
      },
    });
    const { notice, articles } = await openCase(["Withdrawn by notice kingfisher"]);
    await withdrawForNotice(notice.id, context(admin));
    const bodies = (
      await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: "asc" } })
    ).map((delivery) => JSON.parse(delivery.body));
    expect(bodies.map((body) => body.event)).toEqual(["notice.received", "article.withdrawn"]);
    expect(bodies[0].data).toEqual({
      caseNumber: notice.caseNumber,
      receivedAt: T0.toISOString(),
      urls: [onSite(articles[0]!.slug)],
    });
    expect(JSON.stringify(bodies[0])).not.toMatch(/Li Ming|claimant\.example/);
    expect(bodies[1].data).toMatchObject({
      article: { id: articles[0]!.id },
      reasonCode: "TAKEDOWN_NOTICE",
      caseNumber: notice.caseNumber,
    });
    await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
  });

  it("Withdraw now: the URL answers 451 with the blocked-by link, and the article leaves lists, feeds, search, sitemap and API", async () => {
    setClock(T0);
    const { notice, articles } = await openCase(["Withdrawn by notice zebrafinch"]);
    const [article] = articles;
    const site = env.SITE_URL;
    expect(await isListed(article!.id)).toBe(true);
    expect(
      JSON.stringify(await searchArticles({ q: "zebrafinch", page: 1, now: now(), siteLanguage: "en" })),
    ).toContain(article!.id);

    await startReview(notice.id, context(admin));
    advanceClock(60_000);
    expect(await withdrawForNotice(notice.id, context(admin))).toEqual({ withdrawn: 1 });

    const answer = await withdrawnArticleAnswer(new URL(articlePath(article!.slug), ORIGIN), now());
    expect(answer?.headers.get(ANSWER_STATUS_HEADER)).toBe("451");
    expect(answer?.headers.get("link")).toBe(
      `<${site.replace(/\/$/, "")}/rights/notices/${notice.caseNumber}>; rel="blocked-by"`,
    );
    expect(await withdrawalOf(article!.slug, now())).toEqual({
      caseNumber: notice.caseNumber,
      withdrawnAt: now(),
      authorizationEndedAt: null,
    });
    expect(await isListed(article!.id)).toBe(false);
    expect(await buildFeed({ kind: "site" }, now(), site)).not.toContain("zebrafinch");
    expect((await buildSitemap(now(), site)).map((e) => e.url).join("\n")).not.toContain(article!.slug);
    expect(
      JSON.stringify(await searchArticles({ q: "zebrafinch", page: 1, now: now(), siteLanguage: "en" })),
    ).not.toContain(article!.id);
    const api = await getApiArticleRoute(new NextRequest(`${ORIGIN}/api/v1/articles/${article!.slug}`), {
      params: Promise.resolve({ slug: article!.slug }),
    });
    expect(api.status).toBe(451);
    expect(api.headers.get("link")).toContain(`/rights/notices/${notice.caseNumber}>; rel="blocked-by"`);
    const { error } = await api.json();
    expect(error.message).toContain(notice.caseNumber);
    expect(error.message).not.toContain("rights@claimant.example");

    // The public case page names the case and the article, never the claimant's contact details.
    const publicCase = await getPublicCase(notice.caseNumber);
    expect(publicCase).toMatchObject({ caseNumber: notice.caseNumber, status: "ACTIONED" });
    expect(publicCase!.articles).toEqual([{ title: "Withdrawn by notice zebrafinch" }]);
    expect(JSON.stringify(publicCase)).not.toMatch(/claimant\.example|Li Ming|Bu Yidao/);

    const events = await db.rightsNoticeEvent.findMany({
      where: { noticeId: notice.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["received", null],
      ["reviewStarted", admin.id],
      ["actioned", admin.id],
    ]);
    const audit = await db.auditLog.findMany({
      where: { OR: [{ entityId: notice.id }, { entityId: article!.id, action: "article.withdrawn" }] },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(
      ["article.withdrawn", "notice.actioned", "notice.received", "notice.reviewStarted"].sort(),
    );
  });

  it("a step on a case in the wrong state is refused, and a rejection needs no withdrawal", async () => {
    setClock(T0);
    const { notice, articles } = await openCase(["Rejected claim"]);
    await rejectNotice(notice.id, "The piece is our own original work.", context(admin));
    await expect(withdrawForNotice(notice.id, context(admin))).rejects.toThrow(/rejected/);
    expect(await isListed(articles[0]!.id)).toBe(true);
    expect((await db.rightsNotice.findUniqueOrThrow({ where: { id: notice.id } })).rejectionReason).toBe(
      "The piece is our own original work.",
    );
  });

  it("a counter-notice restores after ten business days, counted over the weekends, by the sweep", async () => {
    setClock(T0);
    const { notice, articles } = await openCase(["Countered piece"]);
    const [article] = articles;
    await withdrawForNotice(notice.id, context(admin));
    // Friday 2031-06-06, 16:00: ten business days later is Friday 2031-06-20, 16:00.
    setClock(new Date("2031-06-06T16:00:00.000Z"));
    const { restoreDueAt } = await recordCounterNotice(
      notice.id,
      "The author's agent objects.",
      context(admin),
    );
    expect(restoreDueAt.toISOString()).toBe("2031-06-20T16:00:00.000Z");
    await expect(restoreNow(notice.id, context(admin))).rejects.toThrow(/cannot be restored now/);

    // Ten calendar days on (Monday 16 June) the period has not ended: weekends do not count.
    setClock(new Date("2031-06-16T16:00:00.000Z"));
    expect((await sweepRights(now())).restored).toBe(0);
    expect(await isListed(article!.id)).toBe(false);
    setClock(new Date(restoreDueAt.getTime() - 1));
    expect((await sweepRights(now())).restored).toBe(0);

    setClock(restoreDueAt);
    expect((await sweepRights(now())).restored).toBe(1);
    expect(await isListed(article!.id)).toBe(true);
    expect(await withdrawalOf(article!.slug, now())).toBeNull();
    const restored = await db.rightsNotice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(restored).toMatchObject({ status: "RESTORED", restoredAt: restoreDueAt });
    const last = await db.rightsNoticeEvent.findFirstOrThrow({
      where: { noticeId: notice.id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({ type: "restored", actorId: null, toStatus: "RESTORED" });
    expect(await db.auditLog.count({ where: { entityId: article!.id, action: "article.restored" } })).toBe(1);
    // Once restored, the sweep leaves it alone.
    advanceClock(DAY);
    expect((await sweepRights(now())).restored).toBe(0);
  });

  it("when the claimant answers, the articles stay withdrawn past the period", async () => {
    setClock(T0);
    const { notice, articles } = await openCase(["Answered piece"]);
    await withdrawForNotice(notice.id, context(admin));
    const { restoreDueAt } = await recordCounterNotice(notice.id, "", context(admin));
    advanceClock(DAY);
    await recordClaimantAnswer(notice.id, "Court action filed.", context(admin));
    setClock(new Date(restoreDueAt.getTime() + 30 * DAY));
    expect((await sweepRights(now())).restored).toBe(0);
    expect(await isListed(articles[0]!.id)).toBe(false);
    const answered = await db.rightsNotice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(answered).toMatchObject({ status: "ACTIONED", restoreDueAt: null });
    expect(answered.claimantAnsweredAt).not.toBeNull();
  });

  it("the queue shows how long open cases have waited against the target, and filters overdue ones", async () => {
    setClock(T0);
    const { notice } = await openCase(["Waiting piece"]);
    advanceClock(49 * 60 * 60 * 1000);
    const overdue = await listNotices({ overdue: true, page: 1, status: undefined }, now());
    const row = overdue.rows.find((r) => r.id === notice.id);
    expect(row).toMatchObject({ overdue: true, waitedMs: 49 * 60 * 60 * 1000 });
    await withdrawForNotice(notice.id, context(admin));
    const after = await listNotices({ overdue: true, page: 1, status: undefined }, now());
    expect(after.rows.some((r) => r.id === notice.id)).toBe(false);
    const actioned = await listNotices({ status: "ACTIONED", overdue: false, page: 1 }, now());
    expect(actioned.rows.find((r) => r.id === notice.id)).toMatchObject({ waitedMs: null, overdue: false });
  });
});

describe("an article withdrawn by a notice", () => {
  it("cannot be published again from the desk: only its case brings it back", async () => {
    setClock(T0);
    const { notice, articles } = await openCase(["Not to be republished"]);
    await withdrawForNotice(notice.id, context(admin));
    const current = await db.article.findUniqueOrThrow({ where: { id: articles[0]!.id } });
    await expect(
      publishArticle({ id: current.id, version: current.version }, context(editor)),
    ).rejects.toThrow(`withdrawn after takedown notice ${notice.caseNumber}`);
    expect(await isListed(current.id)).toBe(false);
  });
});
