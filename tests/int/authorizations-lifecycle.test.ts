// Reprint authorizations end to end, on this file's own database and real files in a temporary
// DATA_DIR: request → evidence → grant → revoke, refusals of every move the lifecycle forbids,
// two admins deciding at once, renewals, evidence files (checksums, size and type refusals,
// downloads), EXPIRED derived from a controlled clock, validation, the append-only history and
// the CSV exports.
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionFailure as ActionFailureType } from "@/lib/platform/actions/result";
import type { CurrentUser } from "@/lib/platform/session";

// Actions refresh cached pages; outside a request there are none.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

// lib/platform/env reads DATA_DIR when first imported: set it, then import the app's modules.
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "crosscurrent-authorizations-"));
process.env.DATA_DIR = DATA_DIR;

const actions = await import("@/app/(admin)/admin/authorizations/actions");
const { POST: uploadEvidenceRoute } = await import("@/app/api/admin/authorizations/evidence/route");
const { ActionFailure } = await import("@/lib/platform/actions/result");
const { runAction } = await import("@/lib/platform/actions/run-action");
const lifecycle = await import("@/lib/rights/authorizations/lifecycle");
const { csvCell, exportCsv } = await import("@/lib/rights/authorizations/export");
const { csvExport, evidenceDownload } = await import("@/lib/rights/authorizations/http");
const { resetClock, setClock } = await import("@/lib/platform/clock");
const { listAuthorizations } = await import("@/lib/rights/authorizations/list");
const { db } = await import("@/lib/platform/db");
const { env } = await import("@/lib/platform/env");
const { AUTHORIZATION_MESSAGES, MAX_EVIDENCE_BYTES, RecordRequestSchema, AuthorizationFiltersSchema } =
  await import("@/lib/rights/authorizations/schema");
const { createTestUser } = await import("../support/users");

const {
  AUTHORIZATION_CONFLICTS: C,
  addEvidenceFile,
  addEvidenceUrl,
  denyAuthorization,
  derivedStatus,
  grantAuthorization,
  recordRequest,
  renewAuthorization,
  revokeAuthorization,
} = lifecycle;

const UPLOADS = path.join(DATA_DIR, "uploads");
const T0 = new Date("2026-03-01T12:00:00.000Z");
let admin: CurrentUser;
let secondAdmin: CurrentUser;
let editor: CurrentUser;
let writer: CurrentUser;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  secondAdmin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  writer = await createTestUser("WRITER");
});
beforeEach(() => setClock(T0));
afterEach(() => resetClock());
afterAll(() => rm(DATA_DIR, { recursive: true, force: true }));

const ctx = (actor: CurrentUser) => ({ actor, ip: "203.0.113.7" });

let sourceCounter = 0;
async function createSource(name = "Source") {
  sourceCounter += 1;
  return db.source.create({
    data: {
      name: `${name} ${sourceCounter}`,
      slug: `source-${sourceCounter}-${Date.now()}`,
      kind: "WEBSITE",
    },
  });
}

function requestInput(sourceId: string, overrides: Record<string, unknown> = {}) {
  return RecordRequestSchema.parse({
    sourceId,
    validFrom: "2026-01-01",
    validUntil: "2027-01-01",
    attributionText: "Source: the original publication. Reprinted with permission.",
    territories: "worldwide",
    channels: "website, newsletter",
    grantorStatement: "同意转载，请注明出处。\n— The editor",
    ...overrides,
  });
}

async function newRequest(overrides: Record<string, unknown> = {}) {
  const source = await createSource();
  return recordRequest(requestInput(source.id, overrides), ctx(editor));
}

async function withUrlEvidence(authorizationId: string) {
  return addEvidenceUrl(
    { authorizationId, url: "https://example.org/grant", capturedAt: T0, note: "The grantor's post" },
    ctx(admin),
  );
}

async function grantedAuthorization(overrides: Record<string, unknown> = {}) {
  const request = await newRequest(overrides);
  await withUrlEvidence(request.id);
  return grantAuthorization({ id: request.id, version: request.version }, ctx(admin));
}

async function failureOf(promise: Promise<unknown>): Promise<ActionFailureType> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ActionFailure) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

const row = (id: string) => db.reprintAuthorization.findUniqueOrThrow({ where: { id } });
const events = (authorizationId: string) =>
  db.authorizationEvent.findMany({
    where: { authorizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
const audits = (entityId: string) =>
  db.auditLog.findMany({
    where: { entityType: "ReprintAuthorization", entityId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

function fileOf(bytes: Uint8Array, name: string, type = ""): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
}

/** A PNG as far as its signature goes (evidence is stored as is, never decoded). */
function pngBytes(size = 2048): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

describe("reprint authorizations", () => {
  it("keeps evidence files under this test's DATA_DIR", () => {
    expect(env.DATA_DIR).toBe(DATA_DIR);
  });

  it("runs the whole lifecycle, each change with its event and audit entry, events never modified", async () => {
    const source = await createSource("Lifecycle");
    const history: unknown[][] = [];
    const expectHistoryKept = async (id: string) => {
      const now = await events(id);
      for (const earlier of history) expect(now.slice(0, earlier.length)).toEqual(earlier);
      history.push(now);
      return now;
    };

    // An editor records the request through the action, as the form sends it.
    const requested = await runAction(actions.recordRequest.definition, editor, {
      sourceId: source.id,
      scope: "AUTHOR",
      scopeAuthorName: "  刀妹  ",
      scopeUrl: "https://ignored.example/",
      validFrom: "2026-01-01",
      validUntil: "",
      attributionRequired: ["false", "true"],
      attributionText: "Source: Lifecycle",
      linkBackRequired: ["false", "true"],
      modificationAllowed: "false",
      translationAllowed: ["false", "true"],
      territories: "Worldwide, 全球",
      channels: "website",
      onTermination: "KEEP_EXISTING",
      grantorStatement: "  授权转载。\n  ",
    });
    expect(requested).toMatchObject({ ok: true });
    const id = (requested as { data: { id: string } }).data.id;
    expect((requested as { redirectTo?: string }).redirectTo).toBe(`/admin/authorizations/${id}`);
    let current = await row(id);
    expect(current).toMatchObject({
      status: "REQUESTED",
      scope: "AUTHOR",
      scopeAuthorName: "刀妹",
      scopeUrl: null,
      validUntil: null,
      attributionRequired: true,
      linkBackRequired: true,
      modificationAllowed: false,
      translationAllowed: true,
      territories: ["Worldwide", "全球"],
      channels: ["website"],
      onTermination: "KEEP_EXISTING",
      grantorStatement: "  授权转载。\n  ",
      requestedById: editor.id,
      requestedAt: T0,
      version: 1,
    });
    expect(derivedStatus(current, T0)).toBe("REQUESTED");
    let log = await expectHistoryKept(id);
    expect(log.map((e) => [e.type, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ["REQUESTED", null, "REQUESTED", editor.id],
    ]);

    // An editor may not decide.
    const editorGrant = await runAction(actions.grantAuthorization.definition, editor, { id, version: "1" });
    expect(editorGrant).toMatchObject({ ok: false, code: "FORBIDDEN" });

    setClock(new Date(T0.getTime() + 60_000));
    const evidence = await runAction(actions.addEvidenceUrl.definition, admin, {
      authorizationId: id,
      url: "https://mp.weixin.qq.com/s/grant",
      capturedAt: "2026-02-28T09:30:00Z",
      note: "Reply in the comments",
    });
    expect(evidence).toMatchObject({ ok: true });
    log = await expectHistoryKept(id);
    expect(log.at(-1)).toMatchObject({
      type: "EVIDENCE_ADDED",
      fromStatus: null,
      toStatus: null,
      actorId: admin.id,
    });

    const grantedAt = new Date(T0.getTime() + 120_000);
    setClock(grantedAt);
    const granted = await runAction(actions.grantAuthorization.definition, admin, {
      id,
      version: "1",
      validUntil: "2028-01-01",
    });
    expect(granted).toMatchObject({ ok: true, data: { version: 2 } });
    current = await row(id);
    expect(current).toMatchObject({
      status: "GRANTED",
      decidedAt: grantedAt,
      decidedById: admin.id,
      validUntil: new Date("2028-01-01T00:00:00Z"),
      scopeAuthorName: "刀妹",
      version: 2,
    });
    log = await expectHistoryKept(id);
    expect(log.at(-1)).toMatchObject({ type: "GRANTED", fromStatus: "REQUESTED", toStatus: "GRANTED" });
    expect((log.at(-1)!.data as { changedTerms: Record<string, unknown> }).changedTerms).toHaveProperty(
      "validUntil",
    );

    const revokedAt = new Date(T0.getTime() + 180_000);
    setClock(revokedAt);
    const revoked = await runAction(actions.revokeAuthorization.definition, admin, {
      id,
      version: "2",
      reason: "The grantor withdrew permission by email.",
    });
    expect(revoked).toMatchObject({ ok: true });
    current = await row(id);
    expect(current).toMatchObject({
      status: "REVOKED",
      revokedAt,
      revokedById: admin.id,
      revocationReason: "The grantor withdrew permission by email.",
      version: 3,
    });
    log = await expectHistoryKept(id);
    expect(log.map((e) => e.type)).toEqual(["REQUESTED", "EVIDENCE_ADDED", "GRANTED", "REVOKED"]);
    expect(log.map((e) => e.createdAt)).toEqual([T0, new Date(T0.getTime() + 60_000), grantedAt, revokedAt]);

    const audit = await audits(id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["authorization.request", editor.id],
      ["authorization.addEvidence", admin.id],
      ["authorization.grant", admin.id],
      ["authorization.revoke", admin.id],
    ]);
  });

  it("refuses to grant without evidence: status unchanged, no event, no audit entry", async () => {
    const request = await newRequest();
    const failure = await failureOf(grantAuthorization({ id: request.id, version: 1 }, ctx(admin)));
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toBe(C.noEvidence);
    expect(await row(request.id)).toEqual(request);
    expect((await events(request.id)).map((e) => e.type)).toEqual(["REQUESTED"]);
    expect((await audits(request.id)).map((a) => a.action)).toEqual(["authorization.request"]);

    const viaAction = await runAction(actions.grantAuthorization.definition, admin, {
      id: request.id,
      version: 1,
    });
    expect(viaAction).toMatchObject({ ok: false, code: "CONFLICT", message: C.noEvidence });
  });

  it("refuses every move the lifecycle forbids, and terminal states never change", async () => {
    const expectRefused = async (
      id: string,
      attempt: (version: number) => Promise<unknown>,
      message: string,
    ) => {
      const before = await row(id);
      const eventCount = (await events(id)).length;
      const failure = await failureOf(attempt(before.version));
      expect(failure.code).toBe("CONFLICT");
      expect(failure.message).toBe(message);
      expect(await row(id)).toEqual(before);
      expect(await events(id)).toHaveLength(eventCount);
    };
    const grant = (id: string) => (version: number) => grantAuthorization({ id, version }, ctx(admin));
    const deny = (id: string) => (version: number) =>
      denyAuthorization({ id, version, reason: "No." }, ctx(admin));
    const revoke = (id: string) => (version: number) =>
      revokeAuthorization({ id, version, reason: "Withdrawn." }, ctx(admin));
    const renew = (id: string) => () => renewAuthorization({ id }, ctx(admin));

    const requested = await newRequest();
    await expectRefused(requested.id, revoke(requested.id), C.requestedNotRevocable);
    await expectRefused(requested.id, renew(requested.id), C.notRenewable);

    const granted = await grantedAuthorization();
    expect(C.grantedOnlyRevoked).toMatch(/^A granted authorization can only be revoked/);
    await expectRefused(granted.id, grant(granted.id), C.grantedOnlyRevoked);
    await expectRefused(granted.id, deny(granted.id), C.grantedOnlyRevoked);

    const denied = await newRequest();
    await denyAuthorization({ id: denied.id, version: 1, reason: "We do not license reprints." }, ctx(admin));
    expect(await row(denied.id)).toMatchObject({
      status: "DENIED",
      denialReason: "We do not license reprints.",
    });
    await withUrlEvidence(denied.id);
    for (const move of [grant, deny, revoke]) await expectRefused(denied.id, move(denied.id), C.denied);
    await expectRefused(denied.id, renew(denied.id), C.notRenewable);

    const revoked = await grantedAuthorization();
    await revokeAuthorization({ id: revoked.id, version: revoked.version, reason: "Withdrawn." }, ctx(admin));
    for (const move of [grant, deny, revoke]) await expectRefused(revoked.id, move(revoked.id), C.revoked);
    await expectRefused(revoked.id, renew(revoked.id), C.notRenewable);

    const expiring = await grantedAuthorization({ validUntil: "2026-04-01" });
    setClock(new Date("2026-04-01T00:00:00Z"));
    for (const move of [grant, deny, revoke]) await expectRefused(expiring.id, move(expiring.id), C.expired);

    // Deny and revoke need a reason.
    const another = await newRequest();
    const noReason = await runAction(actions.denyAuthorization.definition, admin, {
      id: another.id,
      version: "1",
      reason: "   ",
    });
    expect(noReason).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { reason: expect.any(Array) },
    });
    expect(await row(another.id)).toEqual(another);
  });

  it("lets exactly one of two admins deciding the same request at once win", async () => {
    for (const [first, second] of [
      ["grant", "deny"],
      ["deny", "grant"],
      ["grant", "grant"],
    ] as const) {
      const request = await newRequest();
      await withUrlEvidence(request.id);
      const decide = (move: "grant" | "deny", actor: CurrentUser) =>
        move === "grant"
          ? grantAuthorization({ id: request.id, version: 1 }, ctx(actor))
          : denyAuthorization({ id: request.id, version: 1, reason: "Not this time." }, ctx(actor));
      const results = await Promise.allSettled([decide(first, admin), decide(second, secondAdmin)]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r) => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      const reason = (rejected[0] as PromiseRejectedResult).reason as ActionFailureType;
      expect(reason).toBeInstanceOf(ActionFailure);
      expect(reason.code).toBe("CONFLICT");
      expect(reason.message).toBe(C.decidedFirst);
      const winner = (fulfilled[0] as PromiseFulfilledResult<{ status: string; version: number }>).value;
      const stored = await row(request.id);
      expect(stored.status).toBe(winner.status);
      expect(stored.version).toBe(2);
      const decisions = (await events(request.id)).filter((e) => e.type === "GRANTED" || e.type === "DENIED");
      expect(decisions).toHaveLength(1);
    }

    // A decision made on a page that shows an older state loses the same way.
    const request = await newRequest();
    await denyAuthorization({ id: request.id, version: 1, reason: "No." }, ctx(admin));
    await withUrlEvidence(request.id);
    const late = await runAction(actions.grantAuthorization.definition, secondAdmin, {
      id: request.id,
      version: "1",
    });
    expect(late).toMatchObject({ ok: false, code: "CONFLICT", message: C.decidedFirst });
  });

  it("renews by recording a new linked request and leaves the renewed authorization untouched", async () => {
    const old = await grantedAuthorization({ validFrom: "2026-01-01", validUntil: "2026-07-01" });
    const before = await row(old.id);
    const eventsBefore = await events(old.id);

    setClock(new Date("2026-06-15T10:00:00Z"));
    const result = await runAction(actions.renewAuthorization.definition, admin, { id: old.id });
    expect(result).toMatchObject({ ok: true });
    const renewalId = (result as { data: { id: string } }).data.id;
    expect((result as { redirectTo?: string }).redirectTo).toBe(`/admin/authorizations/${renewalId}`);

    const renewal = await row(renewalId);
    expect(renewal).toMatchObject({
      status: "REQUESTED",
      renewsId: old.id,
      sourceId: old.sourceId,
      scope: old.scope,
      attributionRequired: old.attributionRequired,
      attributionText: old.attributionText,
      territories: old.territories,
      channels: old.channels,
      onTermination: old.onTermination,
      grantorStatement: "",
      validFrom: new Date("2026-07-01T00:00:00Z"),
      validUntil: new Date(Date.UTC(2026, 6, 1) + (Date.UTC(2026, 6, 1) - Date.UTC(2026, 0, 1))),
      version: 1,
      requestedById: admin.id,
    });
    expect(renewal.id).not.toBe(old.id);

    // The old one: same row, same version, its history only gains a note of the renewal.
    expect(await row(old.id)).toEqual(before);
    const eventsAfter = await events(old.id);
    expect(eventsAfter.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(eventsAfter.slice(eventsBefore.length)).toMatchObject([
      { type: "RENEWAL_REQUESTED", data: { renewalId } },
    ]);
    expect((await events(renewalId)).map((e) => e.type)).toEqual(["REQUESTED"]);

    // One pending renewal at a time; another source cannot renew it.
    const again = await failureOf(renewAuthorization({ id: old.id }, ctx(admin)));
    expect(again.message).toBe(C.renewalPending);
    const otherSource = await createSource();
    const wrongSource = await runAction(actions.recordRequest.definition, editor, {
      ...requestInput(otherSource.id),
      validFrom: "2026-07-01",
      renewsId: old.id,
    });
    expect(wrongSource).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { sourceId: expect.any(Array) },
    });

    // An expired authorization can be renewed too.
    setClock(new Date("2026-08-01T00:00:00Z"));
    expect(derivedStatus(await row(old.id), new Date("2026-08-01T00:00:00Z"))).toBe("EXPIRED");
    await denyAuthorization({ id: renewalId, version: 1, reason: "Renegotiating." }, ctx(admin));
    const second = await renewAuthorization({ id: old.id }, ctx(admin));
    expect(second).toMatchObject({ renewsId: old.id, validFrom: new Date("2026-08-01T00:00:00Z") });
    expect(await row(old.id)).toEqual(before);

    // Once a renewal is granted, it is the renewal that gets renewed next.
    await withUrlEvidence(second.id);
    await grantAuthorization({ id: second.id, version: 1 }, ctx(admin));
    expect((await failureOf(renewAuthorization({ id: old.id }, ctx(admin)))).message).toBe(C.alreadyRenewed);
    expect(await renewAuthorization({ id: second.id }, ctx(admin))).toMatchObject({ renewsId: second.id });
    expect(await row(old.id)).toEqual(before);
  });

  describe("evidence files", () => {
    it("stores the exact bytes under evidence/<id>/<uuid>.<ext> with their SHA-256, and serves them as a download", async () => {
      const request = await newRequest();
      const bytes = pngBytes(5000);
      const result = await runAction(uploadEvidenceRoute.definition, admin, {
        authorizationId: request.id,
        kind: "SCREENSHOT",
        file: fileOf(bytes, "C:\\Users\\me\\微信截图 2026.png", "image/png"),
        capturedAt: "2026-02-27T08:00:00Z",
        note: "Screenshot of the grantor's reply",
      });
      expect(result).toMatchObject({ ok: true });
      const evidence = await db.authorizationEvidence.findFirstOrThrow({
        where: { authorizationId: request.id },
      });
      expect(evidence).toMatchObject({
        kind: "SCREENSHOT",
        fileName: "微信截图 2026.png",
        contentType: "image/png",
        byteSize: bytes.length,
        sha256: sha256(bytes),
        capturedAt: new Date("2026-02-27T08:00:00Z"),
        note: "Screenshot of the grantor's reply",
        createdById: admin.id,
        url: null,
      });
      expect(evidence.storageKey).toMatch(
        new RegExp(
          `^evidence/${request.id}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.png$`,
        ),
      );
      expect(await filesUnder(UPLOADS)).toContain(evidence.storageKey);
      expect((await events(request.id)).at(-1)).toMatchObject({
        type: "EVIDENCE_ADDED",
        data: { evidenceId: evidence.id, sha256: sha256(bytes), kind: "SCREENSHOT" },
      });

      const download = await evidenceDownload(editor, evidence.id);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("image/png");
      expect(download.headers.get("x-content-type-options")).toBe("nosniff");
      expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="/);
      expect(download.headers.get("content-disposition")).toContain(
        `filename*=UTF-8''${encodeURIComponent("微信截图 2026.png")}`,
      );
      const served = new Uint8Array(await download.arrayBuffer());
      expect(sha256(served)).toBe(evidence.sha256);

      expect((await evidenceDownload(writer, evidence.id)).status).toBe(403);
      expect((await evidenceDownload(null, evidence.id)).status).toBe(401);
      expect((await evidenceDownload(admin, "no-such-evidence")).status).toBe(404);

      // Then the grant goes through.
      const granted = await grantAuthorization({ id: request.id, version: 1 }, ctx(admin));
      expect(granted.status).toBe("GRANTED");
    });

    it("refuses files over 20 MB, fakes and non-image screenshots, storing nothing", async () => {
      const request = await newRequest();
      const refusals: Array<[File, "FILE" | "SCREENSHOT", string]> = [
        [fileOf(pngBytes(MAX_EVIDENCE_BYTES + 1), "huge.png"), "FILE", AUTHORIZATION_MESSAGES.fileTooLarge],
        [
          fileOf(
            new TextEncoder().encode("<!doctype html><script>alert(1)</script>"),
            "grant.pdf",
            "application/pdf",
          ),
          "FILE",
          AUTHORIZATION_MESSAGES.wrongFileType,
        ],
        [
          fileOf(new TextEncoder().encode("%PDF-1.7\n%…"), "grant.png", "image/png"),
          "SCREENSHOT",
          AUTHORIZATION_MESSAGES.screenshotNotImage,
        ],
        [fileOf(new Uint8Array(0), "empty.png"), "FILE", AUTHORIZATION_MESSAGES.emptyFile],
      ];
      for (const [file, kind, message] of refusals) {
        const failure = await failureOf(
          addEvidenceFile(
            { authorizationId: request.id, kind, file, capturedAt: null, note: "" },
            ctx(admin),
          ),
        );
        expect(failure.code).toBe("INVALID");
        expect(failure.message).toBe(message);
        expect(failure.fieldErrors).toEqual({ file: [message] });
      }
      expect(await filesUnder(path.join(UPLOADS, "evidence", request.id))).toEqual([]);
      expect(await db.authorizationEvidence.count({ where: { authorizationId: request.id } })).toBe(0);
      expect((await events(request.id)).map((e) => e.type)).toEqual(["REQUESTED"]);

      // Through the route's guard: editors may not add evidence.
      const asEditor = await runAction(uploadEvidenceRoute.definition, editor, {
        authorizationId: request.id,
        kind: "FILE",
        file: fileOf(pngBytes(), "ok.png"),
      });
      expect(asEditor).toMatchObject({ ok: false, code: "FORBIDDEN" });
    });

    it("accepts a real PDF", async () => {
      const request = await newRequest();
      const bytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
      const evidence = await addEvidenceFile(
        {
          authorizationId: request.id,
          kind: "FILE",
          file: fileOf(bytes, "letter.pdf"),
          capturedAt: null,
          note: "",
        },
        ctx(admin),
      );
      expect(evidence).toMatchObject({ contentType: "application/pdf", sha256: sha256(bytes) });
      expect(evidence.storageKey).toMatch(/\.pdf$/);
    });
  });

  it("derives EXPIRED from validUntil with the controlled clock, in lists too", async () => {
    const auth = await grantedAuthorization({ validFrom: "2026-01-01", validUntil: "2026-06-01" });
    const end = new Date("2026-06-01T00:00:00Z");
    expect(derivedStatus(auth, new Date(end.getTime() - 1))).toBe("GRANTED");
    expect(derivedStatus(auth, end)).toBe("EXPIRED");
    expect(derivedStatus({ status: "GRANTED", validUntil: null }, new Date("2100-01-01"))).toBe("GRANTED");
    expect(derivedStatus({ status: "REVOKED", validUntil: new Date(0) }, end)).toBe("REVOKED");

    const filters = (status: string) => AuthorizationFiltersSchema.parse({ status, source: auth.sourceId });
    setClock(new Date(end.getTime() - 1));
    expect((await listAuthorizations(filters("GRANTED"), new Date(end.getTime() - 1))).total).toBe(1);
    expect((await listAuthorizations(filters("EXPIRED"), new Date(end.getTime() - 1))).total).toBe(0);
    setClock(end);
    const expired = await listAuthorizations(filters("EXPIRED"), end);
    expect(expired.authorizations.map((a) => [a.id, a.derived])).toEqual([[auth.id, "EXPIRED"]]);
    expect((await listAuthorizations(filters("GRANTED"), end)).total).toBe(0);
    // The stored status stays GRANTED: EXPIRED is never written.
    expect((await row(auth.id)).status).toBe("GRANTED");
  });

  it("lists with the ending-before and without-evidence filters", async () => {
    const source = await createSource("Filters");
    const bare = await recordRequest(requestInput(source.id, { validUntil: "2026-05-01" }), ctx(editor));
    const evidenced = await recordRequest(requestInput(source.id, { validUntil: "2026-09-01" }), ctx(editor));
    await withUrlEvidence(evidenced.id);
    const list = async (query: Record<string, string>) =>
      (
        await listAuthorizations(AuthorizationFiltersSchema.parse({ source: source.id, ...query }), T0)
      ).authorizations.map((a) => a.id);
    expect(await list({ withoutEvidence: "1" })).toEqual([bare.id]);
    expect(await list({ endingBefore: "2026-06-01" })).toEqual([bare.id]);
    expect((await list({})).sort()).toEqual([bare.id, evidenced.id].sort());
    const [first] = (await listAuthorizations(AuthorizationFiltersSchema.parse({ source: source.id }), T0))
      .authorizations;
    expect(first).toMatchObject({ evidenceCount: expect.any(Number), articleCount: 0 });
  });

  it("refuses invalid input field by field and writes nothing", async () => {
    const source = await createSource("Validation");
    const counts = async () => [
      await db.reprintAuthorization.count(),
      await db.authorizationEvent.count(),
      await db.auditLog.count({ where: { entityType: "ReprintAuthorization" } }),
    ];
    const before = await counts();
    const base = {
      sourceId: source.id,
      validFrom: "2026-05-01",
      attributionText: "Source: Validation",
    };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ validUntil: "2026-04-30" }, "validUntil", AUTHORIZATION_MESSAGES.endBeforeStart],
      [{ validUntil: "2026-05-01" }, "validUntil", AUTHORIZATION_MESSAGES.endBeforeStart],
      [
        { scope: "ARTICLE", scopeUrl: "javascript:alert(1)" },
        "scopeUrl",
        "Enter the article's full http(s) address.",
      ],
      [{ scope: "ARTICLE", scopeUrl: "not a url" }, "scopeUrl", "Enter the article's full http(s) address."],
      [{ scope: "ARTICLE", scopeUrl: "" }, "scopeUrl", AUTHORIZATION_MESSAGES.scopeUrlRequired],
      [
        { scope: "AUTHOR", scopeAuthorName: " " },
        "scopeAuthorName",
        AUTHORIZATION_MESSAGES.scopeAuthorRequired,
      ],
      [{ attributionText: "" }, "attributionText", AUTHORIZATION_MESSAGES.attributionRequired],
      [
        { territories: Array.from({ length: 21 }, (_, i) => `T${i}`) },
        "territories",
        "At most 20 territories.",
      ],
      [{ channels: "x".repeat(61) }, "channels", "Keep each channel under 60 characters."],
      [{ validFrom: "" }, "validFrom", "Enter the start date."],
      [{ sourceId: "" }, "sourceId", "Choose the source."],
    ];
    for (const [changes, field, message] of cases) {
      const result = await runAction(actions.recordRequest.definition, editor, { ...base, ...changes });
      expect(result, JSON.stringify(changes)).toMatchObject({ ok: false, code: "INVALID" });
      const fieldErrors = (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
      expect(fieldErrors[field], JSON.stringify(changes)).toContain(message);
    }
    // Until-before-from and a bad scope URL at once: both fields answered.
    const both = await runAction(actions.recordRequest.definition, editor, {
      ...base,
      validUntil: "2026-01-01",
      scope: "ARTICLE",
      scopeUrl: "ftp://example.org/piece",
    });
    expect(both).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: {
        validUntil: [AUTHORIZATION_MESSAGES.endBeforeStart],
        scopeUrl: ["Enter the article's full http(s) address."],
      },
    });
    expect(await counts()).toEqual(before);

    // Attribution not required: no text needed; "" becomes null for optional fields.
    const ok = RecordRequestSchema.parse({
      ...base,
      attributionRequired: false,
      attributionText: "",
      validUntil: "",
    });
    expect(ok).toMatchObject({
      attributionRequired: false,
      attributionText: "",
      validUntil: null,
      scopeUrl: null,
    });

    // Grant checks the merged terms too, and writes nothing when they fail.
    const request = await recordRequest(requestInput(source.id), ctx(editor));
    await withUrlEvidence(request.id);
    const afterEvidence = await counts();
    const badGrant = await runAction(actions.grantAuthorization.definition, admin, {
      id: request.id,
      version: "1",
      validUntil: "2025-12-01",
    });
    expect(badGrant).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { validUntil: [AUTHORIZATION_MESSAGES.endBeforeStart] },
    });
    const scopeGrant = await runAction(actions.grantAuthorization.definition, admin, {
      id: request.id,
      version: "1",
      scope: "ARTICLE",
    });
    expect(scopeGrant).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { scopeUrl: [AUTHORIZATION_MESSAGES.scopeUrlRequired] },
    });
    expect(await counts()).toEqual(afterEvidence);
    expect((await row(request.id)).status).toBe("REQUESTED");

    const badEvidence = await runAction(actions.addEvidenceUrl.definition, admin, {
      authorizationId: request.id,
      url: "javascript:alert(1)",
    });
    expect(badEvidence).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { url: expect.any(Array) },
    });
  });

  it("exports authorizations and covered articles as CSV, neutralizing formula cells", async () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(["a", "b"])).toBe("a; b");

    const source = await db.source.create({
      data: { name: "@Evil Source", slug: `evil-${Date.now()}`, kind: "WEBSITE" },
    });
    const auth = await recordRequest(
      requestInput(source.id, {
        attributionText: '=HYPERLINK("https://evil.example","click")',
        grantorStatement: 'OK to reprint, "quoted", line one\nline two',
      }),
      ctx(editor),
    );
    await withUrlEvidence(auth.id);
    await grantAuthorization({ id: auth.id, version: 1 }, ctx(admin));
    const article = await db.article.create({
      data: {
        slug: `covered-${Date.now()}`,
        title: "-A covered reprint",
        body: { type: "doc", content: [] },
        kind: "REPRINT",
        sourceId: source.id,
        authorizationId: auth.id,
      },
    });

    const response = await csvExport(
      admin,
      new URLSearchParams({ what: "authorizations", source: source.id, status: "GRANTED" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="authorizations-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Authorization ID,Source,Scope,Scope URL,Scope author,Status,Valid from,Valid until,Attribution required,Attribution text,Link back required,Canonical link to the original,Modification allowed,Translation allowed,Omission allowed,Territories,Channels,On termination,Grantor statement,Evidence,Articles covered,Requested at,Requested by,Decided at,Decided by,Denial reason,Revoked at,Revoked by,Revocation reason,Renews,Pubstatus,Copyright holder,Copyright notice,Usage terms,Expires,ODRL policy",
    );
    expect(lines[1]).toContain(`${auth.id},'@Evil Source,WHOLE_SOURCE,,,GRANTED,2026-01-01,2027-01-01,yes,`);
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(text).toContain(`"OK to reprint, ""quoted"", line one\nline two"`);
    expect(text).toContain(",worldwide,website; newsletter,TAKE_DOWN,");

    const articles = await (
      await csvExport(admin, new URLSearchParams({ what: "articles", source: source.id }))
    ).text();
    const articleLines = articles.split("\r\n").filter(Boolean);
    expect(articleLines[0]).toBe(
      "Article ID,Title,Slug,Article status,Published at,Withdrawn at,Original URL,Authorization ID,Authorization source,Authorization scope,Authorization status,Valid from,Valid until,On termination",
    );
    expect(articleLines).toHaveLength(2);
    expect(articleLines[1]).toBe(
      `${article.id},'-A covered reprint,${article.slug},DRAFT,,,,${auth.id},'@Evil Source,WHOLE_SOURCE,GRANTED,2026-01-01,2027-01-01,TAKE_DOWN`,
    );

    // Filters apply: nothing of this source is denied.
    const none = await exportCsv(
      "authorizations",
      AuthorizationFiltersSchema.parse({ source: source.id, status: "DENIED" }),
      T0,
    );
    expect(none.body.slice(1).split("\r\n").filter(Boolean)).toHaveLength(1);

    expect((await csvExport(writer, new URLSearchParams())).status).toBe(403);
    expect((await csvExport(null, new URLSearchParams())).status).toBe(401);
    expect((await csvExport(editor, new URLSearchParams({ what: "articles" }))).status).toBe(200);
  });
});
