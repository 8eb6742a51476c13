// The mail a new notice sends once its case is committed: an acknowledgement with the case number
// to the claimant, and "new notice" to every active admin. A failed delivery is logged and does
// not undo the case (the claimant already has the case number on screen).
import "server-only";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { sendMail } from "@/lib/platform/mail";
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

async function deliver(to: string, subject: string, text: string): Promise<void> {
  try {
    await sendMail({ to, subject, text });
  } catch (error) {
    console.error(
      JSON.stringify({ event: "notice.mail.failed", subject, message: (error as Error).message }),
    );
  }
}

export async function mailNewNotice(notice: NewNotice, siteTitle: string): Promise<void> {
  await deliver(
    notice.contactEmail,
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
    ].join("\n"),
  );
  const admins = await db.user.findMany({
    where: { role: "ADMIN", active: true },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  const casePage = absoluteUrl(env.SITE_URL, `/admin/rights/notices/${notice.id}`);
  for (const admin of admins) {
    await deliver(
      admin.email,
      `New takedown notice ${notice.caseNumber}`,
      [
        `${notice.claimantName}${notice.organisation ? ` (${notice.organisation})` : ""} sent a takedown notice about "${notice.workTitle}".`,
        "",
        `Articles named: ${notice.articleUrls.length}`,
        `Decide within ${env.NOTICE_TARGET_HOURS} hours: ${casePage}`,
      ].join("\n"),
    );
  }
}
