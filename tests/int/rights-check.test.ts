// The reprint-rights rule: which authorization allows a reprint to go public at a given moment,
// and why not when none does. Each reason at its boundary, precedence of a refusal that names
// the piece over a whole-source grant, automatic choice of a covering grant, AUTHOR and ARTICLE
// scope matching, the modification/translation conditions, renewals of a linked authorization,
// the RightsCheck record, and `isStillServable` for both termination terms.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  checkPublishable,
  decideRights,
  evaluateRights,
  isStillServable,
  normalizeUrl,
  RIGHTS_REASON_TEXT,
  RIGHTS_REASONS,
  type ArticleRights,
  type AuthorizationRights,
  type RightsDecision,
} from "@/lib/rights/check-publishable";
import type { CurrentUser } from "@/lib/platform/session";
import { createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

const AT = new Date("2026-03-01T12:00:00.000Z");
const MS = 1;
const DAY = 86_400_000;
const before = (ms: number) => new Date(AT.getTime() - ms);
const after = (ms: number) => new Date(AT.getTime() + ms);
const URL_A = "https://Example.COM/news/piece-a";

let editor: CurrentUser;

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
});

const unique = () => randomBytes(5).toString("hex");

async function source() {
  return db.source.create({
    data: { name: `Source ${unique()}`, slug: `source-${unique()}`, kind: "WEBSITE" },
  });
}

async function authorization(
  sourceId: string,
  data: Partial<Omit<Prisma.ReprintAuthorizationUncheckedCreateInput, "sourceId">> = {},
) {
  return db.reprintAuthorization.create({
    data: { sourceId, status: "GRANTED", validFrom: before(DAY), ...data },
  });
}

async function person(name: string, nativeName?: string) {
  return db.person.create({ data: { name, nativeName, slug: `person-${unique()}` } });
}

type ReprintOverrides = NonNullable<Parameters<typeof createTestArticle>[1]>;

async function reprint(sourceId: string | null, overrides: ReprintOverrides = {}) {
  return createTestArticle(editor, { kind: "REPRINT", sourceId, originalUrl: URL_A, ...overrides });
}

function check(articleId: string, at: Date = AT): Promise<RightsDecision> {
  return db.$transaction((tx) => checkPublishable(tx, articleId, at));
}

const refused = (reasons: string[], authorizationId: string | null) => ({
  allowed: false,
  reasons,
  authorizationId,
});

describe("the reason list", () => {
  it("has one actionable sentence per reason, and keeps the NO_SOURCE wording", () => {
    expect(Object.keys(RIGHTS_REASON_TEXT).sort()).toEqual([...RIGHTS_REASONS].sort());
    for (const reason of RIGHTS_REASONS) expect(RIGHTS_REASON_TEXT[reason]).toMatch(/^[A-Z].*\.$/);
    expect(RIGHTS_REASON_TEXT.NO_SOURCE).toBe("A reprint needs its source before it can be published.");
  });
});

describe("original pieces", () => {
  it("are always allowed, with no authorization, even beside a revocation naming their URL", async () => {
    const s = await source();
    await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: URL_A,
      status: "REVOKED",
      revokedAt: before(DAY),
    });
    const plain = await createTestArticle(editor);
    const withSource = await createTestArticle(editor, {
      kind: "ORIGINAL",
      sourceId: s.id,
      originalUrl: URL_A,
    });
    expect(await check(plain.id)).toEqual({ allowed: true, authorizationId: null });
    expect(await check(withSource.id)).toEqual({ allowed: true, authorizationId: null });
  });
});

describe("NO_SOURCE", () => {
  it("refuses a reprint without a source", async () => {
    const article = await reprint(null);
    expect(await check(article.id)).toEqual({
      allowed: false,
      reasons: ["NO_SOURCE"],
      authorizationId: null,
    });
  });
});

describe("NO_COVERING_AUTHORIZATION", () => {
  it("refuses when the source has granted nothing", async () => {
    const s = await source();
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual(refused(["NO_COVERING_AUTHORIZATION"], null));
  });

  it("refuses when only a request is pending, or grants cover other pieces and authors", async () => {
    const s = await source();
    await authorization(s.id, { status: "REQUESTED" });
    await authorization(s.id, { scope: "ARTICLE", scopeUrl: "https://example.com/news/piece-b" });
    await authorization(s.id, { scope: "AUTHOR", scopeAuthorName: "Somebody Else" });
    const other = await source();
    await authorization(other.id); // another source's whole-source grant does not count
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual(refused(["NO_COVERING_AUTHORIZATION"], null));
  });

  it("refuses a linked authorization that is still only requested", async () => {
    const s = await source();
    const requested = await authorization(s.id, { status: "REQUESTED" });
    const article = await reprint(s.id, { authorizationId: requested.id });
    expect(await check(article.id)).toEqual(refused(["NO_COVERING_AUTHORIZATION"], requested.id));
  });
});

describe("NOT_YET_VALID", () => {
  it("is allowed from validFrom exactly, and refused one millisecond before", async () => {
    const s = await source();
    const grant = await authorization(s.id, { validFrom: AT });
    const auto = await reprint(s.id);
    const linked = await reprint(s.id, { authorizationId: grant.id });
    for (const article of [auto, linked]) {
      expect(await check(article.id, AT)).toEqual({ allowed: true, authorizationId: grant.id });
      expect(await check(article.id, before(MS))).toEqual(refused(["NOT_YET_VALID"], grant.id));
    }
  });
});

describe("EXPIRED", () => {
  it("is allowed one millisecond before validUntil and refused at validUntil exactly", async () => {
    const s = await source();
    const grant = await authorization(s.id, { validUntil: AT });
    const auto = await reprint(s.id);
    const linked = await reprint(s.id, { authorizationId: grant.id });
    for (const article of [auto, linked]) {
      expect(await check(article.id, before(MS))).toEqual({ allowed: true, authorizationId: grant.id });
      expect(await check(article.id, AT)).toEqual(refused(["EXPIRED"], grant.id));
    }
  });

  it("keep-existing terms do not make a lapsed authorization good for publishing", async () => {
    const s = await source();
    const grant = await authorization(s.id, { validUntil: before(MS), onTermination: "KEEP_EXISTING" });
    const article = await reprint(s.id, { authorizationId: grant.id });
    expect(await check(article.id)).toEqual(refused(["EXPIRED"], grant.id));
  });
});

describe("REVOKED", () => {
  it("refuses a linked authorization that was revoked, whatever its termination terms", async () => {
    const s = await source();
    for (const onTermination of ["TAKE_DOWN", "KEEP_EXISTING"] as const) {
      const revoked = await authorization(s.id, {
        status: "REVOKED",
        revokedAt: before(DAY / 2),
        onTermination,
      });
      const article = await reprint(s.id, { authorizationId: revoked.id });
      expect(await check(article.id)).toEqual(refused(["REVOKED"], revoked.id));
    }
  });

  it("explains an unlinked reprint whose only whole-source grant was revoked", async () => {
    const s = await source();
    const revoked = await authorization(s.id, { status: "REVOKED", revokedAt: before(DAY / 2) });
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual(refused(["REVOKED"], revoked.id));
  });
});

describe("DENIED", () => {
  it("refuses a linked authorization the source denied", async () => {
    const s = await source();
    const denied = await authorization(s.id, { status: "DENIED", decidedAt: before(DAY) });
    const article = await reprint(s.id, { authorizationId: denied.id });
    expect(await check(article.id)).toEqual(refused(["DENIED"], denied.id));
  });
});

describe("SCOPE_MISMATCH", () => {
  it("refuses a linked ARTICLE-scope grant for another URL", async () => {
    const s = await source();
    const grant = await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: "https://example.com/news/piece-b",
    });
    const article = await reprint(s.id, { authorizationId: grant.id });
    expect(await check(article.id)).toEqual(refused(["SCOPE_MISMATCH"], grant.id));
  });

  it("refuses a linked AUTHOR-scope grant when no author byline has that name (a translator does not count)", async () => {
    const s = await source();
    const translator = await person("Wang Fang");
    const author = await person("Li Lei");
    const grant = await authorization(s.id, { scope: "AUTHOR", scopeAuthorName: "Wang Fang" });
    const article = await reprint(s.id, {
      authorizationId: grant.id,
      bylines: [
        { personId: author.id, role: "AUTHOR" },
        { personId: translator.id, role: "TRANSLATOR" },
      ],
    });
    expect(await check(article.id)).toEqual(refused(["SCOPE_MISMATCH"], grant.id));
  });

  it("reports every problem of a linked authorization, in the fixed order", async () => {
    const s = await source();
    const grant = await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: "https://example.com/other",
      validUntil: before(MS),
    });
    const article = await reprint(s.id, { authorizationId: grant.id });
    expect(await check(article.id)).toEqual(refused(["EXPIRED", "SCOPE_MISMATCH"], grant.id));
  });
});

describe("conditions of the authorization", () => {
  it("MODIFICATION_NOT_PERMITTED unless the grant allows modified versions", async () => {
    const s = await source();
    const strict = await authorization(s.id);
    const lenient = await authorization(s.id, { modificationAllowed: true });
    const onStrict = await reprint(s.id, { authorizationId: strict.id, isModified: true });
    const onLenient = await reprint(s.id, { authorizationId: lenient.id, isModified: true });
    expect(await check(onStrict.id)).toEqual(refused(["MODIFICATION_NOT_PERMITTED"], strict.id));
    expect(await check(onLenient.id)).toEqual({ allowed: true, authorizationId: lenient.id });
  });

  it("TRANSLATION_NOT_PERMITTED unless the grant allows translation; both reasons when both apply", async () => {
    const s = await source();
    const strict = await authorization(s.id);
    const translations = await authorization(s.id, { translationAllowed: true });
    const translated = await reprint(s.id, { authorizationId: strict.id, isTranslation: true });
    const both = await reprint(s.id, { authorizationId: strict.id, isTranslation: true, isModified: true });
    const allowed = await reprint(s.id, { authorizationId: translations.id, isTranslation: true });
    expect(await check(translated.id)).toEqual(refused(["TRANSLATION_NOT_PERMITTED"], strict.id));
    expect(await check(both.id)).toEqual(
      refused(["MODIFICATION_NOT_PERMITTED", "TRANSLATION_NOT_PERMITTED"], strict.id),
    );
    expect(await check(allowed.id)).toEqual({ allowed: true, authorizationId: translations.id });
  });

  it("an unlinked reprint gets the covering grant whose conditions it meets", async () => {
    const s = await source();
    await authorization(s.id, { scope: "ARTICLE", scopeUrl: URL_A }); // more specific, but no translation
    const translations = await authorization(s.id, { translationAllowed: true });
    const article = await reprint(s.id, { isTranslation: true });
    expect(await check(article.id)).toEqual({ allowed: true, authorizationId: translations.id });
  });

  it("an unlinked reprint that no grant's conditions allow is refused with the reason", async () => {
    const s = await source();
    const grant = await authorization(s.id);
    const article = await reprint(s.id, { isModified: true });
    expect(await check(article.id)).toEqual(refused(["MODIFICATION_NOT_PERMITTED"], grant.id));
  });
});

describe("WRONG_SOURCE", () => {
  it("refuses an authorization granted by another source, even a valid one", async () => {
    const mine = await source();
    const theirs = await source();
    await authorization(mine.id);
    const foreign = await authorization(theirs.id);
    const article = await reprint(mine.id, { authorizationId: foreign.id });
    expect(await check(article.id)).toEqual(refused(["WRONG_SOURCE"], foreign.id));
  });
});

describe("choosing a covering grant automatically", () => {
  it("uses the source's whole-source grant when none is linked", async () => {
    const s = await source();
    await authorization(s.id, { status: "REQUESTED" });
    const grant = await authorization(s.id);
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual({ allowed: true, authorizationId: grant.id });
  });

  it("prefers the grant naming the piece, comparing URLs by host case, trailing slash and fragment", async () => {
    const s = await source();
    await authorization(s.id);
    const forPiece = await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: "https://example.com/news/piece-a/#top",
    });
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual({ allowed: true, authorizationId: forPiece.id });
  });

  it("prefers a grant without an end over one that ends", async () => {
    const s = await source();
    await authorization(s.id, { validUntil: after(DAY) });
    const open = await authorization(s.id);
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual({ allowed: true, authorizationId: open.id });
  });

  it("says NOT_YET_VALID rather than EXPIRED when a renewal starts later", async () => {
    const s = await source();
    await authorization(s.id, { validFrom: before(10 * DAY), validUntil: before(DAY) });
    const next = await authorization(s.id, { validFrom: after(DAY) });
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual(refused(["NOT_YET_VALID"], next.id));
  });

  it("says EXPIRED rather than nothing when a renewal is only requested", async () => {
    const s = await source();
    const old = await authorization(s.id, { validFrom: before(10 * DAY), validUntil: before(DAY) });
    await authorization(s.id, { status: "REQUESTED" });
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual(refused(["EXPIRED"], old.id));
  });
});

describe("AUTHOR scope", () => {
  it("covers a piece by that author: case-insensitive, trimmed, or by the native-script name", async () => {
    const s = await source();
    const grant = await authorization(s.id, { scope: "AUTHOR", scopeAuthorName: "  dao MEI " });
    const author = await person("Dao Mei");
    const article = await reprint(s.id, { bylines: [{ personId: author.id, role: "AUTHOR" }] });
    expect(await check(article.id)).toEqual({ allowed: true, authorizationId: grant.id });

    const t = await source();
    const nativeGrant = await authorization(t.id, { scope: "AUTHOR", scopeAuthorName: "刀妹" });
    const native = await person("Dao Mei", "刀妹");
    const linked = await reprint(t.id, {
      authorizationId: nativeGrant.id,
      bylines: [{ personId: native.id, role: "AUTHOR" }],
    });
    expect(await check(linked.id)).toEqual({ allowed: true, authorizationId: nativeGrant.id });
  });

  it("does not cover a piece where that person is only the translator", async () => {
    const s = await source();
    await authorization(s.id, { scope: "AUTHOR", scopeAuthorName: "Dao Mei" });
    const translator = await person("Dao Mei");
    const article = await reprint(s.id, { bylines: [{ personId: translator.id, role: "TRANSLATOR" }] });
    expect(await check(article.id)).toEqual(refused(["NO_COVERING_AUTHORIZATION"], null));
  });
});

describe("precedence: a refusal that names the piece outranks a whole-source grant", () => {
  it("an ARTICLE-scope revocation for this URL beats a valid whole-source grant, linked or not", async () => {
    const s = await source();
    const whole = await authorization(s.id);
    const revoked = await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: "https://example.com/news/piece-a/",
      status: "REVOKED",
      decidedAt: before(3 * DAY),
      revokedAt: before(DAY),
    });
    const auto = await reprint(s.id);
    const linked = await reprint(s.id, { authorizationId: whole.id });
    expect(await check(auto.id)).toEqual(refused(["REVOKED"], revoked.id));
    expect(await check(linked.id)).toEqual(refused(["REVOKED"], revoked.id));
  });

  it("an AUTHOR-scope denial for one of its authors beats a valid whole-source grant", async () => {
    const s = await source();
    await authorization(s.id);
    const denied = await authorization(s.id, {
      scope: "AUTHOR",
      scopeAuthorName: "Li Lei",
      status: "DENIED",
    });
    const author = await person("Li Lei");
    const article = await reprint(s.id, { bylines: [{ personId: author.id, role: "AUTHOR" }] });
    expect(await check(article.id)).toEqual(refused(["DENIED"], denied.id));
  });

  it("a refusal for another URL or author does not matter", async () => {
    const s = await source();
    const whole = await authorization(s.id);
    await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: "https://example.com/news/piece-b",
      status: "REVOKED",
    });
    await authorization(s.id, { scope: "AUTHOR", scopeAuthorName: "Someone Else", status: "DENIED" });
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual({ allowed: true, authorizationId: whole.id });
  });

  it("a later grant for the same piece lifts an earlier denial; an earlier one does not lift a later revocation", async () => {
    const s = await source();
    await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: URL_A,
      status: "DENIED",
      decidedAt: before(10 * DAY),
    });
    const regrant = await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: URL_A,
      decidedAt: before(2 * DAY),
    });
    const lifted = await reprint(s.id);
    expect(await check(lifted.id)).toEqual({ allowed: true, authorizationId: regrant.id });

    const t = await source();
    await authorization(t.id, { scope: "ARTICLE", scopeUrl: URL_A, decidedAt: before(10 * DAY) });
    const revocation = await authorization(t.id, {
      scope: "ARTICLE",
      scopeUrl: URL_A,
      status: "REVOKED",
      decidedAt: before(9 * DAY),
      revokedAt: before(DAY),
    });
    const blocked = await reprint(t.id);
    expect(await check(blocked.id)).toEqual(refused(["REVOKED"], revocation.id));
  });

  it("when the grant that lifted a denial has itself expired, says EXPIRED", async () => {
    const s = await source();
    await authorization(s.id); // the whole-source grant cannot override the piece's own terms
    await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: URL_A,
      status: "DENIED",
      decidedAt: before(10 * DAY),
    });
    const lapsed = await authorization(s.id, {
      scope: "ARTICLE",
      scopeUrl: URL_A,
      decidedAt: before(5 * DAY),
      validUntil: before(MS),
    });
    const article = await reprint(s.id);
    expect(await check(article.id)).toEqual(refused(["EXPIRED"], lapsed.id));
  });
});

describe("renewals of a linked authorization", () => {
  it("a valid renewal stands in for the lapsed authorization the article links", async () => {
    const s = await source();
    const old = await authorization(s.id, { validFrom: before(10 * DAY), validUntil: before(DAY) });
    const renewal = await authorization(s.id, {
      renewsId: old.id,
      validFrom: before(DAY),
      decidedAt: before(DAY),
    });
    const article = await reprint(s.id, { authorizationId: old.id });
    expect(await check(article.id)).toEqual({ allowed: true, authorizationId: renewal.id });
  });

  it("a renewal that has not started yet is the reason given", async () => {
    const s = await source();
    const old = await authorization(s.id, { validFrom: before(10 * DAY), validUntil: before(DAY) });
    const renewal = await authorization(s.id, {
      renewsId: old.id,
      validFrom: after(DAY),
      decidedAt: before(DAY),
    });
    const article = await reprint(s.id, { authorizationId: old.id });
    expect(await check(article.id)).toEqual(refused(["NOT_YET_VALID"], renewal.id));
  });
});

describe("evaluateRights", () => {
  it("records exactly one RightsCheck per call with the decision's fields", async () => {
    const s = await source();
    const grant = await authorization(s.id, { validUntil: AT });
    const article = await reprint(s.id);

    const allowed = await db.$transaction((tx) =>
      evaluateRights(tx, { articleId: article.id, trigger: "PUBLISH", actorId: editor.id, at: before(MS) }),
    );
    expect(allowed).toEqual({ allowed: true, authorizationId: grant.id });
    const first = await db.rightsCheck.findMany({ where: { articleId: article.id } });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      articleId: article.id,
      authorizationId: grant.id,
      trigger: "PUBLISH",
      allowed: true,
      reasons: [],
      actorId: editor.id,
      createdAt: before(MS),
    });

    const refusal = await db.$transaction((tx) =>
      evaluateRights(tx, { articleId: article.id, trigger: "SWEEP", actorId: null, at: AT }),
    );
    expect(refusal).toEqual(refused(["EXPIRED"], grant.id));
    const rows = await db.rightsCheck.findMany({
      where: { articleId: article.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      authorizationId: grant.id,
      trigger: "SWEEP",
      allowed: false,
      reasons: ["EXPIRED"],
      actorId: null,
      createdAt: AT,
    });
  });

  it("records a refusal with no authorization, and an original piece's check", async () => {
    const noSource = await reprint(null);
    const original = await createTestArticle(editor);
    await db.$transaction(async (tx) => {
      await evaluateRights(tx, { articleId: noSource.id, trigger: "SCHEDULE", actorId: editor.id, at: AT });
      await evaluateRights(tx, {
        articleId: original.id,
        trigger: "SCHEDULED_PUBLISH",
        actorId: null,
        at: AT,
      });
    });
    expect(await db.rightsCheck.findMany({ where: { articleId: noSource.id } })).toEqual([
      expect.objectContaining({
        authorizationId: null,
        trigger: "SCHEDULE",
        allowed: false,
        reasons: ["NO_SOURCE"],
      }),
    ]);
    expect(await db.rightsCheck.findMany({ where: { articleId: original.id } })).toEqual([
      expect.objectContaining({
        authorizationId: null,
        trigger: "SCHEDULED_PUBLISH",
        allowed: true,
        reasons: [],
      }),
    ]);
  });

  it("writes nothing when the transaction rolls back (so a refusal must commit before it is reported)", async () => {
    const article = await reprint(null);
    await expect(
      db.$transaction(async (tx) => {
        await evaluateRights(tx, { articleId: article.id, trigger: "PUBLISH", actorId: editor.id, at: AT });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await db.rightsCheck.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("throws for an article that does not exist", async () => {
    await expect(
      db.$transaction((tx) =>
        evaluateRights(tx, { articleId: "missing", trigger: "PUBLISH", actorId: null, at: AT }),
      ),
    ).rejects.toThrow(/does not exist/);
  });
});

describe("isStillServable", () => {
  const base = { status: "GRANTED" as const, validFrom: before(DAY), validUntil: null };

  it("with TAKE_DOWN terms, only while valid", () => {
    const terms = { onTermination: "TAKE_DOWN" as const };
    expect(isStillServable({ ...base, ...terms }, AT)).toBe(true);
    expect(isStillServable({ ...base, ...terms, validUntil: after(MS) }, AT)).toBe(true);
    expect(isStillServable({ ...base, ...terms, validUntil: AT }, AT)).toBe(false);
    expect(isStillServable({ ...base, ...terms, status: "REVOKED" }, AT)).toBe(false);
  });

  it("with KEEP_EXISTING terms, also after it expired or was revoked", () => {
    const terms = { onTermination: "KEEP_EXISTING" as const };
    expect(isStillServable({ ...base, ...terms }, AT)).toBe(true);
    expect(isStillServable({ ...base, ...terms, validUntil: AT }, AT)).toBe(true);
    expect(isStillServable({ ...base, ...terms, status: "REVOKED" }, AT)).toBe(true);
  });

  it("never for what was never in force: denied, requested, not yet valid", () => {
    for (const onTermination of ["TAKE_DOWN", "KEEP_EXISTING"] as const) {
      expect(isStillServable({ ...base, onTermination, status: "DENIED" }, AT)).toBe(false);
      expect(isStillServable({ ...base, onTermination, status: "REQUESTED" }, AT)).toBe(false);
      expect(isStillServable({ ...base, onTermination, validFrom: after(MS) }, AT)).toBe(false);
    }
  });
});

describe("decideRights on plain data", () => {
  const article: ArticleRights = {
    kind: "REPRINT",
    sourceId: "s1",
    authorizationId: null,
    originalUrl: URL_A,
    isTranslation: false,
    isModified: false,
    authorNames: [],
  };
  const auth = (id: string, fields: Partial<AuthorizationRights> = {}): AuthorizationRights => ({
    id,
    sourceId: "s1",
    scope: "WHOLE_SOURCE",
    scopeUrl: null,
    scopeAuthorName: null,
    status: "GRANTED",
    validFrom: before(DAY),
    validUntil: null,
    modificationAllowed: false,
    translationAllowed: false,
    omissionAllowed: false,
    onTermination: "TAKE_DOWN",
    decidedAt: before(DAY),
    revokedAt: null,
    createdAt: before(2 * DAY),
    renewsId: null,
    ...fields,
  });

  it("orders and deduplicates reasons when several refusals name the piece", () => {
    const decision = decideRights(
      { ...article, authorNames: ["Li Lei"] },
      [
        auth("denied", { scope: "ARTICLE", scopeUrl: URL_A, status: "DENIED" }),
        auth("revoked-a", {
          scope: "AUTHOR",
          scopeAuthorName: "Li Lei",
          status: "REVOKED",
          revokedAt: before(MS),
        }),
        auth("revoked-b", { scope: "ARTICLE", scopeUrl: URL_A, status: "REVOKED", revokedAt: before(MS) }),
        auth("whole"),
      ],
      AT,
    );
    expect(decision).toEqual({
      allowed: false,
      reasons: ["REVOKED", "DENIED"],
      authorizationId: "revoked-b",
    });
  });

  it("an ARTICLE-scope grant outranks an AUTHOR-scope revocation", () => {
    const decision = decideRights(
      { ...article, authorNames: ["Li Lei"] },
      [
        auth("author-revoked", {
          scope: "AUTHOR",
          scopeAuthorName: "li lei",
          status: "REVOKED",
          revokedAt: AT,
        }),
        auth("piece", { scope: "ARTICLE", scopeUrl: URL_A, decidedAt: before(10 * DAY) }),
      ],
      AT,
    );
    expect(decision).toEqual({ allowed: true, authorizationId: "piece" });
  });

  it("a linked authorization missing from the data is not a grant", () => {
    expect(decideRights({ ...article, authorizationId: "gone" }, [auth("whole")], AT)).toEqual({
      allowed: false,
      reasons: ["NO_COVERING_AUTHORIZATION"],
      authorizationId: null,
    });
  });

  it("normalizes URLs: host case, trailing slash and fragment, not the query", () => {
    expect(normalizeUrl("https://EXAMPLE.com/a/b/#x")).toBe("https://example.com/a/b");
    expect(normalizeUrl("https://example.com/")).toBe("https://example.com");
    expect(normalizeUrl("https://mp.weixin.qq.com/s?__biz=1&mid=2#rd")).toBe(
      "https://mp.weixin.qq.com/s?__biz=1&mid=2",
    );
    expect(normalizeUrl("https://example.com/a?x=1")).not.toBe(normalizeUrl("https://example.com/a?x=2"));
  });
});
