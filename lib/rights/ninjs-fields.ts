// Rights as IPTC ninjs (2.x) names them: pubstatus, copyrightholder, copyrightnotice, usageterms,
// embargoed, expires. The content API gives them with every article; the authorizations' CSV
// report gives the same columns per authorization. Pure, over loaded data; what each value means
// to a client is in docs/api.md.
import type { ArticleKind, AuthorizationStatus } from "@/lib/generated/prisma/enums";
import { authorizationStateAt, coverageEnd, type CoverageLink } from "./coverage";

/**
 * usable: may be shown now. withheld: not now, but it may become usable without anyone asking
 * again (a request awaiting the grantor, a grant whose term has not begun). canceled: the
 * permission is over (denied, revoked, its term ended): remove what was taken under it.
 */
export type Pubstatus = "usable" | "withheld" | "canceled";

export interface NinjsRights {
  /** Always "usable": the content API answers only for articles it may show (a withdrawn one is a 451). */
  pubstatus: "usable";
  copyrightholder: string | null;
  copyrightnotice: string | null;
  usageterms: string | null;
  /** Always null: nothing reaches the API before its publication time, so nothing it shows is embargoed. */
  embargoed: null;
  /** When the article stops being served unless the grant is renewed; null for no end. ISO 8601. */
  expires: string | null;
}

/** An authorization's state in ninjs words, at `at` (the CSV report's "Pubstatus" column). */
export function authorizationPubstatus(
  authorization: { status: AuthorizationStatus; validFrom: Date; validUntil: Date | null },
  at: Date,
): Pubstatus {
  switch (authorizationStateAt(authorization, at)) {
    case "VALID":
      return "usable";
    case "REQUESTED":
    case "NOT_YET_VALID":
      return "withheld";
    default:
      return "canceled";
  }
}

export interface UsageTermsInput {
  holder: string | null;
  attributionRequired: boolean;
  attributionText: string;
  linkBackRequired: boolean;
  /** The end of the coverage (renewals counted), or null for none. */
  until: Date | null;
}

/**
 * The terms in one paragraph, for people downstream: the permission is this site's only, and
 * what showing it here obliges. Nothing private: not the grantor's words, territories or channels.
 */
export function usageTerms(input: UsageTermsInput): string {
  const holder = input.holder ?? "its rights holder";
  const sentences = [
    `Reprinted with the authorization of ${holder}, given to this site only: republishing it needs the permission of ${holder}.`,
  ];
  if (input.attributionRequired) {
    const text = input.attributionText.trim();
    const stop = /[.!?。！？]$/u.test(text) ? "" : ".";
    sentences.push(text ? `Attribution required: “${text}”${stop}` : `Attribution to ${holder} required.`);
  }
  if (input.linkBackRequired) sentences.push("A link to the original is required.");
  if (input.until) sentences.push(`The authorization ends at ${input.until.toISOString()}.`);
  return sentences.join(" ");
}

export interface NinjsArticleInput {
  kind: ArticleKind;
  source: { name: string } | null;
  authorization:
    | (CoverageLink & { attributionRequired: boolean; attributionText: string; linkBackRequired: boolean })
    | null;
}

/**
 * The ninjs fields of a public article. Our own pieces carry no third party's rights: every
 * field but pubstatus is null. A reprint names its source as the copyright holder, its
 * attribution line (`copyrightnotice`, as the page shows it) and when its coverage ends.
 */
export function articleNinjsRights(
  article: NinjsArticleInput,
  attributionLine: string | null,
  at: Date,
): NinjsRights {
  const ours: NinjsRights = {
    pubstatus: "usable",
    copyrightholder: null,
    copyrightnotice: null,
    usageterms: null,
    embargoed: null,
    expires: null,
  };
  if (article.kind !== "REPRINT") return ours;
  const holder = article.source?.name ?? null;
  const authorization = article.authorization;
  const coverage = authorization ? coverageEnd(authorization, at) : null;
  const until = coverage?.covered ? coverage.until : null;
  return {
    ...ours,
    copyrightholder: holder,
    copyrightnotice: attributionLine,
    usageterms: usageTerms({
      holder,
      attributionRequired: authorization?.attributionRequired ?? true,
      attributionText: authorization?.attributionText ?? "",
      linkBackRequired: authorization?.linkBackRequired ?? false,
      until,
    }),
    expires: until?.toISOString() ?? null,
  };
}
