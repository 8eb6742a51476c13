// The comment submission pipeline against a real database: each rule at its boundary, with the
// one clock driving rate limits, duplicates and auto-close.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { advanceClock, resetClock, setClock } from "@/lib/platform/clock";
import { keyedHash } from "@/lib/platform/http/address-keys";
import { DEFAULTS_KEY, WORDS_KEY } from "@/lib/comments/settings";
import { CLOSED_MESSAGE, submitComment, type SubmitResult } from "@/lib/comments/submit";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const START = new Date("2031-05-01T09:00:00.000Z");
const DAY = 86_400_000;

let editor: CurrentUser;
let counter = 0;

function fresh(): number {
  counter += 1;
  return counter;
}

/** A fresh email per call, so one test's limits and history never touch another's. */
function email(): string {
  return `reader-${fresh()}@example.com`;
}

/** A fresh IPv4 address per call. */
function ip(): string {
  const n = fresh();
  return `198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

async function article(
  comments: Prisma.ArticleUpdateInput = {},
  { publish = true }: { publish?: boolean } = {},
) {
  setClock(START);
  const created = await createTestArticle(editor, { title: `Article ${fresh()}` });
  const published = publish ? await publishArticle(created, context(editor)) : created;
  await db.article.update({ where: { id: published.id }, data: comments });
  return published.id;
}

function submit(
  articleId: string,
  fields: Record<string, unknown> = {},
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<SubmitResult> {
  return submitComment(
    { articleId, name: "A Reader", email: email(), body: `A thought, number ${fresh()}.`, ...fields },
    { ip: meta.ip === undefined ? ip() : meta.ip, userAgent: meta.userAgent ?? "test-agent" },
  );
}

/** An email with two approved comments, so first-time moderation no longer applies to it. */
async function trusted(articleId: string): Promise<string> {
  const address = email();
  for (let i = 0; i < 2; i += 1) {
    await db.comment.create({
      data: {
        articleId,
        authorName: "Regular",
        authorEmail: address,
        body: `Earlier comment ${fresh()}`,
        status: "APPROVED",
        createdAt: new Date(START.getTime() - DAY),
      },
    });
  }
  return address;
}

async function setSetting(key: string, value: Prisma.InputJsonValue) {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

function statusOf(result: SubmitResult) {
  return result.ok ? result.comment.status : result.code;
}

/** An accepted submission's whole answer, not held (no heldFor), with its sender's view of it. */
function acceptedAs(status: string, articleId: string) {
  return {
    ok: true,
    comment: { id: expect.any(String), status },
    posted: expect.objectContaining({ id: expect.any(String), isStaff: false }),
    accepted: expect.objectContaining({ articleId }),
  };
}

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
});

afterEach(async () => {
  resetClock();
  await db.setting.deleteMany({ where: { key: { in: [DEFAULTS_KEY, WORDS_KEY] } } });
});

describe("an accepted comment", () => {
  it("is stored with a keyed IP hash and a system moderation-log row, in one go", async () => {
    const id = await article();
    const address = await trusted(id);
    setClock(new Date(START.getTime() + 60_000));
    const result = await submit(id, { email: address, website: "https://me.example" }, { ip: "203.0.113.5" });
    expect(result).toEqual(acceptedAs("APPROVED", id));
    if (!result.ok) return;

    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.comment.id } });
    // What the sender is shown is the stored row through the public allowlist.
    expect(result.posted).toEqual({
      id: stored.id,
      parentId: null,
      authorName: stored.authorName,
      authorUrl: "https://me.example",
      body: stored.body,
      createdAt: stored.createdAt.toISOString(),
      isStaff: false,
    });
    expect(stored).toMatchObject({
      authorEmail: address,
      authorUrl: "https://me.example",
      holdReasons: [],
      userAgent: "test-agent",
      ipHash: keyedHash("203.0.113.5"),
      createdAt: new Date(START.getTime() + 60_000),
    });
    expect(stored.ipHash).not.toContain("203.0.113.5");
    const log = await db.commentModeration.findMany({ where: { commentId: stored.id } });
    expect(log).toEqual([
      expect.objectContaining({ actorId: null, action: "submitted", toStatus: "APPROVED", reasons: [] }),
    ]);
  });

  it("holds a first-time commenter until they have two approved comments", async () => {
    const id = await article();
    const address = email();
    for (let approved = 0; approved < 3; approved += 1) {
      setClock(new Date(START.getTime() + (approved + 1) * 60_000));
      const result = await submit(id, { email: address });
      if (approved < 2) {
        expect(result).toMatchObject({ ok: true, comment: { status: "PENDING" }, heldFor: ["FIRST_TIME"] });
        if (result.ok) {
          await db.comment.update({ where: { id: result.comment.id }, data: { status: "APPROVED" } });
        }
      } else {
        expect(result).toEqual(acceptedAs("APPROVED", id));
      }
    }
  });

  it("rejects invalid input with a message per field", async () => {
    const id = await article();
    const result = await submit(id, { email: "nope", body: "" });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["body", "email"]);
  });
});

describe("closed, hidden and auto-closed articles", () => {
  it("refuses drafts, withdrawn and unknown articles as not found", async () => {
    const draft = await article({}, { publish: false });
    expect(await submit(draft)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const withdrawn = await article({ withdrawnAt: START, withdrawnReason: "rights lapsed" });
    setClock(new Date(START.getTime() + 1000));
    expect(await submit(withdrawn)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await submit("no-such-article")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.comment.count({ where: { articleId: { in: [draft, withdrawn] } } })).toBe(0);
  });

  it("refuses comments on a CLOSED article", async () => {
    const id = await article({ commentMode: "CLOSED" });
    expect(await submit(id)).toEqual({
      ok: false,
      code: "COMMENTS_CLOSED",
      message: CLOSED_MESSAGE,
    });
  });

  it("closes comments once publishedAt + autoCloseDays has passed", async () => {
    const id = await article({ commentAutoCloseDays: 14 });
    setClock(new Date(START.getTime() + 14 * DAY));
    expect(statusOf(await submit(id))).toBe("PENDING");
    setClock(new Date(START.getTime() + 14 * DAY + 1));
    expect(await submit(id)).toMatchObject({ ok: false, code: "COMMENTS_CLOSED", message: CLOSED_MESSAGE });
  });

  it("applies the site default auto-close when the article has none", async () => {
    const id = await article();
    await setSetting(DEFAULTS_KEY, { autoCloseDays: 7 });
    setClock(new Date(START.getTime() + 8 * DAY));
    expect(await submit(id)).toMatchObject({ ok: false, code: "COMMENTS_CLOSED" });
  });

  it("lets the per-article mode outrank the site default", async () => {
    const open = await article({ commentMode: "OPEN" });
    const inherits = await article();
    await setSetting(DEFAULTS_KEY, { mode: "CLOSED" });
    setClock(new Date(START.getTime() + 1000));
    expect(await submit(inherits)).toMatchObject({ ok: false, code: "COMMENTS_CLOSED" });
    const address = await trusted(open);
    expect(statusOf(await submit(open, { email: address }))).toBe("APPROVED");

    await setSetting(DEFAULTS_KEY, { mode: "PREMODERATE_ALL" });
    advanceClock(60_000);
    expect(await submit(inherits, { email: address })).toMatchObject({ heldFor: ["PREMODERATE"] });
    advanceClock(60_000);
    expect(statusOf(await submit(open, { email: address }))).toBe("APPROVED");
  });

  it("holds every comment under PREMODERATE_ALL, even a regular's", async () => {
    const id = await article({ commentMode: "PREMODERATE_ALL" });
    const address = await trusted(id);
    expect(await submit(id, { email: address })).toMatchObject({
      ok: true,
      comment: { status: "PENDING" },
      heldFor: ["PREMODERATE"],
    });
  });
});

describe("honeypot", () => {
  it("accepts a filled honeypot silently as spam", async () => {
    const id = await article({ commentMaxLength: 5 });
    const result = await submit(id, { website2: "http://bot.example", body: "far too long for the limit" });
    expect(result).toEqual(acceptedAs("SPAM", id));
    if (!result.ok) return;
    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.comment.id } });
    expect(stored).toMatchObject({ status: "SPAM", holdReasons: ["HONEYPOT"] });
  });
});

describe("length", () => {
  it("allows exactly the article's maximum length in characters, refuses one more", async () => {
    const id = await article({ commentMaxLength: 10 });
    expect(statusOf(await submit(id, { body: "中文字符中文字符中文" }))).toBe("PENDING");
    expect(await submit(id, { body: "中文字符中文字符中文字" })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { body: [expect.stringContaining("Please shorten it")] },
    });
  });
});

describe("replies", () => {
  it("needs an approved parent on the same article, at most three levels deep", async () => {
    const id = await article();
    const other = await article();
    const address = await trusted(id);
    setClock(new Date(START.getTime() + 1000));
    const tick = () => advanceClock(20_000);

    const top = await submit(id, { email: address });
    if (!top.ok) throw new Error("top-level comment refused");
    tick();
    expect(await submit(other, { email: address, parentId: top.comment.id })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { parentId: ["The comment you are replying to could not be found."] },
    });
    const second = await submit(id, { email: address, parentId: top.comment.id });
    if (!second.ok) throw new Error("level-2 reply refused");
    tick();
    const third = await submit(id, { email: address, parentId: second.comment.id });
    expect(statusOf(third)).toBe("APPROVED");
    if (!third.ok) return;
    tick();
    expect(await submit(id, { email: address, parentId: third.comment.id })).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { parentId: [expect.stringContaining("cannot go any deeper")] },
    });

    tick();
    const held = await submit(id);
    if (!held.ok) throw new Error("held comment refused");
    tick();
    expect(await submit(id, { email: address, parentId: held.comment.id })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringContaining("is not published"),
    });
  });
});

describe("duplicates", () => {
  it("refuses the same body from the same email within ten minutes", async () => {
    const id = await article();
    const address = email();
    setClock(new Date(START.getTime() + 1000));
    expect(statusOf(await submit(id, { email: address, body: "Same  words\nhere." }))).toBe("PENDING");
    advanceClock(20_000);
    expect(await submit(id, { email: address.toUpperCase(), body: "same words here." })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringContaining("already posted"),
    });
    expect(statusOf(await submit(id, { body: "Same words here." }))).toBe("PENDING");
    advanceClock(10 * 60_000);
    expect(statusOf(await submit(id, { email: address, body: "Same words here." }))).toBe("PENDING");
  });
});

describe("rate limits", () => {
  it("allows one comment per 15 seconds per commenter", async () => {
    const id = await article();
    const address = email();
    setClock(new Date(START.getTime() + 1000));
    expect(statusOf(await submit(id, { email: address }))).toBe("PENDING");
    advanceClock(5_000);
    expect(await submit(id, { email: address })).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      retryAfterSeconds: 10,
    });
    advanceClock(9_999);
    expect(await submit(id, { email: address })).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 1,
    });
    advanceClock(1);
    expect(statusOf(await submit(id, { email: address }))).toBe("PENDING");
  });

  it("allows ten comments per ten minutes from one IP", async () => {
    const id = await article();
    const address = ip();
    setClock(new Date(START.getTime() + 1000));
    for (let i = 0; i < 10; i += 1) {
      expect(statusOf(await submit(id, {}, { ip: address }))).toBe("PENDING");
      advanceClock(16_000);
    }
    expect(await submit(id, {}, { ip: address })).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 600 - 160,
    });
    advanceClock(440_000);
    expect(statusOf(await submit(id, {}, { ip: address }))).toBe("PENDING");
  });

  it("groups IPv6 addresses by /64", async () => {
    const id = await article();
    setClock(new Date(START.getTime() + 1000));
    expect(statusOf(await submit(id, {}, { ip: "2001:db8:1:2::1" }))).toBe("PENDING");
    expect(await submit(id, {}, { ip: "2001:db8:1:2:ffff:ffff:ffff:fffe" })).toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(statusOf(await submit(id, {}, { ip: "2001:db8:1:3::1" }))).toBe("PENDING");
  });

  it("applies an article's slow mode per commenter", async () => {
    const id = await article({ commentSlowModeSeconds: 60 });
    const address = email();
    setClock(new Date(START.getTime() + 1000));
    expect(statusOf(await submit(id, { email: address }))).toBe("PENDING");
    advanceClock(20_000);
    expect(await submit(id, { email: address })).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 40,
    });
    expect(statusOf(await submit(id))).toBe("PENDING");
    advanceClock(40_000);
    expect(statusOf(await submit(id, { email: address }))).toBe("PENDING");
  });
});

describe("word lists", () => {
  it("matches whole words across scripts: CJK substrings, Cyrillic words, not 'ass' in 'class'", async () => {
    const id = await article();
    await setSetting(WORDS_KEY, { disallowed: ["垃圾", "ass"], moderation: ["пропаганда"] });
    const address = await trusted(id);
    setClock(new Date(START.getTime() + 1000));
    const tick = () => advanceClock(20_000);

    expect(await submit(id, { email: address, body: "这是垃圾评论" })).toMatchObject({
      ok: true,
      comment: { status: "SPAM" },
    });
    tick();
    expect(await submit(id, { email: address, body: "Это ПРОПАГАНДА!" })).toMatchObject({
      comment: { status: "PENDING" },
      heldFor: ["MODERATION_WORD"],
    });
    tick();
    expect(statusOf(await submit(id, { email: address, body: "Это пропагандист." }))).toBe("APPROVED");
    tick();
    expect(statusOf(await submit(id, { email: address, body: "A class act." }))).toBe("APPROVED");
    tick();
    expect(statusOf(await submit(id, { email: address, body: "Kiss my ASS." }))).toBe("SPAM");
  });
});

describe("links", () => {
  it("lets one link through and holds two (the default limit)", async () => {
    const id = await article();
    const address = await trusted(id);
    setClock(new Date(START.getTime() + 1000));
    expect(statusOf(await submit(id, { email: address, body: "See https://a.example/1" }))).toBe("APPROVED");
    advanceClock(20_000);
    expect(
      await submit(id, { email: address, body: "See https://a.example/1 and http://b.example/2" }),
    ).toMatchObject({ comment: { status: "PENDING" }, heldFor: ["LINKS"] });
  });

  it("honours an article's own link limit", async () => {
    const id = await article({ commentLinkLimit: 1 });
    const address = await trusted(id);
    setClock(new Date(START.getTime() + 1000));
    expect(await submit(id, { email: address, body: "See https://a.example/1" })).toMatchObject({
      heldFor: ["LINKS"],
    });
  });
});
