// Comment settings against a real database: site defaults and word lists saved by an admin govern
// the submission pipeline, a per-article policy (saved with the article) outranks them, only
// admins reach any of it, and one commenter's data can be exported and erased by email.
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/platform/session";

// Actions refresh cached pages; outside a request there are none.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The export route asks next-auth who is signed in; here the test decides.
const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/platform/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/platform/session")>()),
  getCurrentUser: async () => signedIn.user,
}));

const settingsActions = await import("@/app/(admin)/admin/settings/actions");
const commenterActions = await import("@/app/(admin)/admin/settings/commenters/actions");
const { POST: exportRoute } = await import("@/app/(admin)/admin/settings/commenters/export/route");
const { runAction } = await import("@/lib/platform/actions/run-action");
const { saveArticle } = await import("@/lib/articles/save-article");
const { publishArticle } = await import("@/lib/articles/workflow");
const { advanceClock, resetClock, setClock } = await import("@/lib/platform/clock");
const { keyedHash } = await import("@/lib/platform/http/address-keys");
const { HEATED_TOPIC_PRESET } = await import("@/lib/comments/policy");
const settings = await import("@/lib/comments/settings");
const { submitComment } = await import("@/lib/comments/submit");
const commenterData = await import("@/lib/comments/commenter-data");
const { articleForEditor } = await import("@/lib/articles/editor-load");
const { db } = await import("@/lib/platform/db");
const { SaveArticleSchema } = await import("@/lib/articles/schema");
const { articleFields, context, createTestArticle } = await import("../support/articles");
const { createTestUser } = await import("../support/users");

type SubmitResult = Awaited<ReturnType<typeof submitComment>>;

const START = new Date("2031-06-01T09:00:00.000Z");
let admin: CurrentUser;
let editor: CurrentUser;
let writer: CurrentUser;
let counter = 0;

function fresh(): number {
  counter += 1;
  return counter;
}

function email(): string {
  return `settings-reader-${fresh()}@example.com`;
}

function ip(): string {
  const n = fresh();
  return `203.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

async function publishedArticle(): Promise<{ id: string; version: number }> {
  setClock(START);
  const created = await createTestArticle(editor, { title: `Settings article ${fresh()}` });
  return publishArticle(created, context(editor));
}

function submit(articleId: string, fields: Record<string, unknown> = {}, at?: { ip?: string }) {
  return submitComment(
    { articleId, name: "A Reader", email: email(), body: `A considered view, number ${fresh()}.`, ...fields },
    { ip: at?.ip ?? ip(), userAgent: "settings-test-agent" },
  );
}

function statusOf(result: SubmitResult) {
  return result.ok ? result.comment.status : result.code;
}

/** Site defaults as the settings form posts them: every value a string, the checkbox "on" or absent. */
function defaultsForm(overrides: Record<string, string | undefined> = {}) {
  return {
    mode: "OPEN",
    autoCloseDays: "",
    linkLimit: "2",
    maxLength: "",
    slowModeSeconds: "",
    ...overrides,
  };
}

async function saveDefaults(form: Record<string, unknown>) {
  return settings.saveCommentDefaults(settings.CommentDefaultsInputSchema.parse(form), context(admin));
}

/** Saves the article's comment policy through the editor's save path (schema and all). */
async function savePolicy(article: { id: string; version: number }, policy: Record<string, unknown>) {
  const fields = articleFields({ title: "Policy article" });
  const input = SaveArticleSchema.parse({ ...fields, ...policy, id: article.id, version: article.version });
  return saveArticle(input, context(editor));
}

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  editor = await createTestUser("EDITOR");
  writer = await createTestUser("WRITER");
});

afterEach(async () => {
  resetClock();
  signedIn.user = null;
  await db.setting.deleteMany({ where: { key: { in: [settings.DEFAULTS_KEY, settings.WORDS_KEY] } } });
});

describe("site defaults", () => {
  it("are saved from the form's fields, audited, and obeyed by the next comment", async () => {
    const article = await publishedArticle();
    const result = await runAction(
      settingsActions.saveCommentDefaults.definition,
      admin,
      defaultsForm({ mode: "PREMODERATE_ALL", maxLength: "40", slowModeSeconds: "0", holdFirstTime: "on" }),
    );
    expect(result).toMatchObject({ ok: true, message: "Saved the comment defaults." });

    const { defaults } = await settings.loadCommentSettings();
    expect(defaults).toEqual({
      mode: "PREMODERATE_ALL",
      autoCloseDays: null,
      linkLimit: 2,
      maxLength: 40,
      slowModeSeconds: null,
      holdFirstTime: true,
    });
    const audit = await db.auditLog.findMany({
      where: { entityType: "Setting", entityId: settings.DEFAULTS_KEY },
    });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: admin.id, action: "settings.update", after: defaults }),
    ]);

    setClock(new Date(START.getTime() + 60_000));
    expect(await submit(article.id)).toMatchObject({ ok: true, heldFor: ["PREMODERATE"] });
    expect(await submit(article.id, { body: "x".repeat(41) })).toMatchObject({
      code: "INVALID",
      fieldErrors: { body: [expect.stringContaining("Please shorten it")] },
    });
    expect(statusOf(await submit(article.id, { body: "x".repeat(40) }))).toBe("PENDING");
  });

  it("closes every article without a policy of its own when set to closed, and reopens it", async () => {
    const article = await publishedArticle();
    await saveDefaults(defaultsForm({ mode: "CLOSED" }));
    expect(await submit(article.id)).toMatchObject({ code: "COMMENTS_CLOSED" });
    await saveDefaults(defaultsForm({ mode: "OPEN" }));
    expect(statusOf(await submit(article.id))).toBe("APPROVED");
  });

  it("auto-closes after the saved number of days", async () => {
    const article = await publishedArticle();
    await saveDefaults(defaultsForm({ autoCloseDays: "3" }));
    setClock(new Date(START.getTime() + 3 * 86_400_000 - 1000));
    expect(statusOf(await submit(article.id))).toBe("APPROVED");
    setClock(new Date(START.getTime() + 3 * 86_400_000 + 1000));
    expect(await submit(article.id)).toMatchObject({ code: "COMMENTS_CLOSED" });
  });

  it("refuses a malformed value with a field error and stores nothing", async () => {
    const result = await runAction(
      settingsActions.saveCommentDefaults.definition,
      admin,
      defaultsForm({ linkLimit: "", maxLength: "1.5", mode: "SOMETIMES" }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["linkLimit", "maxLength", "mode"]);
    expect(await db.setting.count({ where: { key: settings.DEFAULTS_KEY } })).toBe(0);
  });

  it("refuses a save from a page opened before someone else's save, and writes nothing", async () => {
    const first = await saveDefaults(defaultsForm({ mode: "PREMODERATE_NEW", expectedSavedAt: "" }));
    const stale = await runAction(
      settingsActions.saveCommentDefaults.definition,
      admin,
      defaultsForm({ mode: "CLOSED", expectedSavedAt: "" }),
    );
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await settings.loadCommentSettings()).defaults.mode).toBe("PREMODERATE_NEW");

    const current = await runAction(
      settingsActions.saveCommentDefaults.definition,
      admin,
      defaultsForm({ mode: "CLOSED", expectedSavedAt: first.savedAt }),
    );
    expect(current).toMatchObject({ ok: true });
    expect((await settings.loadCommentSettings()).defaults.mode).toBe("CLOSED");
  });

  it("writes and audits nothing when nothing changed", async () => {
    const audited = () => db.auditLog.count({ where: { entityId: settings.DEFAULTS_KEY } });
    const first = await saveDefaults(defaultsForm());
    const before = await audited();
    const again = await saveDefaults(defaultsForm());
    expect(again).toMatchObject({ changed: false, savedAt: first.savedAt });
    expect(await audited()).toBe(before);
  });
});

describe("word lists", () => {
  it("are saved one per line (trimmed, blanks and repeats dropped) and steer spam and holds", async () => {
    const article = await publishedArticle();
    const result = await runAction(settingsActions.saveCommentWords.definition, admin, {
      disallowed: "  casino \r\n\nCASINO\n垃圾广告\n",
      moderation: "пропаганда\nregime change",
    });
    expect(result).toMatchObject({ ok: true, message: "Saved 2 disallowed and 2 moderation entries." });
    expect((await settings.loadCommentSettings()).words).toEqual({
      disallowed: ["casino", "垃圾广告"],
      moderation: ["пропаганда", "regime change"],
    });

    setClock(new Date(START.getTime() + 60_000));
    await saveDefaults(defaultsForm({ holdFirstTime: undefined }));
    expect(await submit(article.id, { body: "Best Casino odds here" })).toMatchObject({
      comment: { status: "SPAM" },
    });
    expect(await submit(article.id, { body: "这是垃圾广告吗" })).toMatchObject({
      comment: { status: "SPAM" },
    });
    expect(await submit(article.id, { body: "Это ПРОПАГАНДА." })).toMatchObject({
      comment: { status: "PENDING" },
      heldFor: ["MODERATION_WORD"],
    });
    expect(await submit(article.id, { body: "They want Regime   Change now" })).toMatchObject({
      heldFor: ["MODERATION_WORD"],
    });
    expect(statusOf(await submit(article.id, { body: "Casinos are a different word." }))).toBe("APPROVED");
  });

  it("refuses an entry longer than the limit", async () => {
    const result = await runAction(settingsActions.saveCommentWords.definition, admin, {
      disallowed: "ok\n" + "x".repeat(settings.WORD_MAX_LENGTH + 1),
      moderation: "",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { disallowed: [expect.any(String)] },
    });
  });
});

describe("per-article policy outranks the site default", () => {
  it("holds every comment on a pre-moderated article while the site is open", async () => {
    await saveDefaults(defaultsForm({ mode: "OPEN" }));
    const article = await publishedArticle();
    const control = await publishedArticle();
    await savePolicy(article, { commentMode: "PREMODERATE_ALL" });
    setClock(new Date(START.getTime() + 60_000));
    expect(await submit(article.id)).toMatchObject({
      comment: { status: "PENDING" },
      heldFor: ["PREMODERATE"],
    });
    expect(statusOf(await submit(control.id))).toBe("APPROVED");
  });

  it("approves on an open article while the site pre-moderates everyone", async () => {
    await saveDefaults(defaultsForm({ mode: "PREMODERATE_ALL" }));
    const article = await publishedArticle();
    const control = await publishedArticle();
    await savePolicy(article, { commentMode: "OPEN" });
    setClock(new Date(START.getTime() + 60_000));
    expect(statusOf(await submit(article.id))).toBe("APPROVED");
    expect(statusOf(await submit(control.id))).toBe("PENDING");
  });

  it("takes the article's limits; 0 turns a site limit off, empty follows the site", async () => {
    await saveDefaults(defaultsForm({ maxLength: "20", autoCloseDays: "1" }));
    const unlimited = await publishedArticle();
    const following = await publishedArticle();
    await savePolicy(unlimited, { commentMaxLength: "0", commentAutoCloseDays: "0", commentLinkLimit: "1" });
    await savePolicy(following, { commentMaxLength: "", commentAutoCloseDays: null });
    setClock(new Date(START.getTime() + 2 * 86_400_000));

    expect(statusOf(await submit(unlimited.id, { body: "A comment well beyond twenty characters." }))).toBe(
      "APPROVED",
    );
    expect(await submit(unlimited.id, { body: "See https://example.org" })).toMatchObject({
      heldFor: ["LINKS"],
    });
    expect(await submit(following.id)).toMatchObject({ code: "COMMENTS_CLOSED" });
  });

  it("slows one commenter down on the article: 429 within the window, accepted after it", async () => {
    await saveDefaults(defaultsForm());
    const article = await publishedArticle();
    await savePolicy(article, { commentSlowModeSeconds: 60 });
    const address = email();
    setClock(new Date(START.getTime() + 1000));
    expect(statusOf(await submit(article.id, { email: address }))).toBe("APPROVED");
    // Past the site-wide 15 s flood interval, still inside the article's 60 s.
    advanceClock(30_000);
    expect(await submit(article.id, { email: address })).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      retryAfterSeconds: 30,
    });
    expect(statusOf(await submit(article.id))).toBe("APPROVED");
    advanceClock(30_000);
    expect(statusOf(await submit(article.id, { email: address }))).toBe("APPROVED");
  });

  it("keeps the policy with the article and hands it back to the editor", async () => {
    const article = await publishedArticle();
    await savePolicy(article, {
      commentMode: "CLOSED",
      commentAutoCloseDays: 7,
      commentLinkLimit: 3,
      commentMaxLength: 500,
      commentSlowModeSeconds: 30,
    });
    const loaded = await articleForEditor(article.id);
    expect(loaded?.fields).toMatchObject({
      commentMode: "CLOSED",
      commentAutoCloseDays: 7,
      commentLinkLimit: 3,
      commentMaxLength: 500,
      commentSlowModeSeconds: 30,
    });
    const saved = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    const cleared = await savePolicy(saved, {});
    expect(await db.article.findUniqueOrThrow({ where: { id: cleared.id } })).toMatchObject({
      commentMode: null,
      commentAutoCloseDays: null,
      commentLinkLimit: null,
      commentMaxLength: null,
      commentSlowModeSeconds: null,
    });
  });

  it("refuses policy values out of range", () => {
    const base = { ...articleFields(), id: "a1", version: 1 };
    for (const bad of [
      { commentLinkLimit: 0 },
      { commentSlowModeSeconds: -1 },
      { commentMaxLength: 1.5 },
      { commentAutoCloseDays: "soon" },
      { commentMode: "SOMETIMES" },
    ]) {
      const parsed = SaveArticleSchema.safeParse({ ...base, ...bad });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual([Object.keys(bad)[0]]);
    }
  });
});

describe("the heated-topic preset", () => {
  it("is pre-moderate everyone with a 120 s slow mode, and works as such once saved", async () => {
    expect(HEATED_TOPIC_PRESET).toEqual({ commentMode: "PREMODERATE_ALL", commentSlowModeSeconds: 120 });
    await saveDefaults(defaultsForm({ mode: "OPEN" }));
    const article = await publishedArticle();
    await savePolicy(article, { ...HEATED_TOPIC_PRESET });
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      commentMode: "PREMODERATE_ALL",
      commentSlowModeSeconds: 120,
    });

    const address = email();
    setClock(new Date(START.getTime() + 1000));
    expect(await submit(article.id, { email: address })).toMatchObject({ heldFor: ["PREMODERATE"] });
    advanceClock(119_000);
    expect(await submit(article.id, { email: address })).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 1,
    });
    advanceClock(1000);
    expect(await submit(article.id, { email: address })).toMatchObject({ heldFor: ["PREMODERATE"] });
  });
});

describe("who may change settings and commenter data", () => {
  it("refuses editors and writers everything here; the stored settings stay as they were", async () => {
    const cases = [
      [settingsActions.saveCommentDefaults.definition, defaultsForm({ mode: "CLOSED" })],
      [settingsActions.saveCommentWords.definition, { disallowed: "anything", moderation: "" }],
      [commenterActions.lookUpCommenter.definition, { email: "someone@example.com" }],
      [commenterActions.eraseCommenter.definition, { email: "someone@example.com" }],
      [exportRoute.definition, { email: "someone@example.com" }],
    ] as const;
    for (const [definition, input] of cases) {
      for (const actor of [editor, writer]) {
        expect(await runAction(definition, actor, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    expect(
      await db.setting.count({ where: { key: { in: [settings.DEFAULTS_KEY, settings.WORDS_KEY] } } }),
    ).toBe(0);
  });

  it("answers 403 to an editor asking the export route", async () => {
    signedIn.user = editor;
    const response = await exportRoute(exportRequest("someone@example.com"));
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("content-disposition")).toBeNull();
  });
});

function exportRequest(address: string): NextRequest {
  return new NextRequest("http://localhost/admin/settings/commenters/export", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: address }),
  });
}

describe("commenter data by email", () => {
  /** Comments by `address` on two articles through the real pipeline, plus some by others. */
  async function commenterWithNeighbours(address: string, name: string) {
    await saveDefaults(defaultsForm({ holdFirstTime: undefined }));
    const first = await publishedArticle();
    const second = await publishedArticle();
    setClock(new Date(START.getTime() + 1000));
    const mine: string[] = [];
    const theirs: string[] = [];
    const address4 = ip();
    const website = `https://reader-${fresh()}.example/home`;
    for (const articleId of [first.id, second.id]) {
      const result = await submit(articleId, { email: address, name, website }, { ip: address4 });
      const other = await submit(articleId, { name: "Someone Else", website: "https://else.example" });
      if (!result.ok || !other.ok) throw new Error("a setup comment was refused");
      mine.push(result.comment.id);
      theirs.push(other.comment.id);
      advanceClock(20_000);
    }
    // An older row stored before emails were lower-cased.
    const legacy = await db.comment.create({
      data: {
        articleId: first.id,
        authorName: name,
        authorEmail: address.toUpperCase(),
        body: "An old one.",
      },
    });
    mine.push(legacy.id);
    return { mine, theirs, ip: address4, website };
  }

  it("counts a commenter's comments by status", async () => {
    const address = email();
    const { mine } = await commenterWithNeighbours(address, "Counted Reader");
    const result = await runAction(commenterActions.lookUpCommenter.definition, admin, { email: address });
    expect(result).toMatchObject({
      ok: true,
      message: `${mine.length} comments from this address.`,
      data: { total: mine.length, byStatus: { APPROVED: 2, PENDING: 1 } },
    });
  });

  it("exports exactly that email's comments as a private JSON download, and audits it", async () => {
    const address = email();
    const { mine, theirs, ip: address4, website } = await commenterWithNeighbours(address, "Exported Reader");
    signedIn.user = admin;
    const response = await exportRoute(exportRequest(`  ${address.toUpperCase()} `));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="commenter-data-[\d-]+\.json"$/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");

    const text = await response.text();
    const exported = JSON.parse(text) as Awaited<ReturnType<typeof commenterData.exportCommenterData>>;
    expect(exported.email).toBe(address);
    expect(exported.comments.map((c) => c.id).sort()).toEqual([...mine].sort());
    for (const id of theirs) expect(text).not.toContain(id);
    expect(text).not.toContain("Someone Else");
    expect(text).not.toContain("else.example");
    expect(exported.comments.find((c) => c.id === mine[0])).toMatchObject({
      name: "Exported Reader",
      email: address,
      website,
      userAgent: "settings-test-agent",
      article: { id: expect.any(String), title: expect.any(String), slug: expect.any(String) },
    });
    expect(text).not.toContain(keyedHash(address4));

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "commenter.export", entityId: commenterData.commenterKey(address) },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      entityType: "Commenter",
      entityId: commenterData.commenterKey(address),
    });
    expect(JSON.stringify(audit)).not.toContain(address);
  });

  it("matches the address exactly (any case), never as a pattern", async () => {
    const article = await publishedArticle();
    const n = fresh();
    for (const authorEmail of [`a_b${n}@example.com`, `axb${n}@example.com`, `a%b${n}@example.com`]) {
      await db.comment.create({ data: { articleId: article.id, authorName: "P", authorEmail, body: "Hi" } });
    }
    for (const address of [`a_b${n}@example.com`, `A%B${n}@EXAMPLE.COM`]) {
      expect((await commenterData.commenterSummary(address.toLowerCase())).total, address).toBe(1);
      const exported = await commenterData.exportCommenterData(address.toLowerCase(), context(admin));
      expect(exported.comments.map((c) => c.email)).toEqual([address.toLowerCase()]);
    }
    await commenterData.eraseCommenterData(`a_b${n}@example.com`, context(admin));
    expect(await db.comment.count({ where: { authorEmail: `axb${n}@example.com` } })).toBe(1);
  });

  it("refuses an export request without a valid email", async () => {
    signedIn.user = admin;
    const response = await exportRoute(exportRequest("not an email"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "INVALID", message: expect.any(String), fieldErrors: { email: [expect.any(String)] } },
    });
  });

  it("erases name, email, website, IP and browser in one go, keeps the text, and logs each comment", async () => {
    const address = email();
    const name = "Erasable Reader";
    const { mine, theirs, ip: address4, website } = await commenterWithNeighbours(address, name);
    const bodies = await db.comment.findMany({
      where: { id: { in: mine } },
      select: { id: true, body: true },
    });

    const result = await runAction(commenterActions.eraseCommenter.definition, admin, { email: address });
    expect(result).toMatchObject({ ok: true, data: { erased: mine.length } });

    const rows = await db.comment.findMany({ where: { id: { in: mine } } });
    expect(rows).toHaveLength(mine.length);
    const placeholder = rows[0]!.authorEmail;
    expect(placeholder).toMatch(/^erased\+[0-9a-f]+@invalid$/);
    for (const row of rows) {
      expect(row).toMatchObject({
        authorName: "Anonymous",
        authorEmail: placeholder,
        authorUrl: null,
        ipHash: null,
        userAgent: null,
      });
      expect(row.body).toBe(bodies.find((b) => b.id === row.id)!.body);
    }
    const everything = JSON.stringify(await db.comment.findMany());
    for (const trace of [address, address.toUpperCase(), name, website, keyedHash(address4)]) {
      expect(everything, trace).not.toContain(trace);
    }

    const others = await db.comment.findMany({ where: { id: { in: theirs } } });
    expect(others.every((o) => o.authorName === "Someone Else" && o.ipHash && o.authorUrl)).toBe(true);

    const log = await db.commentModeration.findMany({
      where: { action: "erase", commentId: { in: [...mine, ...theirs] } },
    });
    expect(log.map((l) => l.commentId).sort()).toEqual([...mine].sort());
    for (const entry of log) {
      expect(entry.actorId).toBe(admin.id);
      expect(entry.fromStatus).toBe(entry.toStatus);
    }
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "commenter.erase", entityId: commenterData.commenterKey(address) },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      entityId: commenterData.commenterKey(address),
      after: { comments: mine.length, placeholder },
    });
    expect(JSON.stringify(audit)).not.toContain(address);

    expect(await commenterData.commenterSummary(address)).toEqual({ total: 0, byStatus: {} });
    expect(
      await runAction(commenterActions.eraseCommenter.definition, admin, { email: address }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("gives each erasure its own placeholder", async () => {
    const article = await publishedArticle();
    const placeholders: string[] = [];
    for (const address of [email(), email()]) {
      await db.comment.create({
        data: { articleId: article.id, authorName: "X", authorEmail: address, body: "Hi" },
      });
      placeholders.push((await commenterData.eraseCommenterData(address, context(admin))).placeholder);
    }
    expect(new Set(placeholders).size).toBe(2);
  });

  it("rolls the whole erasure back when a step fails", async () => {
    const article = await publishedArticle();
    const address = email();
    for (let i = 0; i < 2; i += 1) {
      await db.comment.create({
        data: { articleId: article.id, authorName: "Kept", authorEmail: address, body: `Body ${i}` },
      });
    }
    const spy = vi
      .spyOn(await import("@/lib/platform/audit/record"), "recordAudit")
      .mockRejectedValueOnce(new Error("disk full"));
    await expect(commenterData.eraseCommenterData(address, context(admin))).rejects.toThrow("disk full");
    spy.mockRestore();
    const rows = await db.comment.findMany({ where: { articleId: article.id } });
    expect(rows.every((r) => r.authorEmail === address && r.authorName === "Kept")).toBe(true);
    expect(await db.commentModeration.count({ where: { commentId: { in: rows.map((r) => r.id) } } })).toBe(0);
  });
});
