// What readers and API clients are told about a withdrawn article, in one wording for the 451 page
// and the API's 451 answer. Client-safe.
import type { Withdrawal } from "./withdrawn";

/** A date as readers see it in a notice: 5 December 2026 (UTC, the clock's zone). */
export function noticeDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

export function withdrawalMessage(withdrawal: Withdrawal): string {
  if (withdrawal.caseNumber) {
    const when = withdrawal.withdrawnAt ? ` on ${noticeDate(withdrawal.withdrawnAt)}` : "";
    return `This article was withdrawn${when} after a rights holder's takedown notice, case ${withdrawal.caseNumber}. If you keep a copy, remove it.`;
  }
  if (withdrawal.authorizationEndedAt) {
    return `This article is no longer available: the permission to reprint it ended on ${noticeDate(withdrawal.authorizationEndedAt)}. If you keep a copy, remove it.`;
  }
  return "This article is no longer available: the permission to reprint it has ended. If you keep a copy, remove it.";
}
