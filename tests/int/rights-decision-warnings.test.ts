// Before an admin confirms a decision that can withdraw published pieces, the form says how
// many it will withdraw, counted by the rights check itself: an article-scoped revocation or
// denial outranks the whole-source grant the piece is linked to, and takes it down.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

// Actions refresh cached pages; outside a request there are none.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const actions = await import("@/app/(admin)/admin/authorizations/actions");
const { runAction } = await import("@/lib/platform/actions/run-action");
const { publishArticle } = await import("@/lib/articles/workflow");
const { denyAuthorization, revokeAuthorization } = await import("@/lib/rights/authorizations/lifecycle");
const { previewWithdrawals, withdrawalSentence } = await import("@/lib/rights/authorizations/consequences");
const { now, resetClock, setClock } = await import("@/lib/platform/clock");
const { db } = await import("@/lib/platform/db");

const T0 = new Date("2026-06-01T08:00:00Z");
const ORIGINAL = "https://outlook.example/pieces/the-strait";

afterEach(() => resetClock());

async function reprintUnderWholeSourceGrant(title: string) {
  setClock(T0);
  const [admin, editor] = [await createTestUser("ADMIN"), await createTestUser("EDITOR")];
  const source = await db.source.create({
    data: {
      name: title,
      slug: `warnings-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      kind: "WEBSITE",
    },
  });
  const authorization = (
    data: Omit<Prisma.ReprintAuthorizationUncheckedCreateInput, "sourceId" | "validFrom">,
  ) =>
    db.reprintAuthorization.create({
      data: {
        sourceId: source.id,
        validFrom: new Date(T0.getTime() - 86_400_000),
        evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
        ...data,
      },
    });
  const whole = await authorization({ status: "GRANTED", decidedAt: new Date(T0.getTime() - 86_400_000) });
  const created = await createTestArticle(editor, {
    title,
    kind: "REPRINT",
    sourceId: source.id,
    originalUrl: ORIGINAL,
  });
  const article = await publishArticle({ id: created.id, version: created.version }, context(editor));
  expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).authorizationId).toBe(whole.id);
  return { admin, article, whole, authorization };
}

const withdrawnAt = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id } })).withdrawnAt;

describe("what a decision will withdraw", () => {
  it("revoking an article-scoped grant: the piece it names, though linked to the whole-source grant", async () => {
    const { admin, article, authorization } = await reprintUnderWholeSourceGrant("Article-scoped revocation");
    const named = await authorization({
      status: "GRANTED",
      scope: "ARTICLE",
      scopeUrl: ORIGINAL,
      decidedAt: T0,
    });
    expect(await db.article.count({ where: { authorizationId: named.id } })).toBe(0); // nothing "relies on it"

    const preview = await previewWithdrawals(named.id, "revoke", now());
    expect(preview.withdrawn).toEqual([{ id: article.id, title: "Article-scoped revocation" }]);
    expect(withdrawalSentence(preview)).toBe(
      "1 published article will be withdrawn (answering 451): “Article-scoped revocation”.",
    );
    // Nothing changed by looking.
    expect(await withdrawnAt(article.id)).toBeNull();
    expect((await db.reprintAuthorization.findUniqueOrThrow({ where: { id: named.id } })).status).toBe(
      "GRANTED",
    );

    const revoked = await runAction(actions.revokeAuthorization.definition, admin, {
      id: named.id,
      version: "1",
      reason: "The author asked for this piece to come down.",
    });
    expect(revoked).toMatchObject({
      ok: true,
      message: "Authorization revoked. 1 published article was withdrawn.",
    });
    expect(await withdrawnAt(article.id)).toEqual(T0);
  });

  it("denying an article-scoped request: the piece it names", async () => {
    const { admin, article, authorization } = await reprintUnderWholeSourceGrant("Article-scoped denial");
    const request = await authorization({ status: "REQUESTED", scope: "ARTICLE", scopeUrl: ORIGINAL });
    const preview = await previewWithdrawals(request.id, "deny", now());
    expect(preview.withdrawn.map((a) => a.id)).toEqual([article.id]);
    await denyAuthorization({ id: request.id, version: 1, reason: "Not this piece." }, context(admin));
    expect(await withdrawnAt(article.id)).toEqual(T0);
  });

  it("revoking on keep-existing terms withdraws nothing, and says so", async () => {
    const { article, whole } = await reprintUnderWholeSourceGrant("Kept on revocation");
    await db.reprintAuthorization.update({
      where: { id: whole.id },
      data: { onTermination: "KEEP_EXISTING" },
    });
    const preview = await previewWithdrawals(whole.id, "revoke", now());
    expect(preview.withdrawn).toEqual([]);
    expect(withdrawalSentence(preview)).toBe("No published article will be withdrawn.");
    expect(await withdrawnAt(article.id)).toBeNull();
  });

  it("revoking a whole-source grant on take-down terms: every piece standing on it", async () => {
    const { admin, article, whole } = await reprintUnderWholeSourceGrant("Taken down with its source");
    expect((await previewWithdrawals(whole.id, "revoke", now())).withdrawn.map((a) => a.id)).toEqual([
      article.id,
    ]);
    const { withdrawnArticles } = await revokeAuthorization(
      { id: whole.id, version: whole.version, reason: "Withdrawn." },
      context(admin),
    );
    expect(withdrawnArticles).toBe(1);
  });
});
