// Recording a permission granted before the desk recorded it (issue 15): terms, the day it was
// granted and its evidence in one request, one transaction with its events and audit entries;
// nothing written when any part is refused. Also the list filter behind the dashboard's
// "lapsed or revoked with articles" figure, which counts exactly what the list shows.
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/platform/session";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const DATA_DIR = mkdtempSync(path.join(tmpdir(), "crosscurrent-record-granted-"));
process.env.DATA_DIR = DATA_DIR;

const { POST: recordGrantedRoute } = await import("@/app/api/admin/authorizations/granted/route");
const { runAction } = await import("@/lib/platform/actions/run-action");
const { resetClock, setClock } = await import("@/lib/platform/clock");
const { db } = await import("@/lib/platform/db");
const lifecycle = await import("@/lib/rights/authorizations/lifecycle");
const { listAuthorizations } = await import("@/lib/rights/authorizations/list");
const { AuthorizationFiltersSchema, RecordRequestSchema } =
  await import("@/lib/rights/authorizations/schema");
const { dashboardAuthorizationFilters, dashboardCounts } = await import("@/lib/dashboard/dashboard");
const { createTestUser } = await import("../support/users");
const { createTestArticle } = await import("../support/articles");

const T0 = new Date("2026-03-01T12:00:00.000Z");
const UPLOADS = path.join(DATA_DIR, "uploads");
const REPLY =
  "From: editor@harbour.example\nDate: 3 May 2021\n\n同意转载，请注明出处。Reprint with credit is fine.";
let admin: CurrentUser;
let editor: CurrentUser;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
});
beforeEach(() => setClock(T0));
afterEach(() => resetClock());
afterAll(() => rm(DATA_DIR, { recursive: true, force: true }));

let counter = 0;
async function createSource() {
  counter += 1;
  return db.source.create({
    data: {
      name: `Granted source ${counter}`,
      slug: `granted-source-${counter}-${Date.now()}`,
      kind: "WEBSITE",
    },
  });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function fields(sourceId: string, overrides: Record<string, unknown> = {}) {
  return {
    sourceId,
    grantedOn: "2021-05-03",
    scope: "WHOLE_SOURCE",
    validFrom: "2021-05-03",
    validUntil: "",
    attributionRequired: "true",
    attributionText: "Reprinted with permission of Harbour Review.",
    onTermination: "TAKE_DOWN",
    evidenceKind: "TEXT",
    evidenceText: REPLY,
    capturedAt: "",
    note: "Forwarded from the old mailbox",
    ...overrides,
  };
}

async function storedFiles(): Promise<string[]> {
  return readdir(UPLOADS, { recursive: true }).catch(() => [] as string[]);
}

async function counts() {
  return [
    await db.reprintAuthorization.count(),
    await db.authorizationEvidence.count(),
    await db.authorizationEvent.count(),
    await db.auditLog.count({ where: { entityType: "ReprintAuthorization" } }),
    (await storedFiles()).filter((f) => f.endsWith(".txt") || f.endsWith(".png")).length,
  ];
}

describe("recording an authorization already granted", () => {
  it("creates it granted on the day given, with the pasted reply kept as hashed evidence, its events and audit entries", async () => {
    const source = await createSource();
    const result = await runAction(recordGrantedRoute.definition, admin, fields(source.id), "203.0.113.9");
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;

    const row = await db.reprintAuthorization.findUniqueOrThrow({
      where: { id },
      include: { evidence: true },
    });
    expect(row).toMatchObject({
      sourceId: source.id,
      status: "GRANTED",
      decidedAt: new Date("2021-05-03T00:00:00Z"),
      decidedById: admin.id,
      attributionText: "Reprinted with permission of Harbour Review.",
      validUntil: null,
    });
    const bytes = new TextEncoder().encode(REPLY);
    expect(row.evidence).toHaveLength(1);
    expect(row.evidence[0]).toMatchObject({
      kind: "FILE",
      fileName: "grantors-reply.txt",
      byteSize: bytes.length,
      sha256: sha256(bytes),
      note: "Forwarded from the old mailbox",
    });
    const stored = await readFile(path.join(UPLOADS, row.evidence[0]!.storageKey!), "utf8");
    expect(stored).toBe(REPLY);

    const events = await db.authorizationEvent.findMany({
      where: { authorizationId: id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.type).sort()).toEqual(["EVIDENCE_ADDED", "RECORDED_GRANTED"]);
    const audit = await db.auditLog.findMany({ where: { entityId: id } });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "authorization.addEvidence",
      "authorization.recordGranted",
    ]);
    expect(lifecycle.derivedStatus(row, T0)).toBe("GRANTED");
  });

  it("takes a screenshot or a link as the evidence instead", async () => {
    const source = await createSource();
    const png = new Uint8Array(600);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const file = new File([png], "reply.png", { type: "image/png" });
    const shot = await runAction(
      recordGrantedRoute.definition,
      admin,
      fields(source.id, { evidenceKind: "SCREENSHOT", evidenceText: "", file }),
    );
    expect(shot).toMatchObject({ ok: true });
    const link = await runAction(
      recordGrantedRoute.definition,
      admin,
      fields(source.id, {
        evidenceKind: "URL",
        evidenceText: "",
        evidenceUrl: "https://harbour.example/permission",
      }),
    );
    expect(link).toMatchObject({ ok: true });
    const evidence = await db.authorizationEvidence.findMany({
      where: { authorization: { sourceId: source.id } },
      select: { kind: true, sha256: true, url: true },
    });
    expect(evidence).toEqual(
      expect.arrayContaining([
        { kind: "SCREENSHOT", sha256: sha256(png), url: null },
        { kind: "URL", sha256: null, url: "https://harbour.example/permission" },
      ]),
    );
  });

  it("refuses without evidence, with a future grant day, a file that is not evidence, or a non-admin, and writes nothing", async () => {
    const source = await createSource();
    const before = await counts();
    const refusals = [
      [admin, fields(source.id, { evidenceText: "" }), "evidenceText"],
      [admin, fields(source.id, { evidenceKind: "FILE", evidenceText: "" }), "file"],
      [admin, fields(source.id, { evidenceKind: "URL", evidenceText: "" }), "evidenceUrl"],
      [admin, fields(source.id, { grantedOn: "2026-03-02" }), "grantedOn"],
      [
        admin,
        fields(source.id, {
          evidenceKind: "FILE",
          file: new File([new TextEncoder().encode("not a pdf")], "reply.pdf"),
        }),
        "file",
      ],
      [admin, fields(source.id, { attributionText: "" }), "attributionText"],
    ] as const;
    for (const [actor, input, field] of refusals) {
      const result = await runAction(recordGrantedRoute.definition, actor, input);
      expect(result, field).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } });
    }
    expect(await runAction(recordGrantedRoute.definition, editor, fields(source.id))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await counts()).toEqual(before);
  });

  it("removes the stored reply when the transaction fails", async () => {
    const source = await createSource();
    const before = await counts();
    // The source goes away between the check and the write: the insert fails on its foreign key.
    const spy = vi.spyOn(db.source, "findUnique").mockResolvedValueOnce({ id: "no-such-source" } as never);
    const outcome = await runAction(recordGrantedRoute.definition, admin, fields(source.id)).catch(
      (error: unknown) => ({ ok: false, error }),
    );
    spy.mockRestore();
    expect(outcome).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
  });
});

describe("the dashboard's authorization figures", () => {
  it("count exactly what their list filters show: lapsed or revoked with articles, and ending within 30 days", async () => {
    const source = await createSource();
    const grantNow = async (validUntil: string) => {
      const request = await lifecycle.recordRequest(
        RecordRequestSchema.parse({
          sourceId: source.id,
          validFrom: "2026-01-01",
          validUntil,
          attributionText: "Credit.",
        }),
        { actor: admin, ip: null },
      );
      await lifecycle.addEvidenceUrl(
        { authorizationId: request.id, url: "https://harbour.example/ok", capturedAt: null, note: "" },
        { actor: admin, ip: null },
      );
      return lifecycle.grantAuthorization(
        { id: request.id, version: request.version },
        { actor: admin, ip: null },
      );
    };
    const ending = await grantNow("2026-03-20");
    const revoked = await grantNow("2027-01-01");
    const revokedUnused = await grantNow("2027-01-01");
    for (const a of [revoked, revokedUnused]) {
      await lifecycle.revokeAuthorization(
        { id: a.id, version: a.version, reason: "Withdrawn." },
        { actor: admin, ip: null },
      );
    }
    const article = await createTestArticle(admin, { title: "Covered piece" });
    await db.article.update({
      where: { id: article.id },
      data: { sourceId: source.id, authorizationId: revoked.id, kind: "REPRINT" },
    });

    const filters = dashboardAuthorizationFilters(T0);
    const listed = async (query: Record<string, unknown>) =>
      (await listAuthorizations(AuthorizationFiltersSchema.parse(query), T0)).authorizations.map((a) => a.id);
    const query = (f: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === true ? "1" : String(v)]));

    const lapsed = await listed(query(filters.lapsed));
    expect(lapsed).toContain(revoked.id);
    expect(lapsed).not.toContain(revokedUnused.id);
    const expiring = await listed(query(filters.expiring));
    expect(expiring).toContain(ending.id);
    expect(expiring).not.toContain(revoked.id);

    const figures = await dashboardCounts(T0);
    expect(figures.lapsedAuthorizations).toBe(lapsed.length);
    expect(figures.expiringAuthorizations).toBe(expiring.length);
  });
});
