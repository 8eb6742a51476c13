// Reply notifications, by double opt-in, against a real SMTP server: ticking the box mails only
// a confirmation link; nothing else is sent until it is followed, and it works once; then each
// approved reply, when readers can see it, is mailed once with a one-click unsubscribe (RFC 8058
// headers too) that stops them. Links carry tokens, never an address, and no page or answer a
// reader sees shows one.
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import ConfirmPage from "@/app/(site)/comments/notifications/confirm/page";
import UnsubscribePage from "@/app/(site)/comments/notifications/unsubscribe/page";
import { POST as confirmRoute } from "@/app/api/comments/notifications/confirm/route";
import { POST as unsubscribeRoute } from "@/app/api/comments/notifications/unsubscribe/route";
import { GET as threadPage, POST as postComment } from "@/app/api/comments/route";
import { GET as articleCommentsFeed } from "@/app/feeds/comments/[slug]/route";
import { publishArticle } from "@/lib/articles/workflow";
import { eraseCommenterData } from "@/lib/comments/commenter-data";
import { moderateComment, replyAsStaff } from "@/lib/comments/moderation";
import { REPLY_CONFIRM_TTL_MS } from "@/lib/comments/reply-notifications";
import { advanceClock, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "../support/articles";
import type { ReceivedMail } from "../support/smtp-server";
import { createTestUser } from "../support/users";

const smtp = await vi.hoisted(async () => {
  const { startSmtpServer } = await import("../support/smtp-server");
  const server = await startSmtpServer();
  process.env.SMTP_URL = server.url;
  return server;
});
afterAll(() => smtp.close());

const ORIGIN = "http://localhost:3000";
let editor: CurrentUser;
let counter = 0;
const fresh = () => ++counter;

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
});
beforeEach(() => setClock(new Date("2031-07-01T09:00:00Z")));
afterEach(() => resetClock());

async function article() {
  const created = await createTestArticle(editor, { title: `Reply notifications ${fresh()}` });
  return publishArticle(created, context(editor));
}

/** Posts a comment as a reader would (a fresh address and a minute later each time, past the limits). */
async function post(fields: Record<string, unknown>): Promise<string> {
  advanceClock(60_000);
  const response = await postComment(
    new NextRequest(`${ORIGIN}/api/comments`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        "x-forwarded-for": `198.51.100.${fresh()}`,
        "user-agent": "reply-notifications-test",
      },
      body: JSON.stringify({ name: "A Reader", body: `A thought, number ${fresh()}.`, ...fields }),
    }),
  );
  expect([201, 202], await response.clone().text()).toContain(response.status);
  return ((await response.json()) as { comment: { id: string } }).comment.id;
}

const approve = (commentId: string) => moderateComment({ commentId, decision: "approve" }, context(editor));

function form(url: string, fields: Record<string, string>) {
  return new NextRequest(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

async function mailsTo(address: string, count: number): Promise<ReceivedMail[]> {
  await expect.poll(() => smtp.mailTo(address).length, { timeout: 10_000 }).toBe(count);
  return smtp.mailTo(address);
}

const tokenIn = (text: string, path: string) =>
  new RegExp(`${ORIGIN}${path}\\?token=([\\w-]+)`).exec(text)?.[1] ?? null;

describe("reply notifications", () => {
  it("are confirmed by a link that works once, mailed once per approved reply, and stop in one click", async () => {
    const { id: articleId, slug } = await article();
    const alice = `alice-${fresh()}@private.example`;
    const aliceComment = await post({ articleId, email: alice, notifyReplies: true });

    // Only the confirmation goes out, with a token and no address in it.
    const [confirmation] = await mailsTo(alice, 1);
    expect(confirmation!.subject).toMatch(
      /^Confirm reply notifications for your comment on "Reply notifications/,
    );
    const confirmToken = tokenIn(confirmation!.text, "/comments/notifications/confirm");
    expect(confirmToken).not.toBeNull();
    expect(confirmation!.text).not.toContain(alice);
    await approve(aliceComment);

    // A reply approved before the confirmation: nothing for Alice.
    const early = await post({ articleId, parentId: aliceComment, email: `bob-${fresh()}@private.example` });
    await approve(early);
    expect(await db.outboundMail.count({ where: { recipient: alice } })).toBe(1);

    // Confirming takes a POST (mail scanners fetch links); the link works once.
    const confirmed = await confirmRoute(
      form(`${ORIGIN}/api/comments/notifications/confirm`, { token: confirmToken! }),
    );
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe("/comments/notifications/confirm?result=confirmed");
    const reused = await confirmRoute(
      form(`${ORIGIN}/api/comments/notifications/confirm`, { token: confirmToken! }),
    );
    expect(reused.headers.get("location")).toBe("/comments/notifications/confirm?result=invalid");

    // A reply held for moderation is mailed when it is approved, not before.
    const carol = `carol-${fresh()}@private.example`;
    const reply = await post({ articleId, parentId: aliceComment, name: "Carol", email: carol });
    expect(await db.outboundMail.count({ where: { recipient: alice } })).toBe(1);
    await approve(reply);
    const [, notification] = await mailsTo(alice, 2);
    expect(notification!.subject).toMatch(/^Carol replied to your comment on "Reply notifications/);
    expect(notification!.text).toContain(`${ORIGIN}/articles/${slug}#comment-${reply}`);
    expect(notification!.text).not.toContain(carol);
    expect(notification!.text).not.toContain(alice);
    const unsubscribeToken = tokenIn(notification!.text, "/comments/notifications/unsubscribe");
    expect(unsubscribeToken).not.toBeNull();
    const oneClick = `${ORIGIN}/api/comments/notifications/unsubscribe?token=${unsubscribeToken}`;
    expect(notification!.headers.get("list-unsubscribe")).toEqual(expect.stringContaining(oneClick));
    expect(notification!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    // Taken down and approved again: still one notification for that reply. Her own reply: none.
    await moderateComment({ commentId: reply, decision: "trash" }, context(editor));
    await moderateComment({ commentId: reply, decision: "restore" }, context(editor));
    expect(await db.comment.findUnique({ where: { id: reply }, select: { status: true } })).toEqual({
      status: "APPROVED",
    });
    const own = await post({ articleId, parentId: aliceComment, email: alice });
    await approve(own);
    // A staff reply is a reply too.
    await replyAsStaff({ commentId: aliceComment, body: "Thank you for this." }, context(editor));
    const mails = await mailsTo(alice, 3);
    expect(mails[2]!.subject).toMatch(/^Test editor replied/);
    expect(await db.outboundMail.count({ where: { recipient: alice, kind: "comments.reply" } })).toBe(2);

    // One-click unsubscribe, as a mail client posts it (RFC 8058).
    const unsubscribed = await unsubscribeRoute(form(oneClick, { "List-Unsubscribe": "One-Click" }));
    expect(unsubscribed.status).toBe(200);
    const later = await post({ articleId, parentId: aliceComment, email: `dave-${fresh()}@private.example` });
    await approve(later);
    expect(await db.outboundMail.count({ where: { recipient: alice } })).toBe(3);
    // Unsubscribing again says the same; the page's button answers with the page.
    expect((await unsubscribeRoute(form(oneClick, { "List-Unsubscribe": "One-Click" }))).status).toBe(200);
    const viaPage = await unsubscribeRoute(
      form(`${ORIGIN}/api/comments/notifications/unsubscribe`, { token: unsubscribeToken! }),
    );
    expect(viaPage.headers.get("location")).toBe("/comments/notifications/unsubscribe?result=unsubscribed");
    const stored = await db.commentReplySubscription.findUniqueOrThrow({
      where: { commentId: aliceComment },
    });
    expect(stored.status).toBe("UNSUBSCRIBED");
    expect(JSON.stringify(stored)).not.toContain(confirmToken!);
    expect(JSON.stringify(stored)).not.toContain(unsubscribeToken!);
  });

  it("records nothing without the box, nothing for spam, and refuses old, unknown and malformed links", async () => {
    const { id: articleId } = await article();
    const quiet = `quiet-${fresh()}@private.example`;
    await post({ articleId, email: quiet });
    const spammer = `spam-${fresh()}@private.example`;
    await post({ articleId, email: spammer, notifyReplies: true, website2: "bot was here" });
    expect(await db.outboundMail.count({ where: { recipient: { in: [quiet, spammer] } } })).toBe(0);
    expect(await db.commentReplySubscription.count({ where: { comment: { articleId } } })).toBe(0);

    const late = `late-${fresh()}@private.example`;
    await post({ articleId, email: late, notifyReplies: true });
    const [mail] = await mailsTo(late, 1);
    const token = tokenIn(mail!.text, "/comments/notifications/confirm")!;
    advanceClock(REPLY_CONFIRM_TTL_MS);
    const expired = await confirmRoute(form(`${ORIGIN}/api/comments/notifications/confirm`, { token }));
    expect(expired.headers.get("location")).toBe("/comments/notifications/confirm?result=invalid");

    const unknown = await unsubscribeRoute(
      form(`${ORIGIN}/api/comments/notifications/unsubscribe?token=${"0".repeat(64)}`, {
        "List-Unsubscribe": "One-Click",
      }),
    );
    expect(unknown.status).toBe(404);
    // Refusals in the one JSON error shape (lib/platform/http/json-errors.ts).
    expect(await unknown.json()).toEqual({
      error: { code: "NOT_FOUND", message: "This unsubscribe link is not known." },
    });
    for (const route of [confirmRoute, unsubscribeRoute]) {
      const malformed = await route(form(`${ORIGIN}/api/comments/notifications/x`, { token: "short" }));
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toEqual({
        error: { code: "INVALID", message: "The link is incomplete: open it from the mail again." },
      });
    }
  });

  it("end, and leave the outbox without the address, when the commenter's data is erased", async () => {
    const { id: articleId } = await article();
    const erased = `erase-me-${fresh()}@private.example`;
    const top = await post({ articleId, email: erased, notifyReplies: true });
    const [mail] = await mailsTo(erased, 1);
    await confirmRoute(
      form(`${ORIGIN}/api/comments/notifications/confirm`, {
        token: tokenIn(mail!.text, "/comments/notifications/confirm")!,
      }),
    );
    const admin = await createTestUser("ADMIN");
    const { placeholder } = await eraseCommenterData(erased, context(admin));
    expect(await db.commentReplySubscription.findUnique({ where: { commentId: top } })).toMatchObject({
      status: "UNSUBSCRIBED",
    });
    expect(await db.outboundMail.count({ where: { recipient: erased } })).toBe(0);
    expect(await db.outboundMail.count({ where: { recipient: placeholder } })).toBe(1);
    await approve(top);
    await approve(await post({ articleId, parentId: top, email: `replier-${fresh()}@private.example` }));
    expect(await db.outboundMail.count({ where: { recipient: placeholder } })).toBe(1);
  });

  it("shows no address on any page or answer a reader sees", async () => {
    const { id: articleId, slug } = await article();
    const subscriber = `subscriber-${fresh()}@private.example`;
    const top = await post({ articleId, email: subscriber, notifyReplies: true });
    await approve(top);
    const [mail] = await mailsTo(subscriber, 1);
    const token = tokenIn(mail!.text, "/comments/notifications/confirm")!;
    await confirmRoute(form(`${ORIGIN}/api/comments/notifications/confirm`, { token }));
    const reply = await post({ articleId, parentId: top, email: `replier-${fresh()}@private.example` });
    await approve(reply);
    await mailsTo(subscriber, 2);

    const pages = await Promise.all([
      ConfirmPage({ searchParams: Promise.resolve({ token }) }),
      ConfirmPage({ searchParams: Promise.resolve({ result: "confirmed" }) }),
      ConfirmPage({ searchParams: Promise.resolve({ result: "invalid" }) }),
      UnsubscribePage({ searchParams: Promise.resolve({ token: "a".repeat(64) }) }),
      UnsubscribePage({ searchParams: Promise.resolve({ result: "unsubscribed" }) }),
    ]);
    const thread = await threadPage(new NextRequest(`${ORIGIN}/api/comments?article=${articleId}`));
    const feed = await articleCommentsFeed(new NextRequest(`${ORIGIN}/feeds/comments/${slug}`), {
      params: Promise.resolve({ slug }),
    });
    const surfaces = [
      ...pages.map((page) => renderToStaticMarkup(page)),
      await thread.text(),
      await feed.text(),
    ];
    expect(surfaces.join("\n")).toContain("Confirm reply notifications");
    for (const surface of surfaces) expect(surface).not.toMatch(/@private\.example/);
  });
});
