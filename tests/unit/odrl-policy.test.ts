// An authorization exported as an ODRL 2.2 policy is valid JSON-LD under the ODRL context (the
// W3C context file, served from a local copy: no network), expands with no term dropped, says in
// ODRL's vocabulary what the terms say, and reads back into exactly the same terms for every
// scope and every combination of flags.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import {
  authorizationPolicy,
  ODRL_CONTEXT,
  parseAuthorizationPolicy,
  policyPath,
  profileIri,
  type PolicyAuthorization,
} from "@/lib/rights/authorizations/odrl-policy";
import { termsOf, type Terms } from "@/lib/rights/authorizations/terms";

const SITE = "https://news.example/desk";
const ODRL = "http://www.w3.org/ns/odrl/2/";
const PROFILE = profileIri(SITE);

const contextFile = createRequire(import.meta.url).resolve(
  "@digitalbazaar/odrl-context/contexts/odrl.jsonld",
);
const odrlContext: unknown = JSON.parse(readFileSync(contextFile, "utf8"));

/** Serves the ODRL context from the local file; anything else is a test failure, never a fetch. */
const documentLoader = async (url: string) => {
  if (url !== ODRL_CONTEXT) throw new Error(`Tests fetch nothing: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: odrlContext };
};

/** Expansion in safe mode: any term the context cannot map, or any value it must drop, throws. */
async function expandSafely(document: object) {
  return jsonld.expand(
    document as jsonld.JsonLdDocument,
    {
      documentLoader,
      safe: true,
    } as jsonld.Options.Expand,
  );
}

const BASE: PolicyAuthorization = {
  id: "cmauth0001",
  status: "GRANTED",
  source: { name: "卜一刀 Bu Yidao", slug: "bu-yidao" },
  scope: "WHOLE_SOURCE",
  scopeUrl: null,
  scopeAuthorName: null,
  validFrom: new Date("2026-01-01T00:00:00.000Z"),
  validUntil: new Date("2027-01-01T00:00:00.000Z"),
  attributionRequired: true,
  attributionText: "Source: WeChat official account 卜一刀, reprinted with authorization",
  linkBackRequired: true,
  canonicalToOriginal: false,
  modificationAllowed: false,
  translationAllowed: true,
  omissionAllowed: false,
  territories: ["worldwide", "中国大陆"],
  channels: ["website", "newsletter"],
  onTermination: "TAKE_DOWN",
  grantorStatement: "同意转载，请注明出处。\nAgreed, please credit us.",
};

const SCOPES: Array<Pick<Terms, "scope" | "scopeUrl" | "scopeAuthorName">> = [
  { scope: "WHOLE_SOURCE", scopeUrl: null, scopeAuthorName: null },
  {
    scope: "ARTICLE",
    scopeUrl: "https://mp.weixin.qq.com/s?__biz=MzA&mid=2650&idx=1",
    scopeAuthorName: null,
  },
  { scope: "AUTHOR", scopeUrl: null, scopeAuthorName: "虎刀 & 刀刀姐" },
];

/** Every scope × every flag × with and without an end, lists, wording and a statement. */
function* everyCombination(): Generator<PolicyAuthorization> {
  const bits = (n: number, count: number) => Array.from({ length: count }, (_, i) => Boolean(n & (1 << i)));
  for (const scope of SCOPES) {
    for (let n = 0; n < 1 << 11; n++) {
      const [
        attributionRequired,
        linkBackRequired,
        canonicalToOriginal,
        modificationAllowed,
        translationAllowed,
        takeDown,
        ends,
        lists,
        wording,
        statement,
        omissionAllowed,
      ] = bits(n, 11) as boolean[];
      yield {
        ...BASE,
        ...scope,
        attributionRequired: attributionRequired!,
        attributionText: wording ? BASE.attributionText : "",
        linkBackRequired: linkBackRequired!,
        canonicalToOriginal: canonicalToOriginal!,
        modificationAllowed: modificationAllowed!,
        translationAllowed: translationAllowed!,
        omissionAllowed: omissionAllowed!,
        onTermination: takeDown ? "TAKE_DOWN" : "KEEP_EXISTING",
        validUntil: ends ? BASE.validUntil : null,
        territories: lists ? BASE.territories : [],
        channels: lists ? [BASE.channels[0]!] : [],
        grantorStatement: statement ? BASE.grantorStatement : "",
      };
    }
  }
}

/** The policy as a client downloads it: serialized and read back. */
const download = (authorization: PolicyAuthorization) =>
  JSON.parse(JSON.stringify(authorizationPolicy(authorization, SITE))) as Record<string, unknown>;

type Expanded = Record<string, unknown[]>;
const first = (node: Expanded, property: string) => node[property]?.[0] as Expanded;
const ids = (node: Expanded, property: string) =>
  (node[property] ?? []).map((v) => (v as { "@id": string })["@id"]);

describe("ODRL policy of an authorization", () => {
  it("round-trips the terms for every scope and every combination of flags", () => {
    let count = 0;
    for (const authorization of everyCombination()) {
      const parsed = parseAuthorizationPolicy(download(authorization));
      expect(parsed, JSON.stringify(termsOf(authorization))).toEqual({
        ok: true,
        terms: termsOf(authorization),
      });
      count++;
    }
    expect(count).toBe(3 * 2048);
  });

  it("expands under the ODRL context with no term dropped, for every scope and flag", async () => {
    for (const scope of SCOPES) {
      for (const flags of [
        {},
        { modificationAllowed: true, translationAllowed: false, attributionRequired: false },
        { canonicalToOriginal: true, onTermination: "KEEP_EXISTING" as const, validUntil: null },
        { status: "REQUESTED" as const, territories: [], channels: [], grantorStatement: "" },
      ]) {
        const expanded = await expandSafely(download({ ...BASE, ...scope, ...flags }));
        expect(expanded).toHaveLength(1);
        // And to RDF: every subject, predicate and object an absolute IRI or a literal.
        const quads = (await jsonld.toRDF(
          download({ ...BASE, ...scope, ...flags }) as jsonld.JsonLdDocument,
          {
            documentLoader,
            safe: true,
            format: "application/n-quads",
          } as jsonld.Options.ToRdf,
        )) as unknown as string;
        expect(quads.split("\n").filter(Boolean).length).toBeGreaterThan(20);
      }
    }
  });

  it("refuses, in the same check, a document with a term the ODRL context does not define", async () => {
    const policy = download(BASE);
    await expect(expandSafely(policy)).resolves.toHaveLength(1);
    await expect(expandSafely({ ...policy, attributionText: "dropped" })).rejects.toThrow();
    const [permission] = policy.permission as Array<Record<string, unknown>>;
    await expect(
      expandSafely({ ...policy, permission: [{ ...permission, linkBack: true }] }),
    ).rejects.toThrow();
  });

  it("says in ODRL's own vocabulary who granted what, to whom, where, when and on what duties", async () => {
    const [policy] = (await expandSafely(download(BASE))) as Expanded[];
    const sourceIri = `${SITE}/sources/bu-yidao`;
    expect(policy!["@id"]).toBe(`${SITE}${policyPath(BASE.id)}`);
    expect(policy!["@type"]).toEqual([`${ODRL}Agreement`]);
    expect(ids(policy!, `${ODRL}profile`)).toEqual([PROFILE]);
    expect(ids(policy!, `${ODRL}assigner`)).toEqual([sourceIri]);
    expect(first(policy!, `${ODRL}assigner`)["http://www.w3.org/2006/vcard/ns#fn"]).toEqual([
      { "@value": "卜一刀 Bu Yidao" },
    ]);
    expect(ids(policy!, `${ODRL}assignee`)).toEqual([`${SITE}/`]);
    expect(first(policy!, `${ODRL}target`)["@type"]).toEqual([`${ODRL}AssetCollection`]);

    const permissions = policy![`${ODRL}permission`] as Expanded[];
    expect(permissions.map((p) => ids(p, `${ODRL}action`)[0])).toEqual([
      `${ODRL}reproduce`,
      `${ODRL}distribute`,
      `${ODRL}translate`,
    ]);
    const distribute = permissions[1]!;
    const constraints = (distribute[`${ODRL}constraint`] as Expanded[]).map((c) => ({
      left: ids(c, `${ODRL}leftOperand`)[0],
      operator: ids(c, `${ODRL}operator`)[0],
      right: c[`${ODRL}rightOperand`],
    }));
    expect(constraints).toEqual([
      {
        left: `${ODRL}dateTime`,
        operator: `${ODRL}gteq`,
        right: [
          { "@value": "2026-01-01T00:00:00.000Z", "@type": "http://www.w3.org/2001/XMLSchema#dateTime" },
        ],
      },
      {
        left: `${ODRL}dateTime`,
        operator: `${ODRL}lt`,
        right: [
          { "@value": "2027-01-01T00:00:00.000Z", "@type": "http://www.w3.org/2001/XMLSchema#dateTime" },
        ],
      },
      {
        left: `${ODRL}spatial`,
        operator: `${ODRL}isAnyOf`,
        right: [{ "@value": "worldwide" }, { "@value": "中国大陆" }],
      },
      {
        left: `${ODRL}deliveryChannel`,
        operator: `${ODRL}isAnyOf`,
        right: [{ "@value": "website" }, { "@value": "newsletter" }],
      },
    ]);
    const duties = distribute[`${ODRL}duty`] as Expanded[];
    expect(duties.map((d) => ids(d, `${ODRL}action`)[0])).toEqual([
      `${ODRL}attribute`,
      `${PROFILE}#linkBack`,
      `${ODRL}delete`,
    ]);
    expect(ids(duties[0]!, `${ODRL}attributedParty`)).toEqual([sourceIri]);
    expect(duties[0]!["http://creativecommons.org/ns#attributionName"]).toEqual([
      { "@value": BASE.attributionText },
    ]);

    const prohibitions = policy![`${ODRL}prohibition`] as Expanded[];
    expect(prohibitions.map((p) => ids(p, `${ODRL}action`)[0])).toEqual([`${ODRL}modify`, `${PROFILE}#omit`]);
    expect(policy!["http://purl.org/dc/terms/description"]).toEqual([{ "@value": BASE.grantorStatement }]);
  });

  it("names one original by its URL and one author's works by the author, inside the source's works", async () => {
    const [article] = (await expandSafely(download({ ...BASE, ...SCOPES[1]! }))) as Expanded[];
    const asset = first(article!, `${ODRL}target`);
    expect(asset["@id"]).toBe(SCOPES[1]!.scopeUrl);
    expect(asset["@type"]).toEqual([`${ODRL}Asset`]);
    expect(ids(asset, `${ODRL}partOf`)).toEqual([`${SITE}/sources/bu-yidao#works`]);

    const [author] = (await expandSafely(download({ ...BASE, ...SCOPES[2]! }))) as Expanded[];
    const works = first(author!, `${ODRL}target`);
    expect(works["http://purl.org/dc/terms/creator"]).toEqual([{ "@value": "虎刀 & 刀刀姐" }]);
  });

  it("is an Agreement once granted (also when revoked), a Request before or when denied", () => {
    const type = (status: PolicyAuthorization["status"]) => download({ ...BASE, status })["@type"];
    expect([type("GRANTED"), type("REVOKED"), type("REQUESTED"), type("DENIED")]).toEqual([
      "Agreement",
      "Agreement",
      "Request",
      "Request",
    ]);
  });

  it("refuses what is not a policy of this site, saying what is wrong", () => {
    expect(parseAuthorizationPolicy("nope")).toMatchObject({ ok: false });
    const other = parseAuthorizationPolicy({ ...download(BASE), "@context": "https://schema.org" });
    expect(other).toMatchObject({ ok: false, error: expect.stringContaining("@context") });
    const noDistribution = download(BASE);
    noDistribution.permission = (noDistribution.permission as Array<{ action: string }>).filter(
      (rule) => rule.action !== "distribute",
    );
    expect(parseAuthorizationPolicy(noDistribution)).toEqual({
      ok: false,
      error: "The policy permits no distribution from a start date.",
    });
  });
});
