// One commenter's data, found by email: how much there is, a JSON export of it, and erasure.
// Erasure anonymizes rather than deletes, so threads and the moderation history stay whole;
// the comment text is kept. The audit log names the commenter by a keyed hash of the email,
// never the address itself, so an erasure leaves no copy of it behind.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { forgetMailRecipient } from "@/lib/platform/mail";
import { db, type Db, type DbTransaction } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { keyedHash } from "@/lib/platform/http/address-keys";
import { EMAIL_MAX } from "./schema";

export const ANONYMOUS_NAME = "Anonymous";
export const ERASE_ACTION = "erase";

export const CommenterEmailSchema = z.object({
  email: z
    .string({ error: "Enter the commenter's email address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter the commenter's email address.")
    .max(EMAIL_MAX, `An email address can be at most ${EMAIL_MAX} characters.`)
    .pipe(z.email("Enter a valid email address.")),
});

interface CommentRef {
  id: string;
  articleId: string;
  status: CommentStatus;
}

/**
 * The commenter's comments, matched exactly but in any case (older or imported rows may not be
 * lower-cased). Not Prisma's `mode: "insensitive"`: that is ILIKE, where "_" and "%" in an
 * address would match other people's.
 */
function commentsByEmail(client: Db | DbTransaction, email: string, { lock = false } = {}) {
  const forUpdate = lock ? Prisma.sql`FOR UPDATE` : Prisma.empty;
  return client.$queryRaw<CommentRef[]>`
    SELECT "id", "articleId", "status"::text AS "status" FROM "Comment"
    WHERE lower("authorEmail") = ${email.toLowerCase()} ${forUpdate}`;
}

/** How the audit log refers to a commenter: stable per email, yet not the email. */
export function commenterKey(email: string): string {
  return keyedHash(`email:${email.toLowerCase()}`);
}

export interface CommenterSummary {
  total: number;
  byStatus: Partial<Record<CommentStatus, number>>;
}

export async function commenterSummary(email: string): Promise<CommenterSummary> {
  const rows = await commentsByEmail(db, email);
  const byStatus: CommenterSummary["byStatus"] = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  return { total: rows.length, byStatus };
}

export interface CommenterExport {
  email: string;
  exportedAt: string;
  comments: {
    id: string;
    article: { id: string; title: string; slug: string };
    parentId: string | null;
    name: string;
    email: string;
    website: string | null;
    body: string;
    status: CommentStatus;
    userAgent: string | null;
    createdAt: string;
    updatedAt: string;
  }[];
}

/** Everything stored about the commenter's comments (the IP only exists as a keyed hash: left out). */
export async function exportCommenterData(
  email: string,
  { actor, ip }: ActionContext,
): Promise<CommenterExport> {
  return db.$transaction(async (tx) => {
    const ids = (await commentsByEmail(tx, email)).map((row) => row.id);
    const rows = await tx.comment.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        parentId: true,
        authorName: true,
        authorEmail: true,
        authorUrl: true,
        body: true,
        status: true,
        userAgent: true,
        createdAt: true,
        updatedAt: true,
        article: { select: { id: true, title: true, slug: true } },
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "commenter.export",
      entityType: "Commenter",
      entityId: commenterKey(email),
      after: { comments: rows.length },
      ip,
    });
    return {
      email,
      exportedAt: now().toISOString(),
      comments: rows.map((row) => ({
        id: row.id,
        article: row.article,
        parentId: row.parentId,
        name: row.authorName,
        email: row.authorEmail,
        website: row.authorUrl,
        body: row.body,
        status: row.status,
        userAgent: row.userAgent,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      })),
    };
  });
}

export interface ErasureResult {
  erased: number;
  /** The address every erased comment now carries, unique to this erasure. */
  placeholder: string;
}

/**
 * Anonymizes every comment from `email` in one transaction, logging each in its moderation
 * history and the erasure in the audit log. Refuses with NOT_FOUND when there is none.
 */
export async function eraseCommenterData(
  email: string,
  { actor, ip }: ActionContext,
): Promise<ErasureResult> {
  // Grouped under one unmatchable address, so a moderator still sees the comments came from one person.
  const placeholder = `erased+${randomBytes(12).toString("hex")}@invalid`;
  const at = now();
  const { erased, articleIds } = await db.$transaction(async (tx) => {
    // Locked, so a moderator's decision cannot slip in between the read and the log rows.
    const rows = await commentsByEmail(tx, email, { lock: true });
    if (rows.length === 0) {
      const message = "No comments were found for that email address.";
      throw new ActionFailure("NOT_FOUND", message, { email: [message] });
    }
    await tx.comment.updateMany({
      where: { id: { in: rows.map((row) => row.id) } },
      data: {
        authorName: ANONYMOUS_NAME,
        authorEmail: placeholder,
        authorUrl: null,
        ipHash: null,
        userAgent: null,
      },
    });
    // No more mail to them, and their address gone from the outbox too.
    await tx.commentReplySubscription.updateMany({
      where: { commentId: { in: rows.map((row) => row.id) }, status: { not: "UNSUBSCRIBED" } },
      data: { status: "UNSUBSCRIBED", unsubscribedAt: at },
    });
    await forgetMailRecipient(tx, email, placeholder);
    await tx.commentModeration.createMany({
      data: rows.map((row) => ({
        commentId: row.id,
        actorId: actor.id,
        action: ERASE_ACTION,
        fromStatus: row.status,
        toStatus: row.status,
        note: "The commenter's personal data was erased on request; the text is kept.",
        createdAt: at,
      })),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "commenter.erase",
      entityType: "Commenter",
      entityId: commenterKey(email),
      after: { comments: rows.length, placeholder },
      ip,
    });
    return { erased: rows.length, articleIds: [...new Set(rows.map((row) => row.articleId))] };
  });
  // Names and website links show under articles and in the comment feeds.
  await invalidate([cacheTag.allComments, ...articleIds.map(cacheTag.comments)]);
  return { erased, placeholder };
}
