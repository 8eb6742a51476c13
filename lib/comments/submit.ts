// The comment submission pipeline. Each step may refuse the comment (with a message the reader
// can act on) or hold it for moderation (reason codes kept in holdReasons); what passes every
// step is approved. The comment and its first moderation-log row are written together.
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { deliverAfterCommit } from "@/lib/platform/outbox/delivery-trigger";
import { publicArticleWhere } from "@/lib/articles/visibility";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { FieldErrors, Refusal } from "@/lib/platform/http/json-errors";
import { hitAll, type LimitRule } from "@/lib/platform/rate-limit";
import { articleCommentSettingsSelect, commentsClosed, effectiveRules } from "./effective-rules";
import { keyedHash, rateLimitAddress } from "@/lib/platform/http/address-keys";
import { MAX_THREAD_DEPTH } from "./policy";
import { CommentInputSchema } from "./schema";
import { recordReplyNotification, requestReplyNotifications } from "./reply-notifications";
import { loadCommentSettings } from "./settings";
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
  | { ok: true; comment: { id: string; status: CommentStatus }; heldFor?: string[] }
  | ({ ok: false } & Refusal);

function refuse(code: Refusal["code"], message: string): { ok: false } & Refusal {
  return { ok: false, code, message };
}

/** Level of `parentId` in its thread (1 = top level); stops counting once past the maximum. */
async function threadLevel(parentId: string): Promise<number> {
  let level = 1;
  let current: string | null = parentId;
  const seen = new Set<string>();
  while (current && level <= MAX_THREAD_DEPTH + 1 && !seen.has(current)) {
    seen.add(current);
    const row: { parentId: string | null } | null = await db.comment.findUnique({
      where: { id: current },
      select: { parentId: true },
    });
    if (!row?.parentId) return level;
    current = row.parentId;
    level += 1;
  }
  return level;
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
  // Reads that do not depend on each other go out together; the steps below still decide in order.
  const [{ defaults, words }, article, recent] = await Promise.all([
    loadCommentSettings(),
    db.article.findFirst({
      where: { AND: [{ id: data.articleId }, publicArticleWhere(at)] },
      select: { id: true, title: true, ...articleCommentSettingsSelect },
    }),
    // For step 5, the same comment again from the same email.
    db.comment.findMany({
      where: { authorEmail: data.email, createdAt: { gte: new Date(at.getTime() - DUPLICATE_WINDOW_MS) } },
      select: { body: true },
    }),
  ]);

  // 1. The article exists, is public, and takes comments.
  if (!article) return refuse("NOT_FOUND", "That article could not be found.");
  const rules = effectiveRules(article, defaults);
  if (commentsClosed(article, rules, at)) return refuse("COMMENTS_CLOSED", CLOSED_MESSAGE);

  const record = {
    articleId: article.id,
    authorName: data.name,
    authorEmail: data.email,
    authorUrl: data.website ?? null,
    body: data.body,
    ipHash: meta.ip ? keyedHash(meta.ip.trim()) : null,
    userAgent: meta.userAgent ? meta.userAgent.slice(0, 512) : null,
  };

  // 2. Honeypot: accepted as spam with no hint, and nothing else checked.
  if (data.website2 !== "") {
    const comment = await store({ ...record, parentId: null }, "SPAM", [HOLD_REASONS.honeypot], at, null);
    return { ok: true, comment };
  }

  // 3. Length on this article.
  const length = [...data.body].length;
  if (rules.maxLength !== null && length > rules.maxLength) {
    const message = `Your comment is ${length} characters long; comments on this article can be at most ${rules.maxLength}. Please shorten it.`;
    return { ...refuse("INVALID", message), fieldErrors: { body: [message] } };
  }

  // 4. A reply goes under an approved comment on the same article, not too deep.
  if (data.parentId) {
    const parent = await db.comment.findUnique({
      where: { id: data.parentId },
      select: { articleId: true, status: true },
    });
    if (!parent || parent.articleId !== article.id) {
      const message = "The comment you are replying to could not be found.";
      return { ...refuse("INVALID", message), fieldErrors: { parentId: [message] } };
    }
    if (parent.status !== "APPROVED") {
      return refuse(
        "CONFLICT",
        "The comment you are replying to is not published; you can post a new comment instead.",
      );
    }
    if ((await threadLevel(data.parentId)) + 1 > MAX_THREAD_DEPTH) {
      const message = "This thread cannot go any deeper; reply to an earlier comment in it instead.";
      return { ...refuse("INVALID", message), fieldErrors: { parentId: [message] } };
    }
  }

  // 5. The same comment again from the same email.
  const normalized = normalizeBody(data.body);
  if (recent.some((c) => normalizeBody(c.body) === normalized)) {
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
      key: `comments:slow:${article.id}:${emailKey}`,
      rule: { limit: 1, windowMs: ms, blockMs: ms },
    });
  }
  // Whether the email is trusted yet (step 9) is read while the limits are counted.
  const needsTrust =
    rules.mode !== "PREMODERATE_ALL" && (rules.mode === "PREMODERATE_NEW" || rules.holdFirstTime);
  const [limited, approvedBefore] = await Promise.all([
    hitAll(limits, at),
    needsTrust
      ? db.comment.count({
          where: { authorEmail: data.email, status: "APPROVED" },
          take: TRUSTED_AFTER_APPROVED,
        })
      : Promise.resolve(TRUSTED_AFTER_APPROVED),
  ]);
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
    } else if (needsTrust) {
      if (approvedBefore < TRUSTED_AFTER_APPROVED) reasons.push(HOLD_REASONS.firstTime);
    }
    if (reasons.length > 0) status = "PENDING";
  }

  // Spam gets no mail: an address typed into a spammer's form is not asked to confirm anything.
  const notify = data.notifyReplies && status !== "SPAM" ? article.title : null;
  const comment = await store({ ...record, parentId: data.parentId ?? null }, status, reasons, at, notify);
  return status === "PENDING" ? { ok: true, comment, heldFor: reasons } : { ok: true, comment };
}

async function store(
  record: {
    articleId: string;
    parentId: string | null;
    authorName: string;
    authorEmail: string;
    authorUrl: string | null;
    body: string;
    ipHash: string | null;
    userAgent: string | null;
  },
  status: CommentStatus,
  reasons: string[],
  at: Date,
  /** The article's title when the commenter asked for reply notifications. */
  notifyRepliesOn: string | null,
): Promise<{ id: string; status: CommentStatus }> {
  const row = {
    ...record,
    status,
    holdReasons: reasons,
    createdAt: at,
    updatedAt: at,
    moderations: {
      create: {
        actorId: null,
        action: "submitted",
        fromStatus: null,
        toStatus: status,
        reasons,
        createdAt: at,
      },
    },
  };
  const select = { id: true, status: true } as const;
  const mail: (string | null)[] = [];
  const wantsMail = notifyRepliesOn !== null || (status === "APPROVED" && record.parentId !== null);
  // Without mail to record, one nested write: Prisma stores the comment and its log row in one
  // transaction with no round trip to this process in between.
  const stored = !wantsMail
    ? await db.comment.create({ data: row, select })
    : await db.$transaction(async (tx) => {
        const comment = await tx.comment.create({ data: row, select });
        if (notifyRepliesOn !== null) {
          const request = { id: comment.id, authorEmail: record.authorEmail, articleTitle: notifyRepliesOn };
          mail.push(await requestReplyNotifications(tx, request, at));
        }
        if (status === "APPROVED" && record.parentId)
          mail.push(await recordReplyNotification(tx, comment.id));
        return comment;
      });
  // Not awaited: the reader's answer does not wait on the mail relay.
  void deliverAfterCommit(mail);
  // Readers see an approved comment at once: its article's comments and the comment feeds.
  if (status === "APPROVED") await invalidate([cacheTag.comments(record.articleId), cacheTag.allComments]);
  return stored;
}
