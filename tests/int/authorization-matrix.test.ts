// Every server action and mutating route handler, found by reading app/, against every kind of
// caller. A new mutation that is not in MATRIX, or that skips the guard, fails this test.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csvExport, evidenceDownload, policyDownload } from "@/lib/rights/authorizations/http";
import { runAction } from "@/lib/platform/actions/run-action";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_PERMISSIONS } from "@/lib/platform/permissions";
import { userForSession, type CurrentUser } from "@/lib/platform/session";
import { discoverMutations, type Mutation } from "../support/mutations";
import { createTestUser } from "../support/users";

type Caller = "anonymous" | "deactivated" | Role;
const CALLERS: Caller[] = ["anonymous", "deactivated", "WRITER", "EDITOR", "ADMIN"];

/** Who may call each mutation: "file#export" → roles allowed. */
const ALL_STAFF: Role[] = ["ADMIN", "EDITOR", "WRITER"];
const EDITORS: Role[] = ["ADMIN", "EDITOR"];

const MATRIX: Record<string, Role[]> = {
  "app/(admin)/admin/articles/actions.ts#createArticle": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#saveArticle": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#submitArticle": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#checkArticleRights": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#importReprint": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#previewImport": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#publishArticle": EDITORS,
  "app/(admin)/admin/articles/actions.ts#publishOriginal": EDITORS,
  "app/(admin)/admin/articles/actions.ts#scheduleArticle": EDITORS,
  "app/(admin)/admin/articles/actions.ts#unpublishArticle": EDITORS,
  "app/(admin)/admin/articles/actions.ts#archiveArticle": EDITORS,
  "app/(admin)/admin/articles/actions.ts#bulkArchiveArticles": EDITORS,
  "app/(admin)/admin/articles/actions.ts#attachOriginal": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#saveAlignment": ALL_STAFF,
  "app/(admin)/admin/articles/actions.ts#confirmHeadline": EDITORS,
  "app/(admin)/admin/articles/[id]/revisions/actions.ts#restoreRevision": ALL_STAFF,
  "app/(admin)/admin/users/actions.ts#createUser": ["ADMIN"],
  "app/(admin)/admin/users/actions.ts#changeUserRole": ["ADMIN"],
  "app/(admin)/admin/users/actions.ts#setUserActive": ["ADMIN"],
  "app/(admin)/admin/users/actions.ts#resetUserPassword": ["ADMIN"],
  "app/(admin)/admin/tags/actions.ts#createTag": EDITORS,
  "app/(admin)/admin/tags/actions.ts#renameTag": EDITORS,
  "app/(admin)/admin/tags/actions.ts#mergeTags": EDITORS,
  "app/(admin)/admin/tags/actions.ts#deleteTag": EDITORS,
  "app/(admin)/admin/people/actions.ts#createPerson": EDITORS,
  "app/(admin)/admin/people/actions.ts#renamePerson": EDITORS,
  "app/(admin)/admin/people/actions.ts#mergePeople": EDITORS,
  "app/(admin)/admin/people/actions.ts#deletePerson": EDITORS,
  "app/(admin)/admin/comments/actions.ts#moderateComment": EDITORS,
  "app/(admin)/admin/comments/actions.ts#bulkModerateComments": EDITORS,
  "app/(admin)/admin/comments/actions.ts#editComment": EDITORS,
  "app/(admin)/admin/comments/actions.ts#replyToComment": EDITORS,
  "app/(admin)/admin/media/actions.ts#updateMediaAlt": ALL_STAFF,
  "app/(admin)/admin/media/actions.ts#deleteMedia": ALL_STAFF,
  "app/api/admin/media/route.ts#POST": ALL_STAFF,
  "app/(admin)/admin/authorizations/actions.ts#recordRequest": EDITORS,
  "app/(admin)/admin/authorizations/actions.ts#grantAuthorization": ["ADMIN"],
  "app/(admin)/admin/authorizations/actions.ts#denyAuthorization": ["ADMIN"],
  "app/(admin)/admin/authorizations/actions.ts#revokeAuthorization": ["ADMIN"],
  "app/(admin)/admin/authorizations/actions.ts#renewAuthorization": ["ADMIN"],
  "app/(admin)/admin/authorizations/actions.ts#addEvidenceUrl": ["ADMIN"],
  "app/api/admin/authorizations/evidence/route.ts#POST": ["ADMIN"],
  "app/api/admin/authorizations/granted/route.ts#POST": ["ADMIN"],
  "app/(admin)/admin/rights/notices/actions.ts#startNoticeReview": ["ADMIN"],
  "app/(admin)/admin/rights/notices/actions.ts#withdrawNoticedArticles": ["ADMIN"],
  "app/(admin)/admin/rights/notices/actions.ts#rejectRightsNotice": ["ADMIN"],
  "app/(admin)/admin/rights/notices/actions.ts#recordCounterNotice": ["ADMIN"],
  "app/(admin)/admin/rights/notices/actions.ts#recordClaimantAnswer": ["ADMIN"],
  "app/(admin)/admin/rights/notices/actions.ts#restoreNoticedArticles": ["ADMIN"],
  "app/(admin)/admin/sources/actions.ts#createSource": ["ADMIN"],
  "app/(admin)/admin/sources/actions.ts#createSourceNamed": ["ADMIN"],
  "app/(admin)/admin/sources/actions.ts#updateSource": ["ADMIN"],
  "app/(admin)/admin/sources/actions.ts#deleteSource": ["ADMIN"],
  "app/(admin)/admin/account/actions.ts#changeOwnPassword": ALL_STAFF,
  "app/(admin)/admin/account/actions.ts#signOutEverywhere": ALL_STAFF,
  "app/(admin)/admin/settings/actions.ts#saveCommentDefaults": ["ADMIN"],
  "app/(admin)/admin/settings/actions.ts#saveCommentWords": ["ADMIN"],
  "app/(admin)/admin/settings/actions.ts#saveSiteIdentity": ["ADMIN"],
  "app/(admin)/admin/settings/commenters/actions.ts#lookUpCommenter": ["ADMIN"],
  "app/(admin)/admin/settings/commenters/actions.ts#eraseCommenter": ["ADMIN"],
  "app/(admin)/admin/settings/commenters/export/route.ts#POST": ["ADMIN"],
  "app/(admin)/admin/webhooks/actions.ts#createWebhook": ["ADMIN"],
  "app/(admin)/admin/webhooks/actions.ts#updateWebhook": ["ADMIN"],
  "app/(admin)/admin/webhooks/actions.ts#rotateSecret": ["ADMIN"],
  "app/(admin)/admin/webhooks/actions.ts#deleteWebhook": ["ADMIN"],
  "app/(admin)/admin/webhooks/actions.ts#resendDelivery": ["ADMIN"],
};

// A probe no action's schema accepts: allowed callers get INVALID, so no handler ever runs.
const PROBE = "authorization-matrix-probe";

/**
 * Staff reads: every GET route handler under /admin and /api/admin, by file, with who may read
 * and the read as the route makes it for a caller (the handlers only add the signed-in user).
 * Allowed callers get `allowed` (404 where the probe names no record); others 401 or 403.
 */
const STAFF_READS: Record<
  string,
  { roles: Role[]; allowed: number; read: (actor: CurrentUser | null) => Promise<Response> }
> = {
  "app/(admin)/admin/authorizations/[id]/policy.jsonld/route.ts": {
    roles: EDITORS,
    allowed: 404,
    read: (actor) => policyDownload(actor, PROBE),
  },
  "app/(admin)/admin/authorizations/export/route.ts": {
    roles: EDITORS,
    allowed: 200,
    read: (actor) => csvExport(actor, new URLSearchParams({ source: PROBE })),
  },
  "app/api/admin/authorizations/evidence/[evidenceId]/route.ts": {
    roles: EDITORS,
    allowed: 404,
    read: (actor) => evidenceDownload(actor, PROBE),
  },
};

/** Staff GET routes whose guard this test cannot call apart from a request, and why. */
const READS_GUARDED_INLINE: Record<string, string> = {
  "app/api/admin/media/route.ts":
    "the media picker's list reads the session itself (media.upload, every staff role)",
};

async function staffGetRoutes(): Promise<string[]> {
  const found: string[] = [];
  for (const root of ["app/(admin)", "app/api/admin"]) {
    for (const entry of await readdir(root, { recursive: true })) {
      const file = path.join(root, entry);
      if (!/(^|\/)route\.tsx?$/.test(file)) continue;
      if (/export (async )?function GET|export const GET/.test(await readFile(file, "utf8")))
        found.push(file);
    }
  }
  return found.sort();
}

describe("authorization matrix", () => {
  let mutations: Mutation[];
  const callers = new Map<Caller, CurrentUser | null>();

  beforeAll(async () => {
    mutations = await discoverMutations();
    callers.set("anonymous", null);
    const deactivated = await createTestUser("EDITOR", { active: false });
    // A deactivated user's still-signed token resolves to no user at all.
    callers.set(
      "deactivated",
      await userForSession(deactivated.id, deactivated.sessionVersion, deactivated.sessionId),
    );
    for (const role of ["WRITER", "EDITOR", "ADMIN"] as const) callers.set(role, await createTestUser(role));
  });

  it("knows every mutation in app/, and every one is guarded", () => {
    const ids = mutations.map((m) => m.id).sort();
    expect(ids, "add new mutations to MATRIX").toEqual(Object.keys(MATRIX).sort());
    for (const mutation of mutations) {
      expect(mutation.definition, `${mutation.id} must be made with defineAction`).toBeDefined();
    }
  });

  it("matches the permission table for each mutation", () => {
    for (const mutation of mutations) {
      const allowedByTable = (["WRITER", "EDITOR", "ADMIN"] as const).filter((role) =>
        ROLE_PERMISSIONS[role].has(mutation.definition!.permission),
      );
      expect(allowedByTable.sort(), mutation.id).toEqual([...MATRIX[mutation.id]!].sort());
    }
  });

  it("refuses or admits each caller exactly as the matrix says", async () => {
    for (const mutation of mutations) {
      for (const caller of CALLERS) {
        const result = await runAction(mutation.definition!, callers.get(caller)!, PROBE);
        const expected =
          caller === "anonymous" || caller === "deactivated"
            ? "UNAUTHENTICATED"
            : MATRIX[mutation.id]!.includes(caller)
              ? "INVALID"
              : "FORBIDDEN";
        expect(result.ok ? "OK" : result.code, `${mutation.id} as ${caller}`).toBe(expected);
      }
    }
  });

  it("knows every staff read route, and each answers every caller as its roles say", async () => {
    expect(await staffGetRoutes(), "add new staff GET routes to STAFF_READS").toEqual(
      [...Object.keys(STAFF_READS), ...Object.keys(READS_GUARDED_INLINE)].sort(),
    );
    for (const [file, { roles, allowed, read }] of Object.entries(STAFF_READS)) {
      for (const caller of CALLERS) {
        const expected =
          caller === "anonymous" || caller === "deactivated" ? 401 : roles.includes(caller) ? allowed : 403;
        expect((await read(callers.get(caller)!)).status, `${file} as ${caller}`).toBe(expected);
      }
    }
  });
});
