import "server-only";
// The daily digest to admins of reprint authorizations about to end: those whose last day in
// force is 30, 7 or 1 days after today (the site's today, in its time zone), with the published
// articles each one covers. An authorization a renewal takes over from at its end (the rule of
// the articles' visibility) is not ending, and is left out. Each admin gets at most one digest a
// day: the message's dedupe key holds the day, so a second run that day records nothing.
import { addDays, calendarDay, startOfDay } from "@/lib/platform/calendar-days";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { recordMail } from "@/lib/platform/mail";
import { deliverAfterCommit } from "@/lib/platform/outbox/delivery-trigger";
import { absoluteUrl } from "@/lib/platform/site-url";
import { articlePath } from "@/lib/articles/paths";
import {
  publicArticleWhere,
  RENEWAL_DEPTH,
  renewedWhere,
  servedByRenewalWhere,
} from "@/lib/articles/visibility";
import { storedSiteIdentity } from "@/lib/site/stored-identity";

/** Days before its last day in force that an authorization is listed. */
export const DIGEST_WINDOWS = [30, 7, 1] as const;
export const EXPIRY_DIGEST_KIND = "rights.expiry-digest";

export interface EndingAuthorization {
  id: string;
  sourceName: string;
  scope: string;
  validUntil: Date;
  /** Its last day in force, in the site's time zone. */
  lastDay: string;
  window: (typeof DIGEST_WINDOWS)[number];
  keepsExisting: boolean;
  articles: { title: string; url: string }[];
}

export interface ExpiryDigestResult {
  day: string;
  authorizations: EndingAuthorization[];
  /** Messages recorded by this call: 0 on a day with nothing ending, and on a second call. */
  recorded: number;
}

function scopeText(row: { scope: string; scopeUrl: string | null; scopeAuthorName: string | null }): string {
  if (row.scope === "ARTICLE") return `one piece: ${row.scopeUrl ?? "(no URL recorded)"}`;
  if (row.scope === "AUTHOR") return `pieces by ${row.scopeAuthorName ?? "(no author recorded)"}`;
  return "all of the source's content";
}

/** The authorizations of the digest for the day `at` falls on in `timeZone`. */
export async function authorizationsEnding(at: Date, timeZone: string): Promise<EndingAuthorization[]> {
  const today = calendarDay(at, timeZone);
  const found: EndingAuthorization[] = [];
  for (const window of DIGEST_WINDOWS) {
    const lastDay = addDays(today, window);
    // Ends after the last day began and no later than the next day's start: in force on `lastDay`
    // and not after it.
    const rows = await db.reprintAuthorization.findMany({
      where: {
        status: "GRANTED",
        validUntil: { gt: startOfDay(lastDay, timeZone), lte: startOfDay(addDays(lastDay, 1), timeZone) },
      },
      orderBy: [{ validUntil: "asc" }, { id: "asc" }],
      select: {
        id: true,
        scope: true,
        scopeUrl: true,
        scopeAuthorName: true,
        validUntil: true,
        onTermination: true,
        renewsId: true,
        source: { select: { name: true } },
      },
    });
    for (const row of rows) {
      const validUntil = row.validUntil!;
      const renewed = await db.reprintAuthorization.count({
        where: { id: row.id, ...renewedWhere(validUntil) },
      });
      if (renewed > 0) continue;
      found.push({
        id: row.id,
        sourceName: row.source.name,
        scope: scopeText(row),
        validUntil,
        lastDay,
        window,
        keepsExisting: row.onTermination === "KEEP_EXISTING",
        articles: await articlesCovered(row.id, row.renewsId, at),
      });
    }
  }
  return found;
}

/** Public articles that stand on it: linked to it, or to one it renews that has lapsed. */
async function articlesCovered(id: string, renewsId: string | null, at: Date) {
  const earlier: string[] = [];
  let current = renewsId;
  while (current && earlier.length < RENEWAL_DEPTH && !earlier.includes(current)) {
    earlier.push(current);
    const row = await db.reprintAuthorization.findUnique({
      where: { id: current },
      select: { renewsId: true },
    });
    current = row?.renewsId ?? null;
  }
  const rows = await db.article.findMany({
    where: {
      AND: [
        publicArticleWhere(at),
        {
          OR: [
            { authorizationId: id },
            ...(earlier.length > 0
              ? [{ AND: [{ authorizationId: { in: earlier } }, servedByRenewalWhere(at)] }]
              : []),
          ],
        },
      ],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: { title: true, slug: true },
  });
  return rows.map((row) => ({ title: row.title, url: absoluteUrl(env.SITE_URL, articlePath(row.slug)) }));
}

function digestText(day: string, timeZone: string, ending: EndingAuthorization[]): string {
  const lines = [`Reprint authorizations about to end, as of ${day} (${timeZone}).`];
  for (const window of DIGEST_WINDOWS) {
    const group = ending.filter((a) => a.window === window);
    if (group.length === 0) continue;
    lines.push(
      "",
      `Last day in force ${window === 1 ? "tomorrow" : `in ${window} days`} (${group[0]!.lastDay}):`,
    );
    for (const a of group) {
      lines.push(
        "",
        `- ${a.sourceName}, ${a.scope}`,
        `  Ends ${a.validUntil.toISOString().replace("T", " ").slice(0, 16)} UTC.` +
          (a.keepsExisting ? " Its terms keep pieces already published." : ""),
        `  ${absoluteUrl(env.SITE_URL, `/admin/authorizations/${a.id}`)}`,
        a.articles.length > 0 ? "  Published articles it covers:" : "  No published article relies on it.",
        ...a.articles.map((article) => `    ${article.title}: ${article.url}`),
      );
    }
  }
  lines.push(
    "",
    "Renew or extend them in the desk before they end, or the articles they cover are withdrawn.",
  );
  return lines.join("\n");
}

/**
 * Records (and delivers) today's digest to every active admin, if any authorization is in a
 * window today. Idempotent per day of the site's time zone.
 */
export async function sendExpiryDigest(at: Date): Promise<ExpiryDigestResult> {
  const { timeZone } = await storedSiteIdentity();
  const day = calendarDay(at, timeZone);
  const authorizations = await authorizationsEnding(at, timeZone);
  if (authorizations.length === 0) return { day, authorizations, recorded: 0 };
  const admins = await db.user.findMany({
    where: { role: "ADMIN", active: true },
    orderBy: { id: "asc" },
    select: { id: true, email: true },
  });
  const counts = DIGEST_WINDOWS.map((w) => [w, authorizations.filter((a) => a.window === w).length] as const)
    .filter(([, n]) => n > 0)
    .map(([w, n]) => `${n} in ${w} day${w === 1 ? "" : "s"}`);
  const text = digestText(day, timeZone, authorizations);
  const ids = await db.$transaction((tx) =>
    Promise.all(
      admins.map((admin) =>
        recordMail(tx, {
          to: admin.email,
          kind: EXPIRY_DIGEST_KIND,
          subject: `Authorizations ending: ${counts.join(", ")}`,
          text,
          dedupeKey: `${EXPIRY_DIGEST_KIND}:${day}:${admin.id}`,
        }),
      ),
    ),
  );
  await deliverAfterCommit(ids);
  return { day, authorizations, recorded: ids.filter(Boolean).length };
}
