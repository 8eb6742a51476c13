// The comment submission pipeline. Each step may refuse the comment (with a message the reader
// can act on) or hold it for moderation (reason codes kept in holdReasons); what passes every
// step is approved. What the steps decide on is read in one statement before them, the rate
// limits are counted in one, and the comment and its first moderation-log row are written in one
// (submission-queries.ts).
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { deliverAfterCommit } from "@/lib/platform/outbox/delivery-trigger";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { FieldErrors, Refusal } from "@/lib/platform/http/json-errors";
import { hitAll, type LimitRule } from "@/lib/platform/rate-limit";
import { commentsClosed, effectiveRules } from "./effective-rules";
import { keyedHash, rateLimitAddress } from "@/lib/platform/http/address-keys";
import { MAX_THREAD_DEPTH } from "./policy";
import { toPublicComment, type PublicComment } from "./public-comments";
import { CommentInputSchema, type ParsedCommentInput } from "./schema";
import { recordReplyNotification, requestReplyNotifications } from "./reply-notifications";
import { insertSubmittedComment, readSubmissionContext, type NewComment } from "./submission-queries";
import { parseDefaults, parseWords } from "./settings";
import { countLinks, matchingTerms, normalizeBody } from "./text";

export const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** Approved comments an email needs before its comments skip first-time moderation. */
export const TRUSTED_AFTER_APPROVED = 2;

export const BURST_LIMIT: LimitRule = { limit: 1, windowMs: 15_000, blockMs: 15_000 };
export const SUSTAINED_LIMIT: LimitRule = { limit: 10, windowMs: 10 * 60_000, blockMs: 10 * 60_000 };

export const HOLD_REASONS = {
  honeypot: "HONEYPOT",
  disallowedWord: "DISALLOWED_WORD",
  moderationWord: "MODERATION_WORD",
  links: "LINKS",
  premoderate: "PREMODERATE",
  firstTime: "FIRST_TIME",
} as const;

export const CLOSED_MESSAGE = "Comments are closed on this article.";

export interface SubmitMeta {
  /** The client's IP as the request saw it; null when unknown. */
  ip: string | null;
  userAgent: string | null;
}

export type SubmitResult =
  | {
      ok: true;
      comment: { id: string; status: CommentStatus };
      /**
       * The comment as its sender may see it, whatever its status, under the parent they replied
       * to: the honeypot files its catch without a parent, and must not give that away.
       */
      posted: PublicComment;
      /** The input as the pipeline read it. */
      accepted: ParsedCommentInput;
      heldFor?: string[];
    }
  | ({ ok: false } & Refusal);

function refuse(code: Refusal["code"], message: string): { ok: false } & Refusal {
  return { ok: false, code, message };
}

export async function submitComment(input: unknown, meta: SubmitMeta): Promise<SubmitResult> {
  const parsed = CommentInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= [issue.message];
    }
    const first = parsed.error.issues[0]?.message ?? "The comment could not be read.";
    return { ...refuse("INVALID", first), fieldErrors };
  }
  const data = parsed.data;
  const at = now();
  // Everything the steps below decide on, in one read; they still decide in order.
  const context = await readSubmissionContext({
    articleId: data.articleId,
    email: data.email,
    parentId: data.parentId ?? null,
    at,
    duplicatesSince: new Date(at.getTime() - DUPLICATE_WINDOW_MS),
    trustedAfter: TRUSTED_AFTER_APPROVED,
  });

  // 1. The article exists, is public, and takes comments.
  if (!context) return refuse("NOT_FOUND", "That article could not be found.");
  const defaults = parseDefaults(context.storedDefaults);
  const words = parseWords(context.storedWords);
  const rules = effectiveRules(context, defaults);
  if (commentsClosed(context, rules, at)) return refuse("COMMENTS_CLOSED", CLOSED_MESSAGE);

  const record = {
    articleId: context.articleId,
    authorName: data.name,
    authorEmail: data.email,
    authorUrl: data.website ?? null,
    body: data.body,
    ipHash: meta.ip ? keyedHash(meta.ip.trim()) : null,
    userAgent: meta.userAgent ? meta.userAgent.slice(0, 512) : null,
  };

  // The sender sees the comment under the parent they chose, even where it is stored without one.
  const acceptedAs = (stored: StoredSubmission) => ({
    ok: true as const,
    comment: { id: stored.id, status: stored.status },
    posted: { ...stored.posted, parentId: data.parentId ?? null },
    accepted: data,
  });

  // 2. Honeypot: accepted as spam with no hint, and nothing else checked.
  if (data.website2 !== "") {
    const spam = {
      ...record,
      parentId: null,
      status: "SPAM" as const,
      holdReasons: [HOLD_REASONS.honeypot],
      at,
    };
    return acceptedAs(await store(spam, null));
  }

  // 3. Length on this article.
  const length = [...data.body].length;
  if (rules.maxLength !== null && length > rules.maxLength) {
    const message = `Your comment is ${length} characters long; comments on this article can be at most ${rules.maxLength}. Please shorten it.`;
    return { ...refuse("INVALID", message), fieldErrors: { body: [message] } };
  }

  // 4. A reply goes under an approved comment on the same article, not too deep.
  if (data.parentId) {
    if (context.parentArticleId !== context.articleId) {
      const message = "The comment you are replying to could not be found.";
      return { ...refuse("INVALID", message), fieldErrors: { parentId: [message] } };
    }
    if (context.parentStatus !== "APPROVED") {
      return refuse(
        "CONFLICT",
        "The comment you are replying to is not published; you can post a new comment instead.",
      );
    }
    if ((context.parentLevel ?? 1) + 1 > MAX_THREAD_DEPTH) {
      const message = "This thread cannot go any deeper; reply to an earlier comment in it instead.";
      return { ...refuse("INVALID", message), fieldErrors: { parentId: [message] } };
    }
  }

  // 5. The same comment again from the same email.
  const normalized = normalizeBody(data.body);
  if (context.recentBodies.some((body) => normalizeBody(body) === normalized)) {
    return refuse("CONFLICT", "It looks like you have already posted that comment.");
  }

  // 6. Rate limits per commenter (IP group and email) and the article's slow mode.
  const emailKey = keyedHash(`email:${data.email}`);
  const limits: { key: string; rule: LimitRule }[] = [
    { key: `comments:burst:email:${emailKey}`, rule: BURST_LIMIT },
    { key: `comments:sustained:email:${emailKey}`, rule: SUSTAINED_LIMIT },
  ];
  const address = meta.ip ? rateLimitAddress(meta.ip) : null;
  if (address) {
    const ipKey = keyedHash(`ip:${address}`);
    limits.push(
      { key: `comments:burst:ip:${ipKey}`, rule: BURST_LIMIT },
      { key: `comments:sustained:ip:${ipKey}`, rule: SUSTAINED_LIMIT },
    );
  }
  if (rules.slowModeSeconds !== null) {
    const ms = rules.slowModeSeconds * 1000;
    limits.push({
      key: `comments:slow:${context.articleId}:${emailKey}`,
      rule: { limit: 1, windowMs: ms, blockMs: ms },
    });
  }
  const limited = await hitAll(limits, at);
  if (limited) {
    const { retryAfterSeconds } = limited;
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: `You are commenting too quickly. Please wait ${retryAfterSeconds} second(s) and try again.`,
      retryAfterSeconds,
    };
  }

  // 7–9. Spam and holds.
  const reasons: string[] = [];
  let status: CommentStatus = "APPROVED";
  const text = `${data.name}\n${data.body}`;
  if (matchingTerms(text, words.disallowed).length > 0) {
    status = "SPAM";
    reasons.push(HOLD_REASONS.disallowedWord);
  } else {
    if (matchingTerms(text, words.moderation).length > 0) reasons.push(HOLD_REASONS.moderationWord);
    const links = countLinks(data.body);
    if (links > 0 && links >= rules.linkLimit) reasons.push(HOLD_REASONS.links);
    if (rules.mode === "PREMODERATE_ALL") {
      reasons.push(HOLD_REASONS.premoderate);
    } else if (rules.mode === "PREMODERATE_NEW" || rules.holdFirstTime) {
      if (context.approvedBefore < TRUSTED_AFTER_APPROVED) reasons.push(HOLD_REASONS.firstTime);
    }
    if (reasons.length > 0) status = "PENDING";
  }

  // Spam gets no mail: an address typed into a spammer's form is not asked to confirm anything.
  const notify = data.notifyReplies && status !== "SPAM" ? context.articleTitle : null;
  const comment = { ...record, parentId: data.parentId ?? null, status, holdReasons: reasons, at };
  const result = acceptedAs(await store(comment, notify));
  return status === "PENDING" ? { ...result, heldFor: reasons } : result;
}

interface StoredSubmission {
  id: string;
  status: CommentStatus;
  posted: PublicComment;
}

async function store(
  comment: NewComment,
  /** The article's title when the commenter asked for reply notifications. */
  notifyRepliesOn: string | null,
): Promise<StoredSubmission> {
  const mail: (string | null)[] = [];
  const wantsMail = notifyRepliesOn !== null || (comment.status === "APPROVED" && comment.parentId !== null);
  const stored = !wantsMail
    ? await insertSubmittedComment(db, comment)
    : await db.$transaction(async (tx) => {
        const row = await insertSubmittedComment(tx, comment);
        if (notifyRepliesOn !== null) {
          const request = { id: row.id, authorEmail: comment.authorEmail, articleTitle: notifyRepliesOn };
          mail.push(await requestReplyNotifications(tx, request, comment.at));
        }
        if (comment.status === "APPROVED" && comment.parentId) {
          mail.push(await recordReplyNotification(tx, row.id));
        }
        return row;
      });
  // Not awaited: the reader's answer does not wait on the mail relay.
  void deliverAfterCommit(mail);
  // Readers see an approved comment at once: its article's comments and the comment feeds.
  if (comment.status === "APPROVED") {
    await invalidate([cacheTag.comments(comment.articleId), cacheTag.allComments]);
  }
  return { id: stored.id, status: stored.status, posted: toPublicComment(stored) };
}
