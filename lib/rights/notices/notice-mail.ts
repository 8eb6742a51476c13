// The mail a new notice sends: an acknowledgement with the case number to the claimant, and "new
// notice" to every active admin, recorded in the outbox in the case's own transaction (so a case
// never exists without them) and delivered after it commits. A relay that refuses delays the mail,
// never the case: the outbox retries it.
import "server-only";
import type { DbTransaction } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { recordMail } from "@/lib/platform/mail";
import { absoluteUrl } from "@/lib/platform/site-url";

export interface NewNotice {
  id: string;
  caseNumber: string;
  claimantName: string;
  organisation: string | null;
  contactEmail: string;
  workTitle: string;
  articleUrls: string[];
}

/** Records the notice's mail in `tx`; the ids of the messages, for delivery after the commit. */
export async function recordNoticeMail(
  tx: DbTransaction,
  notice: NewNotice,
  siteTitle: string,
): Promise<Array<string | null>> {
  const ids: Array<string | null> = [];
  const record = async (to: string, kind: string, subject: string, lines: string[]) => {
    ids.push(await recordMail(tx, { to, kind, subject, text: lines.join("\n") }));
  };
  await record(
    notice.contactEmail,
    "rights.notice.received",
    `${siteTitle}: we received your notice (case ${notice.caseNumber})`,
    [
      `Dear ${notice.claimantName},`,
      "",
      `We received your notice about "${notice.workTitle}". Your case number is ${notice.caseNumber}; please quote it in any reply.`,
      "",
      "The addresses you named:",
      ...notice.articleUrls.map((url) => `  ${url}`),
      "",
      `We will review it and write to you at this address. Target for a decision: ${env.NOTICE_TARGET_HOURS} hours.`,
      "",
      siteTitle,
    ],
  );
  const admins = await tx.user.findMany({
    where: { role: "ADMIN", active: true },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  const casePage = absoluteUrl(env.SITE_URL, `/admin/rights/notices/${notice.id}`);
  for (const admin of admins) {
    await record(admin.email, "rights.notice.new", `New takedown notice ${notice.caseNumber}`, [
      `${notice.claimantName}${notice.organisation ? ` (${notice.organisation})` : ""} sent a takedown notice about "${notice.workTitle}".`,
      "",
      `Articles named: ${notice.articleUrls.length}`,
      `Decide within ${env.NOTICE_TARGET_HOURS} hours: ${casePage}`,
    ]);
  }
  return ids;
}
