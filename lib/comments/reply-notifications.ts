import "server-only";
// Reply notifications for commenters who ask for them, by double opt-in: ticking the box on the
// comment form records a PENDING subscription and mails a confirmation link; nothing else is sent
// until it is followed. Once confirmed, each approved reply to the comment, when it becomes
// visible, mails the commenter a link to it and a one-click unsubscribe link (also as RFC 8058
// List-Unsubscribe headers). Links carry tokens, never an address; only the tokens' SHA-256 is
// stored. The unsubscribe token is derived from the stored confirmation hash with the site's
// secret, so each notification can carry it without it being kept anywhere.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { recordMail } from "@/lib/platform/mail";
import { absoluteUrl } from "@/lib/platform/site-url";
import { articlePath } from "@/lib/articles/paths";
import { keyedHash } from "@/lib/platform/http/address-keys";

export const REPLY_CONFIRM_PATH = "/comments/notifications/confirm";
export const REPLY_UNSUBSCRIBE_PATH = "/comments/notifications/unsubscribe";
export const REPLY_CONFIRM_API = "/api/comments/notifications/confirm";
export const REPLY_UNSUBSCRIBE_API = "/api/comments/notifications/unsubscribe";
/** A confirmation link works for this long. */
export const REPLY_CONFIRM_TTL_MS = 7 * 24 * 60 * 60_000;
export const REPLY_CONFIRM_KIND = "comments.reply-confirm";
export const REPLY_NOTIFICATION_KIND = "comments.reply";

const INCOMPLETE_LINK = "The link is incomplete: open it from the mail again.";

/** What the confirm and unsubscribe endpoints take: the token from the link. */
export const ReplyTokenSchema = z.object({
  token: z.string(INCOMPLETE_LINK).regex(/^[\w-]{43}$|^[0-9a-f]{64}$/, INCOMPLETE_LINK),
});

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const unsubscribeToken = (confirmTokenHash: string) => keyedHash(`reply-unsubscribe:${confirmTokenHash}`);

function linkTo(path: string, token: string): string {
  const url = new URL(absoluteUrl(env.SITE_URL, path));
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * Records a PENDING subscription for `comment` and the confirmation mail, inside the comment's
 * transaction. Returns the mail's id, to deliver after the commit.
 */
export async function requestReplyNotifications(
  tx: DbTransaction,
  comment: { id: string; authorEmail: string; articleTitle: string },
  at: Date,
): Promise<string | null> {
  const token = randomBytes(32).toString("base64url");
  const confirmTokenHash = sha256(token);
  await tx.commentReplySubscription.create({
    data: {
      commentId: comment.id,
      confirmTokenHash,
      unsubscribeTokenHash: sha256(unsubscribeToken(confirmTokenHash)),
      createdAt: at,
    },
  });
  return recordMail(tx, {
    to: comment.authorEmail,
    kind: REPLY_CONFIRM_KIND,
    subject: `Confirm reply notifications for your comment on "${comment.articleTitle}"`,
    text: [
      `You asked to be told by mail when someone replies to your comment on "${comment.articleTitle}".`,
      `Open this link to confirm (it works once, within ${REPLY_CONFIRM_TTL_MS / 86_400_000} days):`,
      "",
      linkTo(REPLY_CONFIRM_PATH, token),
      "",
      "If you did not ask for this, ignore this message: nothing more will be sent.",
    ].join("\n"),
  });
}

/** Confirms the subscription the token names: true once, false for a used, expired or unknown link. */
export async function confirmReplyNotifications(token: string): Promise<boolean> {
  const at = now();
  const { count } = await db.commentReplySubscription.updateMany({
    where: {
      confirmTokenHash: sha256(token),
      status: "PENDING",
      createdAt: { gt: new Date(at.getTime() - REPLY_CONFIRM_TTL_MS) },
    },
    data: { status: "CONFIRMED", confirmedAt: at },
  });
  return count === 1;
}

/**
 * Ends the subscription the token names. True when the token names one (unsubscribing twice
 * is fine: the answer is the same), false for an unknown token.
 */
export async function unsubscribeReplyNotifications(token: string): Promise<boolean> {
  const at = now();
  const hash = sha256(token);
  await db.commentReplySubscription.updateMany({
    where: { unsubscribeTokenHash: hash, status: { not: "UNSUBSCRIBED" } },
    data: { status: "UNSUBSCRIBED", unsubscribedAt: at },
  });
  return (await db.commentReplySubscription.count({ where: { unsubscribeTokenHash: hash } })) === 1;
}

/**
 * Records the notification of the reply `replyId`, which has just become visible to readers,
 * to the author of the comment it answers if they confirmed they want it. At most one per reply,
 * however often it is approved; none for a reply by the same address. Returns the mail's id.
 */
export async function recordReplyNotification(tx: DbTransaction, replyId: string): Promise<string | null> {
  const reply = await tx.comment.findUnique({
    where: { id: replyId },
    select: {
      id: true,
      authorName: true,
      authorEmail: true,
      article: { select: { title: true, slug: true } },
      parent: {
        select: {
          authorEmail: true,
          replySubscription: { select: { status: true, confirmTokenHash: true } },
        },
      },
    },
  });
  const subscription = reply?.parent?.replySubscription;
  if (!reply?.parent || subscription?.status !== "CONFIRMED") return null;
  if (reply.parent.authorEmail === reply.authorEmail) return null;
  const unsubscribe = unsubscribeToken(subscription.confirmTokenHash);
  const replyUrl = `${absoluteUrl(env.SITE_URL, articlePath(reply.article.slug))}#comment-${reply.id}`;
  return recordMail(tx, {
    to: reply.parent.authorEmail,
    kind: REPLY_NOTIFICATION_KIND,
    dedupeKey: `${REPLY_NOTIFICATION_KIND}:${reply.id}`,
    subject: `${reply.authorName} replied to your comment on "${reply.article.title}"`,
    text: [
      `${reply.authorName} replied to your comment on "${reply.article.title}":`,
      "",
      replyUrl,
      "",
      "To stop these messages for this comment, open:",
      linkTo(REPLY_UNSUBSCRIBE_PATH, unsubscribe),
    ].join("\n"),
    headers: {
      "List-Unsubscribe": `<${linkTo(REPLY_UNSUBSCRIBE_API, unsubscribe)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
}
