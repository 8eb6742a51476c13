// Rights as standard data: the content API's ninjs fields say until when a reprint is served
// (renewals counted, as the visibility rule counts them), each authorization downloads as an ODRL
// policy that reads back into its stored terms (staff who may read authorizations only), and the
// CSV report carries the same columns.
import { afterEach, describe, expect, it } from "vitest";
import { publishArticle } from "@/lib/articles/workflow";
import { getApiArticle } from "@/lib/content-api/content-api";
import { advanceClock, now, resetClock, setClock } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { exportCsv } from "@/lib/rights/authorizations/export";
import { policyDownload } from "@/lib/rights/authorizations/http";
import { parseAuthorizationPolicy, policyPath } from "@/lib/rights/authorizations/odrl-policy";
import { AuthorizationFiltersSchema } from "@/lib/rights/authorizations/schema";
import { termsOf } from "@/lib/rights/authorizations/terms";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const HOUR = 3_600_000;
const T0 = new Date("2026-06-01T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

afterEach(() => resetClock());

async function source() {
  const suffix = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return db.source.create({
    data: { name: `Standard source ${suffix}`, slug: `standard-${suffix}`, kind: "WEBSITE" },
  });
}

type GrantFields = {
  validFrom: Date;
  validUntil?: Date;
  renewsId?: string;
  status?: "GRANTED" | "REQUESTED";
  onTermination?: "TAKE_DOWN" | "KEEP_EXISTING";
};

function grant(sourceId: string, fields: GrantFields) {
  return db.reprintAuthorization.create({
    data: {
      sourceId,
      status: fields.status ?? "GRANTED",
      decidedAt: fields.validFrom,
      validFrom: fields.validFrom,
      validUntil: fields.validUntil ?? null,
      renewsId: fields.renewsId ?? null,
      onTermination: fields.onTermination ?? "TAKE_DOWN",
      attributionText: "Reprinted with permission.",
      linkBackRequired: true,
      territories: ["worldwide"],
      channels: ["website"],
      grantorStatement: "Private words of the grantor",
      evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
    },
  });
}

async function publishedReprint(sourceId: string) {
  const editor = await createTestUser("EDITOR");
  const created = await createTestArticle(editor, { title: "A covered reprint", kind: "REPRINT", sourceId });
  return publishArticle({ id: created.id, version: created.version }, context(editor));
}

async function apiArticle(slug: string) {
  const found = await getApiArticle(slug, now());
  if (found.status !== "found") throw new Error(`expected the article, got ${found.status}`);
  return found.article;
}

describe("the content API's ninjs fields", () => {
  it("expire at the end of the run of grants in force, renewals counted, and the URL answers 451 after", async () => {
    setClock(T0);
    const { id: sourceId, name } = await source();
    const original = await grant(sourceId, { validFrom: at(-1), validUntil: at(1) });
    const article = await publishedReprint(sourceId);
    expect(await apiArticle(article.slug)).toMatchObject({
      pubstatus: "usable",
      copyrightholder: name,
      copyrightnotice: "Reprinted with permission.",
      embargoed: null,
      expires: at(1).toISOString(),
    });

    // A renewal that starts when the original ends, and a renewal of the renewal after it.
    const renewal = await grant(sourceId, { validFrom: at(1), validUntil: at(3), renewsId: original.id });
    await grant(sourceId, { validFrom: at(2), validUntil: at(5), renewsId: renewal.id });
    // A renewal only asked for extends nothing.
    await grant(sourceId, { validFrom: at(5), renewsId: original.id, status: "REQUESTED" });
    const renewed = await apiArticle(article.slug);
    expect(renewed.expires).toBe(at(5).toISOString());
    expect(renewed.usageterms).toBe(
      `Reprinted with the authorization of ${name}, given to this site only: republishing it needs the permission of ${name}. ` +
        `Attribution required: “Reprinted with permission.” A link to the original is required. ` +
        `The authorization ends at ${at(5).toISOString()}.`,
    );
    expect(renewed.usageterms).not.toContain("Private words");

    advanceClock(4 * HOUR); // served by the second renewal now
    expect((await apiArticle(article.slug)).expires).toBe(at(5).toISOString());
    advanceClock(HOUR);
    expect((await getApiArticle(article.slug, now())).status).toBe("withdrawn");
  });

  it("have no end when the grant has none or keeps existing pieces up", async () => {
    setClock(T0);
    const open = await source();
    await grant(open.id, { validFrom: at(-1) });
    expect((await apiArticle((await publishedReprint(open.id)).slug)).expires).toBeNull();

    const kept = await source();
    await grant(kept.id, { validFrom: at(-1), validUntil: at(1), onTermination: "KEEP_EXISTING" });
    const article = await publishedReprint(kept.id);
    expect((await apiArticle(article.slug)).expires).toBeNull();
    advanceClock(2 * HOUR);
    expect(await apiArticle(article.slug)).toMatchObject({ pubstatus: "usable", expires: null });
  });
});

describe("GET /admin/authorizations/<id>/policy.jsonld", () => {
  it("downloads the authorization as a JSON-LD policy that reads back into its stored terms", async () => {
    const { id: sourceId } = await source();
    const authorization = await grant(sourceId, { validFrom: at(-1), validUntil: at(24) });
    const editor = await createTestUser("EDITOR");
    const response = await policyDownload(editor, authorization.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toContain(
      `filename="authorization-${authorization.id}-policy.jsonld"`,
    );
    const policy = (await response.json()) as Record<string, unknown>;
    expect(policy).toMatchObject({
      "@context": "http://www.w3.org/ns/odrl.jsonld",
      "@type": "Agreement",
      uid: `${env.SITE_URL}${policyPath(authorization.id)}`,
    });
    const stored = await db.reprintAuthorization.findUniqueOrThrow({ where: { id: authorization.id } });
    expect(parseAuthorizationPolicy(policy)).toEqual({ ok: true, terms: termsOf(stored) });
  });

  it("answers 401 without a session, 403 to a writer, 404 for an id that names nothing", async () => {
    const { id: sourceId } = await source();
    const authorization = await grant(sourceId, { validFrom: at(-1) });
    expect((await policyDownload(null, authorization.id)).status).toBe(401);
    expect((await policyDownload(await createTestUser("WRITER"), authorization.id)).status).toBe(403);
    const admin = await createTestUser("ADMIN");
    expect((await policyDownload(admin, authorization.id)).status).toBe(200);
    for (const id of ["no-such-authorization", "../../etc/passwd", "x".repeat(65), ""]) {
      const refused = await policyDownload(admin, id);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual({
        error: {
          code: "NOT_FOUND",
          message: "No authorization has this id. Open it from the list of authorizations.",
        },
      });
    }
  });
});

describe("the authorizations CSV report", () => {
  it("carries pubstatus, copyright holder and notice, usage terms, expiry with renewals, and the policy URL", async () => {
    setClock(T0);
    const { id: sourceId, name } = await source();
    const lapsed = await grant(sourceId, { validFrom: at(-48), validUntil: at(-24) });
    const renewal = await grant(sourceId, { validFrom: at(-24), validUntil: at(48), renewsId: lapsed.id });
    const later = await grant(sourceId, { validFrom: at(24), validUntil: at(72) });
    const asked = await grant(sourceId, { validFrom: at(0), status: "REQUESTED" });
    const { body } = await exportCsv(
      "authorizations",
      AuthorizationFiltersSchema.parse({ source: sourceId }),
      now(),
    );
    const [header, ...rows] = body.slice(1).split("\r\n").filter(Boolean);
    const columns = header!.split(",");
    const cells = (id: string) => {
      const row = rows.find((line) => line.startsWith(`${id},`))!;
      // The new columns hold no commas but the usage terms, which are quoted.
      const tail = row.match(/,(usable|withheld|canceled),([^,]*),([^,]*),"([^"]*)",([^,]*),([^,]*)$/)!;
      return Object.fromEntries(columns.slice(-6).map((column, i) => [column, tail[i + 1]]));
    };
    expect(columns.slice(-6)).toEqual([
      "Pubstatus",
      "Copyright holder",
      "Copyright notice",
      "Usage terms",
      "Expires",
      "ODRL policy",
    ]);
    expect(cells(lapsed.id)).toMatchObject({
      Pubstatus: "canceled",
      "Copyright holder": name,
      "Copyright notice": "Reprinted with permission.",
      // What it covered stays up through its renewal until the renewal ends.
      Expires: at(48).toISOString(),
      "ODRL policy": `${env.SITE_URL}${policyPath(lapsed.id)}`,
    });
    expect(cells(renewal.id)).toMatchObject({ Pubstatus: "usable", Expires: at(48).toISOString() });
    expect(cells(renewal.id)["Usage terms"]).toContain(`The authorization ends at ${at(48).toISOString()}.`);
    expect(cells(later.id)).toMatchObject({ Pubstatus: "withheld", Expires: at(72).toISOString() });
    expect(cells(asked.id)).toMatchObject({ Pubstatus: "withheld", Expires: "" });
  });
});
