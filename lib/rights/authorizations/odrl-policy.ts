// A reprint authorization as a W3C ODRL 2.2 policy in JSON-LD, and back. Pure: the route
// (/admin/authorizations/<id>/policy.jsonld) loads the record, tests round-trip the terms.
//
// Mapping (ODRL 2.2 Information Model and Vocabulary; terms of the ODRL JSON-LD context):
// - type: Agreement for a grant (GRANTED, or REVOKED: it was agreed). ODRL's Agreement is a policy
//   between a named assigner and a named assignee, which a recorded grant is: the source granted
//   these terms to this site. An Offer has no assignee yet and a Set names no parties, so neither
//   says what the record says. What was only asked for (REQUESTED, DENIED) is a Request.
// - assigner: the source (its page on this site); assignee: the site.
// - target: all of the source's works (an AssetCollection), one original (an Asset, its URL), or
//   one author's works (an AssetCollection partOf the source's, with dct:creator).
// - permissions: reproduce and distribute, and modify, translate and the profile's omit when the
//   terms allow them,
//   each limited by constraints: dateTime gteq validFrom (and lt validUntil), spatial isAnyOf the
//   territories, deliveryChannel isAnyOf the channels (ODRL 2.2's own left operand for a channel).
// - duties of distribute: attribute (attributedParty the source, the text as cc:attributionName),
//   the profile's linkBack and canonicalToOriginal, and delete when covered pieces are taken
//   down at the end (ODRL's delete: remove the copies once the use is over).
// - prohibitions: each of modify, translate and omit that the terms do not allow.
// - What ODRL has no term for is in this site's profile (`profileIri`): the two duties above, omit
//   (leaving passages of the original out of a translation) and the recorded status. The grantor's own words are the policy's dct:description.
import { absoluteUrl } from "@/lib/platform/site-url";
import type { AuthorizationStatus } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { termsOf, type Terms } from "./terms";

export const ODRL_CONTEXT = "http://www.w3.org/ns/odrl.jsonld";
const XSD_DATE_TIME = "xsd:dateTime";

export interface PolicyAuthorization extends Terms {
  id: string;
  status: AuthorizationStatus;
  source: { name: string; slug: string };
}

type Node = Record<string, unknown>;

/** Where the policy is downloaded, which is also its uid. */
export function policyPath(authorizationId: string): string {
  return `/admin/authorizations/${encodeURIComponent(authorizationId)}/policy.jsonld`;
}

/** The profile that names what ODRL 2.2 has no term for. */
export function profileIri(siteUrl: string): string {
  return absoluteUrl(siteUrl, "/rights/odrl-profile");
}

const profileTerm = (profile: string, name: "linkBack" | "canonicalToOriginal" | "omit" | "status") =>
  `${profile}#${name}`;

const dateTimeValue = (date: Date) => ({ "@value": date.toISOString(), "@type": XSD_DATE_TIME });

function constraintsOf(terms: Terms): Node[] {
  const constraints: Node[] = [
    { leftOperand: "dateTime", operator: "gteq", rightOperand: dateTimeValue(terms.validFrom) },
  ];
  if (terms.validUntil) {
    constraints.push({
      leftOperand: "dateTime",
      operator: "lt",
      rightOperand: dateTimeValue(terms.validUntil),
    });
  }
  if (terms.territories.length) {
    constraints.push({ leftOperand: "spatial", operator: "isAnyOf", rightOperand: [...terms.territories] });
  }
  if (terms.channels.length) {
    constraints.push({
      leftOperand: "deliveryChannel",
      operator: "isAnyOf",
      rightOperand: [...terms.channels],
    });
  }
  return constraints;
}

function targetOf(terms: Terms, sourceIri: string): Node {
  const works = `${sourceIri}#works`;
  // The wording asked for, when asked for, is the attribute duty's; wording given without the
  // requirement belongs to the works (cc:attributionName is a property of a work in CC REL).
  const wording =
    !terms.attributionRequired && terms.attributionText
      ? { "cc:attributionName": terms.attributionText }
      : {};
  switch (terms.scope) {
    case "WHOLE_SOURCE":
      return { "@type": "AssetCollection", uid: works, "dct:publisher": { "@id": sourceIri }, ...wording };
    case "ARTICLE":
      return { "@type": "Asset", uid: terms.scopeUrl, partOf: works, ...wording };
    case "AUTHOR":
      return {
        "@type": "AssetCollection",
        uid: `${works}-by-${encodeURIComponent(terms.scopeAuthorName ?? "")}`,
        partOf: works,
        "dct:creator": terms.scopeAuthorName,
        ...wording,
      };
  }
}

function dutiesOf(terms: Terms, sourceIri: string, profile: string): Node[] {
  const duties: Node[] = [];
  if (terms.attributionRequired) {
    duties.push({
      action: "attribute",
      attributedParty: sourceIri,
      ...(terms.attributionText ? { "cc:attributionName": terms.attributionText } : {}),
    });
  }
  if (terms.linkBackRequired) duties.push({ action: profileTerm(profile, "linkBack") });
  if (terms.canonicalToOriginal) duties.push({ action: profileTerm(profile, "canonicalToOriginal") });
  if (terms.onTermination === "TAKE_DOWN") duties.push({ action: "delete" });
  return duties;
}

/** The ODRL 2.2 policy of one authorization, as a JSON-LD document. */
export function authorizationPolicy(authorization: PolicyAuthorization, siteUrl: string): Node {
  const profile = profileIri(siteUrl);
  const sourceIri = absoluteUrl(siteUrl, `/sources/${encodeURIComponent(authorization.source.slug)}`);
  const constraint = constraintsOf(authorization);
  const duty = dutiesOf(authorization, sourceIri, profile);
  const optional: Array<[action: string, allowed: boolean]> = [
    ["modify", authorization.modificationAllowed],
    ["translate", authorization.translationAllowed],
    [profileTerm(profile, "omit"), authorization.omissionAllowed],
  ];
  const actions = ["reproduce", "distribute", ...optional.filter(([, allowed]) => allowed).map(([a]) => a)];
  const prohibited = optional.filter(([, allowed]) => !allowed).map(([action]) => action);
  const granted = authorization.status === "GRANTED" || authorization.status === "REVOKED";
  return {
    "@context": ODRL_CONTEXT,
    "@type": granted ? "Agreement" : "Request",
    uid: absoluteUrl(siteUrl, policyPath(authorization.id)),
    profile,
    [profileTerm(profile, "status")]: authorization.status,
    ...(authorization.grantorStatement ? { "dct:description": authorization.grantorStatement } : {}),
    assigner: { "@type": "Party", uid: sourceIri, "vcard:fn": authorization.source.name },
    assignee: { "@type": "Party", uid: absoluteUrl(siteUrl, "/") },
    target: targetOf(authorization, sourceIri),
    permission: actions.map((action) => ({
      action,
      constraint,
      ...(action === "distribute" && duty.length ? { duty } : {}),
    })),
    ...(prohibited.length ? { prohibition: prohibited.map((action) => ({ action })) } : {}),
  };
}

// ─── Reading a policy back ───────────────────────────────────────────────────

const text = z.string();
const DateTimeValue = z.object({ "@value": z.iso.datetime(), "@type": z.literal(XSD_DATE_TIME) });
const Constraint = z.object({
  leftOperand: z.string(),
  operator: z.string(),
  rightOperand: z.union([DateTimeValue, text, z.array(text)]),
});
const Rule = z.object({
  action: text,
  constraint: z.array(Constraint).optional(),
  duty: z.array(z.looseObject({ action: text, "cc:attributionName": text.optional() })).optional(),
});
const PolicySchema = z.object({
  "@context": z.literal(ODRL_CONTEXT),
  "@type": z.enum(["Agreement", "Request"]),
  profile: text,
  "dct:description": text.optional(),
  target: z.looseObject({
    "@type": z.enum(["Asset", "AssetCollection"]),
    uid: text,
    "dct:creator": text.optional(),
    "cc:attributionName": text.optional(),
  }),
  permission: z.array(Rule),
  prohibition: z.array(Rule).optional(),
});

export type PolicyParse = { ok: true; terms: Terms } | { ok: false; error: string };

function listOperand(rule: z.infer<typeof Rule>, leftOperand: string): string[] {
  const found = rule.constraint?.find((c) => c.leftOperand === leftOperand && c.operator === "isAnyOf");
  if (!found) return [];
  return typeof found.rightOperand === "string" ? [found.rightOperand] : (found.rightOperand as string[]);
}

function dateOperand(rule: z.infer<typeof Rule>, operator: "gteq" | "lt"): Date | null {
  const found = rule.constraint?.find((c) => c.leftOperand === "dateTime" && c.operator === operator);
  const value = found?.rightOperand;
  return value && typeof value === "object" && "@value" in value ? new Date(value["@value"]) : null;
}

/** The authorization terms an exported policy states; an error for a document that is not one. */
export function parseAuthorizationPolicy(document: unknown): PolicyParse {
  const parsed = PolicySchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `Not a policy of this site: ${issue?.path.join(".") || "document"}: ${issue?.message}`,
    };
  }
  const policy = parsed.data;
  const distribute = policy.permission.find((rule) => rule.action === "distribute");
  const validFrom = distribute && dateOperand(distribute, "gteq");
  if (!distribute || !validFrom)
    return { ok: false, error: "The policy permits no distribution from a start date." };
  const duties = distribute.duty ?? [];
  const hasDuty = (action: string) => duties.some((duty) => duty.action === action);
  const attribute = duties.find((duty) => duty.action === "attribute");
  const permits = (action: string) => policy.permission.some((rule) => rule.action === action);
  const { target } = policy;
  const scope =
    target["@type"] === "Asset" ? "ARTICLE" : target["dct:creator"] !== undefined ? "AUTHOR" : "WHOLE_SOURCE";
  return {
    ok: true,
    terms: termsOf({
      scope,
      scopeUrl: scope === "ARTICLE" ? target.uid : null,
      scopeAuthorName: scope === "AUTHOR" ? (target["dct:creator"] ?? null) : null,
      validFrom,
      validUntil: dateOperand(distribute, "lt"),
      attributionRequired: attribute !== undefined,
      attributionText: attribute?.["cc:attributionName"] ?? target["cc:attributionName"] ?? "",
      linkBackRequired: hasDuty(profileTerm(policy.profile, "linkBack")),
      canonicalToOriginal: hasDuty(profileTerm(policy.profile, "canonicalToOriginal")),
      modificationAllowed: permits("modify"),
      translationAllowed: permits("translate"),
      omissionAllowed: permits(profileTerm(policy.profile, "omit")),
      territories: listOperand(distribute, "spatial"),
      channels: listOperand(distribute, "deliveryChannel"),
      onTermination: hasDuty("delete") ? "TAKE_DOWN" : "KEEP_EXISTING",
      grantorStatement: policy["dct:description"] ?? "",
    }),
  };
}
