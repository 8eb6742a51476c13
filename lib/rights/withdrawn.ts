// Articles no longer served: their URLs answer 451 Unavailable For Legal Reasons (RFC 7725) with a
// short public notice inside the site's layout, saying why: the takedown case that withdrew it
// (also named in a `Link: <…>; rel="blocked-by"` header), or the end of its authorization.
// Nothing is deleted.
import { NextResponse } from "next/server";
import { ANSWER_STATUS_HEADER } from "@/lib/platform/server/answer-status";
import { publicReadsOfTheirOwn } from "@/lib/articles/visibility-change";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { absoluteUrl } from "@/lib/platform/site-url";
import { articlePageOf } from "@/lib/articles/paths";
import { findBySlugOrFormerSlug } from "@/lib/articles/slug-redirects";
import { withdrawnArticleWhere } from "@/lib/articles/visibility";
import { noticeCasePath } from "./notices/elements";

/** Why an article is withdrawn, as readers may be told: never who complained or how to reach them. */
export interface Withdrawal {
  /** The takedown case that withdrew it, when one did. */
  caseNumber: string | null;
  /** When it was withdrawn (the sweep's record), or null before the sweep has recorded a lapse. */
  withdrawnAt: Date | null;
  /** When its authorization ended (lapsed or was revoked), when that is why. */
  authorizationEndedAt: Date | null;
}

/**
 * Why the article `slug` names (its current slug, or one it had before a rename: a shared link to
 * it is as much its URL) is withdrawn; null when it is not. Answered from memory, as every request
 * to an article URL asks: one indexed look-up per slug, read again after any change to what is
 * public (the rights sweep announces a lapse when it records it), so the first request after an
 * edit asks about its own article, not about all of them.
 */
export async function withdrawalOf(slug: string, now: Date): Promise<Withdrawal | null> {
  return readWithdrawal(slug, now, () => loadWithdrawal(slug, now));
}

const readWithdrawal = publicReadsOfTheirOwn("withdrawals", 10_000);

export async function isWithdrawnSlug(slug: string, now: Date): Promise<boolean> {
  return (await withdrawalOf(slug, now)) !== null;
}

/** RFC 7725's pointer to the case that blocks a resource, for a `Link` header. */
export function blockedByLink(caseNumber: string): string {
  return `<${absoluteUrl(env.SITE_URL, noticeCasePath(caseNumber))}>; rel="blocked-by"`;
}

/** The headers of a 451 answer about `withdrawal`: a blocked-by link when a case withdrew it. */
export function withdrawalHeaders(withdrawal: Withdrawal): Record<string, string> {
  return withdrawal.caseNumber ? { Link: blockedByLink(withdrawal.caseNumber) } : {};
}

/**
 * The 451 answer to a request for any page of a withdrawn article (its own, its original's, the two
 * side by side), null for any other: the notice page
 * for that article, rendered in place (a rewrite), with the status the launcher gives it
 * (answer-status.ts).
 */
export async function withdrawnArticleAnswer(url: URL, now: Date): Promise<Response | null> {
  const slug = articlePageOf(url.pathname)?.slug ?? null;
  const withdrawal = slug === null ? null : await withdrawalOf(slug, now);
  if (slug === null || withdrawal === null) return null;
  return NextResponse.rewrite(new URL(withdrawnNoticePath(slug), url), {
    headers: { [ANSWER_STATUS_HEADER]: "451", ...withdrawalHeaders(withdrawal) },
  });
}

const WITHDRAWAL_SELECT = {
  withdrawnAt: true,
  withdrawnNotice: { select: { caseNumber: true } },
  authorization: { select: { status: true, validUntil: true, revokedAt: true } },
} as const;

async function loadWithdrawal(slug: string, now: Date): Promise<Withdrawal | null> {
  const article = await findBySlugOrFormerSlug("Article", slug, (where) =>
    db.article.findFirst({ where: { AND: [withdrawnArticleWhere(now), where] }, select: WITHDRAWAL_SELECT }),
  );
  if (article === null) return null;
  const { authorization } = article;
  const ended =
    authorization?.status === "REVOKED"
      ? authorization.revokedAt
      : authorization?.validUntil && authorization.validUntil <= now
        ? authorization.validUntil
        : null;
  return {
    caseNumber: article.withdrawnNotice?.caseNumber ?? null,
    withdrawnAt: article.withdrawnAt,
    authorizationEndedAt: article.withdrawnNotice ? null : ended,
  };
}

/** Where an article's notice is rendered, inside the site's layout (app/(site)/notices/withdrawn/[slug]). */
export const WITHDRAWN_NOTICE_PATH = "/notices/withdrawn";
export const withdrawnNoticePath = (slug: string) => `${WITHDRAWN_NOTICE_PATH}/${encodeURIComponent(slug)}`;
