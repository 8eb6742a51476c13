// When reader reports take a comment off the public page. Any report puts an approved comment in
// the Reported queue, where it stays visible until a moderator decides; reports only hide it when
// the reporters have earned trust, or when so many known readers from separate networks report it
// that it is more than a handful of people acting together. Reports from new readers never hide a
// comment, however many of them there are and however many networks they come from:
//
// - a staff member's report (signed in; accountable by name) hides it at once;
// - two trusted readers hide it. A trusted reader is one the comment pipeline already knows: the
//   saved commenter cookie names an email with TRUSTED_AFTER_APPROVED approved comments, and
//   moderators have not dismissed most of that reader's reports (Coral's "unreliable flagger");
// - known readers from max(REPORT_NETWORK_FLOOR, readership) separate networks hide it. A known
//   reader is staff, or a saved commenter with at least one approved comment of their own who is
//   not an unreliable reporter; a network is an IPv4 /24 or an IPv6 /48
//   (lib/platform/http/address-keys.ts); the readership is the number of distinct people with an
//   approved comment on the article: the only readers we can count without tracking anyone. A
//   busier discussion needs more reporters;
// - a new reader (anonymous, or a saved commenter with no approved comment) only queues it: such
//   reports cost an attacker nothing but an address each, so they are never enough.
// No server imports: the numbers are shown to moderators too.

/** Trusted readers' reports that hide a comment. */
export const TRUSTED_REPORTS_TO_HIDE = 2;
/** The fewest separate networks whose reports hide a comment from untrusted readers. */
export const REPORT_NETWORK_FLOOR = 10;
/** Dismissed reports after which a reader who has more dismissed than upheld is not trusted. */
export const UNRELIABLE_AFTER_DISMISSED = 3;

export interface ReporterRecord {
  upheld: number;
  dismissed: number;
}

/** A reader's reports go against them once moderators have mostly dismissed them. */
export function isUnreliableReporter({ upheld, dismissed }: ReporterRecord): boolean {
  return dismissed >= UNRELIABLE_AFTER_DISMISSED && dismissed > upheld;
}

export interface OpenReports {
  /** Open reports by signed-in staff. */
  staff: number;
  /** Open reports by trusted readers (staff not included). */
  trustedReaders: number;
  /** Separate networks among open reports by known readers (staff and trusted readers included). */
  knownNetworks: number;
}

/** Known readers' networks whose reports hide a comment on an article with this many approved commenters. */
export function networksToHide(readership: number): number {
  return Math.max(REPORT_NETWORK_FLOOR, readership);
}

/** Why the open reports hide the comment, or null when it stays visible. */
export function hidingReason(open: OpenReports, readership: number): string | null {
  if (open.staff > 0) return "A staff member reported it.";
  if (open.trustedReaders >= TRUSTED_REPORTS_TO_HIDE) {
    return `${open.trustedReaders} trusted readers reported it.`;
  }
  const needed = networksToHide(readership);
  if (open.knownNetworks >= needed) {
    return `Known readers from ${open.knownNetworks} separate networks reported it (the article has ${readership} approved commenter(s); ${needed} networks hide a comment).`;
  }
  return null;
}
