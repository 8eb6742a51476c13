import "server-only";
// The CSV exports of /admin/authorizations: the authorizations themselves, or the articles they
// cover, under the list's filters. Written with csv-stringify (RFC 4180 quoting) with a UTF-8
// byte-order mark so spreadsheet programs read Chinese and other scripts right. Any cell that a
// spreadsheet could take for a formula is prefixed with a single quote.
import { stringify } from "csv-stringify/sync";
import { authorizationsForExport, coveredArticlesForExport } from "@/lib/rights/authorizations/list";
import type { AuthorizationFilters } from "@/lib/rights/authorizations/schema";
import { env } from "@/lib/platform/env";
import { absoluteUrl } from "@/lib/platform/site-url";
import { coverageEnd } from "@/lib/rights/coverage";
import { authorizationPubstatus, usageTerms } from "@/lib/rights/ninjs-fields";
import { policyPath } from "./odrl-policy";
import { derivedStatus, isoDate } from "./status";

export type ExportKind = "authorizations" | "articles";

/** Characters that make a spreadsheet read a cell as a formula (with tab and CR, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value as text, neutralized when a spreadsheet would evaluate it. */
export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join("; ");
  else if (typeof value === "boolean") text = value ? "yes" : "no";
  else text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function toCsv(columns: readonly string[], rows: unknown[][]): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    { header: true, columns: [...columns], bom: true, record_delimiter: "\r\n" },
  );
}

const AUTHORIZATION_COLUMNS = [
  "Authorization ID",
  "Source",
  "Scope",
  "Scope URL",
  "Scope author",
  "Status",
  "Valid from",
  "Valid until",
  "Attribution required",
  "Attribution text",
  "Link back required",
  "Canonical link to the original",
  "Modification allowed",
  "Translation allowed",
  "Omission allowed",
  "Territories",
  "Channels",
  "On termination",
  "Grantor statement",
  "Evidence",
  "Articles covered",
  "Requested at",
  "Requested by",
  "Decided at",
  "Decided by",
  "Denial reason",
  "Revoked at",
  "Revoked by",
  "Revocation reason",
  "Renews",
  // The same rights in IPTC ninjs names (lib/rights/ninjs-fields.ts), and the ODRL policy.
  "Pubstatus",
  "Copyright holder",
  "Copyright notice",
  "Usage terms",
  "Expires",
  "ODRL policy",
] as const;

const ARTICLE_COLUMNS = [
  "Article ID",
  "Title",
  "Slug",
  "Article status",
  "Published at",
  "Withdrawn at",
  "Original URL",
  "Authorization ID",
  "Authorization source",
  "Authorization scope",
  "Authorization status",
  "Valid from",
  "Valid until",
  "On termination",
] as const;

/**
 * When what it covers stops being served, renewals counted: from now for one in force, from its
 * start for one granted for later; "no end" for none, blank when it covers nothing.
 */
function expiresCell(
  authorization: Parameters<typeof coverageEnd>[0],
  at: Date,
): { cell: string; until: Date | null } {
  const from =
    authorization.status === "GRANTED" && authorization.validFrom.getTime() > at.getTime()
      ? authorization.validFrom
      : at;
  const coverage = coverageEnd(authorization, from);
  if (!coverage.covered) return { cell: "", until: null };
  return { cell: coverage.until ? coverage.until.toISOString() : "no end", until: coverage.until };
}

export async function authorizationsCsv(
  filters: Omit<AuthorizationFilters, "page">,
  at: Date,
): Promise<string> {
  const rows = await authorizationsForExport(filters, at);
  return toCsv(
    AUTHORIZATION_COLUMNS,
    rows.map((a) => {
      const expires = expiresCell(a, at);
      return [
        a.id,
        a.source.name,
        a.scope,
        a.scopeUrl,
        a.scopeAuthorName,
        derivedStatus(a, at),
        isoDate(a.validFrom),
        isoDate(a.validUntil),
        a.attributionRequired,
        a.attributionText,
        a.linkBackRequired,
        a.canonicalToOriginal,
        a.modificationAllowed,
        a.translationAllowed,
        a.omissionAllowed,
        a.territories,
        a.channels,
        a.onTermination,
        a.grantorStatement,
        a._count.evidence,
        a._count.articles,
        a.requestedAt,
        a.requestedBy?.email,
        a.decidedAt,
        a.decidedBy?.email,
        a.denialReason,
        a.revokedAt,
        a.revokedBy?.email,
        a.revocationReason,
        a.renewsId,
        authorizationPubstatus(a, at),
        a.source.name,
        a.attributionText,
        usageTerms({ holder: a.source.name, ...a, until: expires.until }),
        expires.cell,
        absoluteUrl(env.SITE_URL, policyPath(a.id)),
      ];
    }),
  );
}

export async function coveredArticlesCsv(
  filters: Omit<AuthorizationFilters, "page">,
  at: Date,
): Promise<string> {
  const rows = await coveredArticlesForExport(filters, at);
  return toCsv(
    ARTICLE_COLUMNS,
    rows.map((article) => {
      const a = article.authorization!;
      return [
        article.id,
        article.title,
        article.slug,
        article.status,
        article.publishedAt,
        article.withdrawnAt,
        article.originalUrl,
        a.id,
        a.source.name,
        a.scope,
        derivedStatus(a, at),
        isoDate(a.validFrom),
        isoDate(a.validUntil),
        a.onTermination,
      ];
    }),
  );
}

export async function exportCsv(
  what: ExportKind,
  filters: Omit<AuthorizationFilters, "page">,
  at: Date,
): Promise<{ fileName: string; body: string }> {
  const stamp = at.toISOString().slice(0, 10);
  return what === "articles"
    ? { fileName: `covered-articles-${stamp}.csv`, body: await coveredArticlesCsv(filters, at) }
    : { fileName: `authorizations-${stamp}.csv`, body: await authorizationsCsv(filters, at) };
}
