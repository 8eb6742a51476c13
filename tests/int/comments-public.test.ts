// The reader-facing half of comments against a real database: the POST/DELETE route and its
// saved-commenter cookies, reports, the public thread loader's allowlist and the comment feeds.
// Route handlers are called directly with requests, as Next would call them.
import { NextRequest } from "next/server";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE, GET as threadPage, POST } from "@/app/api/comments/route";
import { POST as REPORT } from "@/app/api/comments/[id]/report/route";
import { GET as siteCommentsFeed } from "@/app/feeds/comments/route";
import { GET as articleCommentsFeed } from "@/app/feeds/comments/[slug]/route";
import { publishArticle } from "@/lib/articles/workflow";
import { advanceClock, resetClock, setClock } from "@/lib/platform/clock";
import { COMMENTER_COOKIE, COMMENTER_NAME_COOKIE } from "@/lib/comments/cookie-names";
import { commenterKey } from "@/lib/comments/commenter-data";
import { keyedHash } from "@/lib/platform/http/address-keys";
import { queueOf, queueWhere } from "@/lib/comments/queues";
import { HIDDEN_BY_REPORTS, REPORT_LIMIT, reportComment } from "@/lib/comments/report";
import { networksToHide, REPORT_NETWORK_FLOOR } from "@/lib/comments/report-rules";
import { sealCommenter } from "@/lib/comments/saved-commenter";
import { TRUSTED_AFTER_APPROVED } from "@/lib/comments/submit";
import { DEFAULTS_KEY } from "@/lib/comments/settings";
import {
  areCommentsOpen,
  getPublicComments,
  THREADS_PER_PAGE,
  type CommentNode,
  type CommentPage,
} from "@/lib/comments/public-comments";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { FEED_HEADERS } from "@/lib/feeds/response";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const START = new Date("2031-06-01T09:00:00.000Z");
const ORIGIN = "http://localhost:3000";
const PUBLIC_FIELDS = ["authorName", "authorUrl", "body", "createdAt", "id", "isStaff", "parentId"];

let editor: CurrentUser;
let counter = 0;
const fresh = () => ++counter;
const email = () => `reader-${fresh()}@private.example`;
const ip = () => `198.51.${Math.floor(counter / 250) % 250}.${(fresh() % 250) + 1}`;

async function article(comments: Prisma.ArticleUpdateInput = {}) {
  const created = await createTestArticle(editor, { title: `Discussion ${fresh()}` });
  const published = await publishArticle(created, context(editor));
  await db.article.update({ where: { id: published.id }, data: comments });
  return { id: published.id, slug: published.slug };
}

function request(
  url: string,
  init: {
    method?: string;
    body?: unknown;
    ip?: string;
    cookie?: string;
    origin?: string;
    type?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = {
    "x-forwarded-for": init.ip ?? ip(),
    "user-agent": "comments-public-test",
  };
  if (init.body !== undefined) headers["content-type"] = init.type ?? "application/json";
  if (init.cookie) headers.cookie = init.cookie;
  if (init.origin) headers.origin = init.origin;
  Object.assign(headers, init.headers);
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === "string"
        ? init.body
        : JSON.stringify(init.body);
  return new NextRequest(`${ORIGIN}${url}`, { method: init.method ?? "POST", headers, body });
}

function post(fields: Record<string, unknown>, init: Parameters<typeof request>[1] = {}) {
  return POST(request("/api/comments", { ...init, body: fields }));
}

const comment = (articleId: string, extra: Record<string, unknown> = {}) => ({
  articleId,
  name: "A Reader",
  email: email(),
  body: `A considered thought, number ${fresh()}.`,
  ...extra,
});

function report(id: string, reason: unknown, from: string) {
  return REPORT(request(`/api/comments/${id}/report`, { body: { reason }, ip: from }), {
    params: Promise.resolve({ id }),
  });
}

async function approvedComment(articleId: string, data: Partial<Prisma.CommentUncheckedCreateInput> = {}) {
  return db.comment.create({
    data: {
      articleId,
      authorName: `Commenter ${fresh()}`,
      authorEmail: email(),
      body: `Stored comment ${counter}`,
      status: "APPROVED",
      ipHash: "hash-of-an-ip",
      userAgent: "stored-agent",
      holdReasons: ["SECRET_REASON"],
      createdAt: new Date(START.getTime() + fresh() * 1000),
      ...data,
    },
  });
}

/** Every cookie the response sets: name, value and attributes (lower case). */
function setCookies(response: Response) {
  return response.headers.getSetCookie().map((line) => {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const at = pair.indexOf("=");
    return {
      name: pair.slice(0, at),
      value: pair.slice(at + 1),
      attributes: attributes.map((a) => a.toLowerCase()),
      line,
    };
  });
}

function ids(nodes: CommentNode[]): string[] {
  return nodes.flatMap((n) => [n.id, ...ids(n.replies)]);
}

beforeAll(async () => {
  setClock(START);
  editor = await createTestUser("EDITOR");
});

beforeEach(async () => {
  setClock(new Date(START.getTime() + fresh() * 60_000));
  // First-time moderation off, so an ordinary comment is approved unless a test says otherwise.
  await db.setting.upsert({
    where: { key: DEFAULTS_KEY },
    create: { key: DEFAULTS_KEY, value: { holdFirstTime: false } },
    update: { value: { holdFirstTime: false } },
  });
});

afterEach(() => resetClock());

describe("POST /api/comments", () => {
  it("answers 201 with the allowlisted comment when it is approved", async () => {
    const { id } = await article();
    const sent = comment(id, { website: "https://reader.example" });
    const response = await post(sent);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const text = await response.text();
    expect(text).not.toContain(sent.email);
    const body = JSON.parse(text);
    expect(body.status).toBe("approved");
    expect(Object.keys(body.comment).sort()).toEqual(PUBLIC_FIELDS);
    expect(body.comment).toMatchObject({
      parentId: null,
      authorName: "A Reader",
      authorUrl: "https://reader.example",
      body: sent.body,
      isStaff: false,
    });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: body.comment.id } });
    expect(stored).toMatchObject({
      status: "APPROVED",
      authorEmail: sent.email,
      userAgent: "comments-public-test",
    });
  });

  it("answers 202 pending for a held comment, and reads form-encoded bodies too", async () => {
    const { id } = await article({ commentMode: "PREMODERATE_ALL" });
    const fields = comment(id);
    const response = await POST(
      request("/api/comments", {
        body: new URLSearchParams(fields as Record<string, string>).toString(),
        type: "application/x-www-form-urlencoded",
      }),
    );
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ status: "pending", comment: { authorName: "A Reader", body: fields.body } });
    expect(Object.keys(body.comment).sort()).toEqual(PUBLIC_FIELDS);
  });

  it("gives a honeypot catch exactly the answer of an ordinary held reply", async () => {
    const { id } = await article({ commentMode: "PREMODERATE_ALL" });
    const parent = await approvedComment(id);
    const held = await post(comment(id, { parentId: parent.id, body: "An honest reply." }));
    const caught = await post(
      comment(id, { parentId: parent.id, body: "Buy now.", website2: "https://spam.example" }),
    );

    expect(caught.status).toBe(held.status);
    expect(held.status).toBe(202);
    expect([...caught.headers.keys()].sort()).toEqual([...held.headers.keys()].sort());
    const [heldBody, caughtBody] = [await held.json(), await caught.json()];
    expect(Object.keys(caughtBody)).toEqual(Object.keys(heldBody));
    expect(Object.keys(caughtBody.comment)).toEqual(Object.keys(heldBody.comment));
    expect(caughtBody).toMatchObject({ status: "pending", comment: { parentId: parent.id } });
    expect(heldBody).toMatchObject({ status: "pending", comment: { parentId: parent.id } });

    const statuses = await db.comment.findMany({
      where: { id: { in: [heldBody.comment.id, caughtBody.comment.id] } },
      select: { id: true, status: true },
    });
    expect(new Map(statuses.map((s) => [s.id, s.status]))).toEqual(
      new Map([
        [heldBody.comment.id, "PENDING"],
        [caughtBody.comment.id, "SPAM"],
      ]),
    );
  });

  it("answers 400 with a message per field", async () => {
    const { id } = await article();
    const response = await post(comment(id, { email: "not-an-address", body: "   " }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["body", "email"]);
    expect(error.fieldErrors.email).toEqual(["Enter a valid email address."]);

    const unreadable = await POST(request("/api/comments", { body: "name=x", type: "text/plain" }));
    expect(unreadable.status).toBe(400);
    const broken = await POST(request("/api/comments", { body: "{not json" }));
    expect(broken.status).toBe(400);
  });

  it("answers 429 with Retry-After when the same commenter posts again within 15 s", async () => {
    const { id } = await article();
    const address = email();
    expect((await post(comment(id, { email: address }))).status).toBe(201);
    advanceClock(5_000);
    const limited = await post(comment(id, { email: address }));
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15);
    const { error } = await limited.json();
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain(`${retryAfter} second`);
  });

  it("answers 409 to the same comment from the same email again", async () => {
    const { id } = await article();
    const first = comment(id);
    expect((await post(first)).status).toBe(201);
    advanceClock(20_000);
    const again = await post({ ...first, body: `  ${first.body.toUpperCase()} ` });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toEqual({
      code: "CONFLICT",
      message: "It looks like you have already posted that comment.",
    });
  });

  it("refuses a comment on a closed article, and says it is closed", async () => {
    const closed = await article({ commentMode: "CLOSED" });
    const response = await post(comment(closed.id));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({
      code: "COMMENTS_CLOSED",
      message: "Comments are closed on this article.",
    });
    expect(await areCommentsOpen(closed.id)).toBe(false);

    const open = await article({ commentAutoCloseDays: 2 });
    expect(await areCommentsOpen(open.id)).toBe(true);
    advanceClock(2 * 86_400_000 + 1);
    expect(await areCommentsOpen(open.id)).toBe(false);
  });

  it("refuses posts from another site", async () => {
    const { id } = await article();
    const response = await post(comment(id), { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({
      error: {
        code: "CROSS_SITE",
        message: "Cross-site requests are refused. Make the change from this site's own pages.",
      },
    });
    const unnamed = await post(comment(id), { headers: { "sec-fetch-site": "cross-site" } });
    expect(unnamed.status).toBe(403);
    expect((await unnamed.json()).error.code).toBe("CROSS_SITE");
    expect((await post(comment(id), { origin: ORIGIN })).status).toBe(201);
    expect(await db.comment.count({ where: { articleId: id } })).toBe(1);
  });

  // As on a fresh start without SITE_URL (http://localhost:3000), the page opened by another name.
  it.each(["127.0.0.1:3000", "[::1]:3000"])(
    "accepts a post from the page it was sent to, reached as %s",
    async (host) => {
      const { id } = await article();
      const response = await post(comment(id), { origin: `http://${host}`, headers: { host } });
      expect(response.status).toBe(201);
      // The name is the request's own: the same origin sent to another host is another site.
      const elsewhere = await post(comment(id), {
        origin: `http://${host}`,
        headers: { host: "localhost:3000" },
      });
      expect(elsewhere.status).toBe(403);
    },
  );
});

describe("saved commenter", () => {
  it("keeps the email in an HttpOnly cookie only, and uses it when the form sends none", async () => {
    const { id } = await article();
    const address = email();
    const first = await post(comment(id, { name: "Saved Reader", email: address, remember: true }));
    expect(first.status).toBe(201);
    expect(await first.text()).not.toContain(address);

    const cookies = setCookies(first);
    expect(cookies.map((c) => c.name).sort()).toEqual([COMMENTER_COOKIE, COMMENTER_NAME_COOKIE].sort());
    const sealed = cookies.find((c) => c.name === COMMENTER_COOKIE)!;
    const name = cookies.find((c) => c.name === COMMENTER_NAME_COOKIE)!;
    expect(sealed.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(name.attributes).not.toContain("httponly");
    expect(name.attributes).toEqual(expect.arrayContaining(["samesite=lax", "path=/"]));
    expect(decodeURIComponent(name.value)).toBe("Saved Reader");
    for (const cookie of cookies) {
      expect(cookie.line).not.toContain(address);
      expect(cookie.line).not.toContain(encodeURIComponent(address));
      expect(cookie.line).not.toContain(Buffer.from(address).toString("base64url").slice(0, 12));
    }

    advanceClock(20_000);
    const jar = `${COMMENTER_COOKIE}=${sealed.value}; ${COMMENTER_NAME_COOKIE}=${name.value}`;
    const second = await post(
      { articleId: id, body: "Back again, without typing my email." },
      { cookie: jar },
    );
    expect(second.status).toBe(201);
    const text = await second.text();
    expect(text).not.toContain(address);
    const posted = JSON.parse(text).comment;
    expect(posted.authorName).toBe("Saved Reader");
    const stored = await db.comment.findUniqueOrThrow({ where: { id: posted.id } });
    expect(stored.authorEmail).toBe(address);
    expect(setCookies(second)).toEqual([]);
  });

  it("ignores a tampered cookie, and sets none unless asked", async () => {
    const { id } = await article();
    const forged = await post(
      { articleId: id, body: "Forged identity." },
      { cookie: `${COMMENTER_COOKIE}=${Buffer.from("x".repeat(64)).toString("base64url")}` },
    );
    expect(forged.status).toBe(400);
    expect(Object.keys((await forged.json()).error.fieldErrors).sort()).toEqual(["email", "name"]);

    const plain = await post(comment(id));
    expect(plain.status).toBe(201);
    expect(setCookies(plain)).toEqual([]);
  });

  it("forgets both cookies on DELETE", async () => {
    const response = await DELETE(request("/api/comments", { method: "DELETE" }));
    expect(response.status).toBe(204);
    const cookies = setCookies(response);
    expect(cookies.map((c) => c.name).sort()).toEqual([COMMENTER_COOKIE, COMMENTER_NAME_COOKIE].sort());
    for (const cookie of cookies) {
      expect(cookie.value).toBe("");
      expect(cookie.attributes).toContain("max-age=0");
    }
    expect(cookies.find((c) => c.name === COMMENTER_COOKIE)!.attributes).toContain("httponly");
  });
});

describe("the public thread loader", () => {
  it("lets only allowlisted fields out, never an email, IP hash, user agent or hold reason", async () => {
    const { id } = await article();
    const staff = await createTestUser("EDITOR");
    const top = await approvedComment(id, { authorUrl: "https://site.example" });
    await approvedComment(id, { parentId: top.id, staffUserId: staff.id });
    const { count, threads } = await getPublicComments(id);
    expect(count).toBe(2);

    const serialized = JSON.stringify(threads);
    const stored = await db.comment.findMany({ where: { articleId: id } });
    for (const row of stored) expect(serialized).not.toContain(row.authorEmail);
    expect(serialized).not.toContain("hash-of-an-ip");
    expect(serialized).not.toContain("stored-agent");
    expect(serialized).not.toContain("SECRET_REASON");
    expect(serialized).not.toContain(staff.email);
    expect(Object.keys(threads[0]!).sort()).toEqual([...PUBLIC_FIELDS, "replies"].sort());
    expect(threads[0]!.replies[0]).toMatchObject({ isStaff: true, parentId: top.id });
    expect(threads[0]).toMatchObject({ isStaff: false, authorUrl: "https://site.example" });
  });

  it("nests replies three levels deep and leaves out what hangs off a hidden comment", async () => {
    const { id } = await article();
    const level1 = await approvedComment(id);
    const level2 = await approvedComment(id, { parentId: level1.id });
    const level3 = await approvedComment(id, { parentId: level2.id });
    const level4 = await approvedComment(id, { parentId: level3.id });
    const held = await approvedComment(id, { status: "PENDING" });
    const underHeld = await approvedComment(id, { parentId: held.id });
    const second = await approvedComment(id);
    const trashed = await approvedComment(id, { parentId: second.id, status: "TRASH" });

    const { count, threads } = await getPublicComments(id);
    expect(threads.map((t) => t.id)).toEqual([level1.id, second.id]);
    expect(threads[0]!.replies[0]!.id).toBe(level2.id);
    expect(threads[0]!.replies[0]!.replies[0]!.id).toBe(level3.id);
    expect(threads[0]!.replies[0]!.replies[0]!.replies).toEqual([]);
    expect(ids(threads)).not.toEqual(expect.arrayContaining([level4.id]));
    for (const hidden of [level4.id, held.id, underHeld.id, trashed.id])
      expect(ids(threads)).not.toContain(hidden);
    expect(count).toBe(4);

    const newest = await getPublicComments(id, "newest");
    expect(newest.threads.map((t) => t.id)).toEqual([second.id, level1.id]);
  });

  it("counts all of 500 approved comments and loads the first page of threads quickly", async () => {
    const { id } = await article();
    await db.comment.createMany({
      data: Array.from({ length: 500 }, (_, i) => ({
        articleId: id,
        authorName: `Reader ${i}`,
        authorEmail: `bulk-${i}@private.example`,
        body: `Comment ${i}\n\nwith https://example.com/${i}`,
        status: "APPROVED" as const,
        createdAt: new Date(START.getTime() + i * 1000),
      })),
    });
    const started = performance.now();
    const { count, threads, nextCursor } = await getPublicComments(id);
    const elapsed = performance.now() - started;
    expect(count).toBe(500);
    expect(threads).toHaveLength(THREADS_PER_PAGE);
    expect(threads[0]!.authorName).toBe("Reader 0");
    expect(nextCursor).not.toBeNull();
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe("comment pages", () => {
  async function pageThrough(articleId: string, order: "oldest" | "newest") {
    const first = await getPublicComments(articleId, order);
    const pages: CommentPage[] = [first];
    for (let cursor = first.nextCursor; cursor; cursor = pages.at(-1)!.nextCursor) {
      const query = new URLSearchParams({ article: articleId, order, after: cursor });
      const response = await threadPage(request(`/api/comments?${query}`, { method: "GET" }));
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("public");
      pages.push((await response.json()) as CommentPage);
    }
    return pages;
  }

  it("pages top-level threads with their replies, every comment exactly once, in either order", async () => {
    const { id } = await article();
    const roots: Array<{ id: string }> = [];
    for (let i = 0; i < THREADS_PER_PAGE * 2 + 7; i++) roots.push(await approvedComment(id));
    // Replies written later than every thread still travel with their own thread.
    const reply = await approvedComment(id, { parentId: roots[THREADS_PER_PAGE + 3]!.id });
    await approvedComment(id, { parentId: reply.id });

    for (const order of ["oldest", "newest"] as const) {
      const pages = await pageThrough(id, order);
      expect(pages.map((p) => p.threads.length)).toEqual([THREADS_PER_PAGE, THREADS_PER_PAGE, 7]);
      const threadIds = pages.flatMap((p) => p.threads.map((t) => t.id));
      const expected = roots.map((r) => r.id);
      expect(threadIds).toEqual(order === "oldest" ? expected : [...expected].reverse());
      const all = pages.flatMap((p) => ids(p.threads));
      expect(new Set(all).size).toBe(all.length);
      expect(all).toHaveLength(roots.length + 2);
      expect(pages[0]!.count).toBe(roots.length + 2);
      const replied = pages.flatMap((p) => p.threads).find((t) => t.id === roots[THREADS_PER_PAGE + 3]!.id)!;
      expect(replied.replies[0]!.id).toBe(reply.id);
      expect(replied.replies[0]!.replies).toHaveLength(1);
    }
  });

  it("answers a malformed request with 400 and says what to send", async () => {
    const { id } = await article();
    for (const query of [
      `article=${id}&after=not-a-cursor`,
      `article=${id}&order=sideways`,
      "after=1.x",
      "",
    ]) {
      const response = await threadPage(request(`/api/comments?${query}`, { method: "GET" }));
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message.length, query).toBeGreaterThan(5);
    }
  });

  it("shows nothing of an article readers cannot see", async () => {
    const created = await createTestArticle(editor, { title: `Draft discussion ${fresh()}` });
    await approvedComment(created.id);
    const response = await threadPage(request(`/api/comments?article=${created.id}`, { method: "GET" }));
    expect(await response.json()).toEqual({ count: 0, threads: [], nextCursor: null });
  });
});

describe("reports", () => {
  /** An address in a /24 (and so a network) no other report in this file uses. */
  const networkAddress = () => `203.${Math.floor(fresh() / 250) % 250}.${counter % 250}.7`;
  const visible = async (articleId: string, commentId: string) =>
    ids((await getPublicComments(articleId)).threads).includes(commentId);

  function reportAs(id: string, reason: unknown, from: string, savedEmail?: string) {
    const cookie = savedEmail
      ? `${COMMENTER_COOKIE}=${sealCommenter({ name: "Regular", email: savedEmail })}`
      : undefined;
    return REPORT(request(`/api/comments/${id}/report`, { body: { reason }, ip: from, cookie }), {
      params: Promise.resolve({ id }),
    });
  }

  /** A reader the comment pipeline already knows: enough approved comments of their own. */
  async function regularReader(articleId: string) {
    const address = email();
    for (let i = 0; i < TRUSTED_AFTER_APPROVED; i++)
      await approvedComment(articleId, { authorEmail: address });
    return address;
  }

  /**
   * A known reader: a saved commenter with one approved comment of their own, made on another
   * article so that it does not add to the readership of the one under test.
   */
  async function knownReader() {
    const address = email();
    await approvedComment(elsewhere.id, { authorEmail: address });
    return address;
  }

  let elsewhere: { id: string };
  beforeAll(async () => {
    elsewhere = await article();
  });

  it("queues a comment new readers report and never hides it, from however many networks", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    // Three times the networks that would hide it if they were known readers, on an article with
    // one approved commenter: anonymous readers, and saved commenters with no approved comment.
    const newReaders = 3 * networksToHide(1);
    for (let i = 1; i <= newReaders; i++) {
      const savedEmail = i % 3 === 0 ? email() : undefined;
      const response = await reportAs(target.id, "abuse", networkAddress(), savedEmail);
      expect(response.status, `report ${i}`).toBe(200);
      expect(await response.json()).toEqual({ status: "received" });
      expect(await visible(id, target.id), `shown after report ${i}`).toBe(true);
    }
    const stored = await db.comment.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.reportCount).toBe(newReaders);
    expect(stored.reportHiddenAt).toBeNull();
    expect(queueOf(stored)).toBe("REPORTED");
    expect(await db.comment.count({ where: { AND: [{ id: target.id }, queueWhere("REPORTED")] } })).toBe(1);
    const log = await db.commentModeration.findMany({ where: { commentId: target.id } });
    expect(log).toEqual([
      expect.objectContaining({ actorId: null, action: "reported", reasons: ["REPORTS"] }),
    ]);
    expect(
      await db.commentReport.count({
        where: { commentId: target.id, OR: [{ knownReader: true }, { trusted: true }] },
      }),
    ).toBe(0);
  });

  it("lets known readers from as many separate networks as the threshold hide it", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    const threshold = networksToHide(1);
    expect(threshold).toBe(REPORT_NETWORK_FLOOR);

    // New readers' reports on the way add nothing to the count.
    for (let i = 0; i < threshold; i++) await reportAs(target.id, "abuse", networkAddress());
    for (let i = 1; i < threshold; i++) {
      expect((await reportAs(target.id, "abuse", networkAddress(), await knownReader())).status).toBe(200);
      expect(await visible(id, target.id), `shown after known report ${i}`).toBe(true);
    }
    expect((await reportAs(target.id, "abuse", networkAddress(), await knownReader())).status).toBe(200);
    expect(await visible(id, target.id)).toBe(false);
    expect((await db.comment.findUniqueOrThrow({ where: { id: target.id } })).reportHiddenAt).not.toBeNull();
    const entries = await db.commentModeration.findMany({ where: { commentId: target.id } });
    expect(entries.map((e) => e.action)).toEqual(["reported", HIDDEN_BY_REPORTS]);
    expect(entries[1]?.note).toMatch(/Known readers from 10 separate networks/);
    // Off the public list, so no longer reportable.
    expect((await reportAs(target.id, "spam", networkAddress())).status).toBe(404);
  });

  it("counts known readers from many IPv6 /64s of one /48 as one network, however many report", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    const site = `2001:db8:${(fresh() % 60000).toString(16)}`;
    for (let subnet = 1; subnet <= REPORT_NETWORK_FLOOR + 2; subnet++) {
      const from = `${site}:${subnet.toString(16)}::1`;
      expect((await reportAs(target.id, "spam", from, await knownReader())).status).toBe(200);
    }
    expect(await visible(id, target.id)).toBe(true);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.reportCount).toBe(REPORT_NETWORK_FLOOR + 2);
    expect(queueOf(stored)).toBe("REPORTED");
  });

  it("needs more known readers' networks on a busier discussion", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    const readership = REPORT_NETWORK_FLOOR + 3;
    for (let i = 1; i < readership; i++) await approvedComment(id);
    for (let i = 0; i < readership - 1; i++)
      await reportAs(target.id, "abuse", networkAddress(), await knownReader());
    expect(await visible(id, target.id)).toBe(true);
    await reportAs(target.id, "abuse", networkAddress(), await knownReader());
    expect(await visible(id, target.id)).toBe(false);
  });

  it("lets trusted readers hide a comment, and records who reported", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    const [first, second] = [await regularReader(id), await regularReader(id)];
    const newcomer = email();
    await approvedComment(id, { authorEmail: newcomer });

    // A saved commenter with too few approved comments is a known reader, not a trusted one.
    const fromNewcomer = networkAddress();
    expect((await reportAs(target.id, "abuse", fromNewcomer, newcomer)).status).toBe(200);
    const fromFirst = networkAddress();
    expect((await reportAs(target.id, "abuse", fromFirst, first)).status).toBe(200);
    expect(await visible(id, target.id)).toBe(true);
    expect((await reportAs(target.id, "spam", networkAddress(), second)).status).toBe(200);
    expect(await visible(id, target.id)).toBe(false);

    // The three may share a timestamp: compare them by reporter, not by order.
    const reports = await db.commentReport.findMany({ where: { commentId: target.id } });
    const standingBy = new Map(
      reports.map((r) => [r.reporterEmailHash, { trusted: r.trusted, knownReader: r.knownReader }]),
    );
    expect(reports).toHaveLength(3);
    expect(standingBy).toEqual(
      new Map([
        [commenterKey(newcomer), { trusted: false, knownReader: true }],
        [commenterKey(first), { trusted: true, knownReader: true }],
        [commenterKey(second), { trusted: true, knownReader: true }],
      ]),
    );
    expect(reports.find((r) => r.reporterEmailHash === commenterKey(first))).toMatchObject({
      reason: "abuse",
      ipHash: keyedHash(fromFirst),
      addressHash: keyedHash(`ip:${fromFirst}`),
      reporterKey: `email:${commenterKey(first)}`,
      reporterUserId: null,
      outcome: null,
    });
    const hiding = await db.commentModeration.findFirstOrThrow({
      where: { commentId: target.id, action: HIDDEN_BY_REPORTS },
    });
    expect(hiding.note).toMatch(/2 trusted readers/);
  });

  it("lets a staff member's report hide a comment at once", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    const result = await reportComment(target.id, { reason: "abuse" }, { ip: ip(), staffUserId: editor.id });
    expect(result).toEqual({ ok: true, hidden: true });
    expect(await visible(id, target.id)).toBe(false);
    expect(await db.commentReport.findFirstOrThrow({ where: { commentId: target.id } })).toMatchObject({
      reporterUserId: editor.id,
      reporterKey: `staff:${editor.id}`,
      trusted: true,
    });
  });

  it("takes one report per reader on each comment: per address (IPv6 by its /64) and per saved commenter", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    const from = ip();
    expect((await report(target.id, "spam", from)).status).toBe(200);
    const again = await report(target.id, "other", from);
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already reported/),
    });
    expect((await report(target.id, "spam", "2001:db8:1:2::a")).status).toBe(200);
    expect((await report(target.id, "spam", "2001:db8:1:2::b")).status).toBe(409);

    // The same saved commenter from another address is the same reader.
    const reader = email();
    expect((await reportAs(target.id, "abuse", networkAddress(), reader)).status).toBe(200);
    expect((await reportAs(target.id, "abuse", networkAddress(), reader)).status).toBe(409);

    const stored = await db.comment.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.reportCount).toBe(3);
    expect(await db.commentReport.count({ where: { commentId: target.id } })).toBe(3);
  });

  it("validates the reason, reports only published comments and limits reports per address", async () => {
    const { id } = await article();
    const target = await approvedComment(id);
    const invalid = await report(target.id, "boring", ip());
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fieldErrors).toHaveProperty("reason");

    const pending = await approvedComment(id, { status: "PENDING" });
    expect((await report(pending.id, "spam", ip())).status).toBe(404);
    expect((await report("no-such-comment", "spam", ip())).status).toBe(404);

    const from = ip();
    const targets = await Promise.all(
      Array.from({ length: REPORT_LIMIT.limit + 1 }, () => approvedComment(id)),
    );
    for (const t of targets.slice(0, REPORT_LIMIT.limit))
      expect((await report(t.id, "spam", from)).status).toBe(200);
    const limited = await report(targets.at(-1)!.id, "spam", from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits a known reader however many addresses they report from", async () => {
    const { id } = await article();
    const reader = email();
    const targets = await Promise.all(
      Array.from({ length: REPORT_LIMIT.limit + 1 }, () => approvedComment(id)),
    );
    for (const t of targets.slice(0, REPORT_LIMIT.limit))
      expect((await reportAs(t.id, "spam", networkAddress(), reader)).status).toBe(200);
    const limited = await reportAs(targets.at(-1)!.id, "spam", networkAddress(), reader);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/many reports .* report again in \d+ minute/);
    expect(await db.comment.count({ where: { id: targets.at(-1)!.id, reportCount: { gt: 0 } } })).toBe(0);
  });
});

describe("comment feeds", () => {
  it("carry approved comments with the commenter's name and never an email", async () => {
    const { id, slug } = await article();
    // Newer than anything else in this file, so they lead the site-wide feed's 50 items.
    const createdAt = new Date(START.getTime() + 365 * 86_400_000);
    const shown = await approvedComment(id, {
      authorName: "Named Reader",
      body: "Visible <b>thought</b>",
      createdAt,
    });
    const held = await approvedComment(id, { status: "PENDING", body: "Held back", createdAt });
    const reported = await approvedComment(id, {
      reportCount: 3,
      reportHiddenAt: createdAt,
      body: "Reported away",
      createdAt,
    });
    // Reported but not hidden: readers still see it.
    const queued = await approvedComment(id, { reportCount: 2, body: "Reported but kept", createdAt });

    for (const response of [
      await siteCommentsFeed(),
      await articleCommentsFeed(new Request(`${ORIGIN}/feeds/comments/${slug}`), {
        params: Promise.resolve({ slug }),
      }),
    ]) {
      expect(response.status).toBe(200);
      for (const [name, value] of Object.entries(FEED_HEADERS))
        expect(response.headers.get(name)).toBe(value);
      const xml = await response.text();
      expect(xml).toContain("<dc:creator>Named Reader</dc:creator>");
      expect(xml).toContain(`#comment-${shown.id}`);
      expect(xml).toContain("Visible &lt;b&gt;thought&lt;/b&gt;");
      expect(xml).not.toContain("Held back");
      expect(xml).not.toContain("Reported away");
      expect(xml).toContain("Reported but kept");
      expect(xml).not.toMatch(/@private\.example/);
      expect(xml).not.toContain("hash-of-an-ip");
      for (const c of [shown, held, reported, queued]) expect(xml).not.toContain(c.authorEmail);
    }

    const missing = await articleCommentsFeed(new Request(`${ORIGIN}/feeds/comments/nope`), {
      params: Promise.resolve({ slug: "no-such-article" }),
    });
    expect(missing.status).toBe(404);
  });
});
