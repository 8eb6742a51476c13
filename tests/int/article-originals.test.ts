// The original kept beside its reprint: imported with the translation or attached later, re-imported
// as a new revision that puts the translation out of date; the alignment between the two; and the
// fidelity guard in the rights check (omissions, same-language edits, the headline). All texts are
// synthetic, written for these tests.
import { describe, expect, it } from "vitest";
import {
  attachOriginal,
  confirmHeadline,
  importReprint,
  saveAlignment,
} from "@/app/(admin)/admin/articles/actions";
import { ActionFailure } from "@/lib/platform/actions/result";
import { runAction } from "@/lib/platform/actions/run-action";
import { importPastedReprint } from "@/lib/import/import-reprint";
import { publishArticle } from "@/lib/articles/workflow";
import { checkPublishable } from "@/lib/rights/check-publishable";
import { seedDemoContent } from "@/lib/seed/demo-content";
import { db } from "@/lib/platform/db";
import { documentParagraphs } from "@/lib/editor/document";
import { defaultAlignment, mergeRows, splitRow, toggleSkip } from "@/lib/rights/fidelity/alignment";
import { comparableText } from "@/lib/rights/fidelity/comparable-text";
import { MAX_ORIGINAL_TEXT } from "@/lib/import/import-original";
import { context, createTestArticle, grantingSource } from "../support/articles";
import { createTestUser } from "../support/users";

const ZH_ORIGINAL = [
  "海风与港口的新账本",
  "",
  "清晨六点，港口的吊车已经开始转动，码头工人说今年的订单比去年多了三成。",
  "",
  "但在仓库的另一端，几家小型货代公司正在悄悄缩减人手。",
  "",
  "一位老船长告诉笔者：“风向变了，账本也得重新写。”",
  "",
  "这座城市的未来，也许就藏在这些细小的变化里。",
].join("\n");

const EN_TRANSLATION = [
  "The harbour's new ledger",
  "",
  "At six in the morning the cranes at the port are already turning, and dock workers say orders are up by a third on last year.",
  "",
  "At the other end of the warehouses, though, a few small freight forwarders are quietly cutting staff.",
  "",
  "An old captain told the author: the wind has changed, and the ledger has to be written anew.",
  "",
  "The city's future may be hidden in these small changes.",
].join("\n");

/** The same translation with the third paragraph (the captain) left out. */
const EN_WITHOUT_CAPTAIN = EN_TRANSLATION.split("\n\n")
  .filter((p) => !p.startsWith("An old captain"))
  .join("\n\n");

const JA_ORIGINAL_PARAGRAPHS = [
  "朝の七時、小さな駅のホームには三人しか立っていなかった。",
  "駅員さんは「最近は観光客が少し戻ってきた」と笑った。",
  "町の人々は、この駅がいつまで残るのかを静かに話し合っている。",
];
const JA_ORIGINAL = ["小さな駅の朝", "", ...JA_ORIGINAL_PARAGRAPHS.flatMap((p) => [p, ""])].join("\n");

async function importTranslation(
  editor: Awaited<ReturnType<typeof createTestUser>>,
  sourceId: string,
  authorizationId: string,
  text = EN_TRANSLATION,
) {
  const { id } = await importPastedReprint(text, context(editor), {
    originalText: ZH_ORIGINAL,
    originalTextUrl: "https://example.org/harbour",
    isTranslation: true,
  });
  await db.article.update({ where: { id }, data: { sourceId, authorizationId } });
  return db.article.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
}

async function publish(editor: Awaited<ReturnType<typeof createTestUser>>, id: string, confirm?: boolean) {
  // The command itself: the action would also refresh Next's cache, which needs a running server.
  const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
  try {
    await publishArticle({ id, version, ...(confirm ? { confirmOutOfDate: true } : {}) }, context(editor));
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ActionFailure)) throw error;
    return { ok: false, code: error.code, message: error.message, data: error.data };
  }
}

describe("the original kept beside its translation", () => {
  it("imports a Chinese original with its English translation: revision 1, followed by the translation", async () => {
    const editor = await createTestUser("EDITOR");
    const { source, authorization } = await grantingSource(editor.id);
    const article = await importTranslation(editor, source.id, authorization.id);
    const stored = await db.article.findUniqueOrThrow({
      where: { id: article.id },
      select: {
        isTranslation: true,
        originalLanguage: true,
        alignedOriginalRevision: true,
        originalTitle: true,
      },
    });
    expect(stored).toEqual({
      isTranslation: true,
      originalLanguage: "zh-Hans",
      alignedOriginalRevision: 1,
      originalTitle: "海风与港口的新账本",
    });
    const revisions = await db.originalRevision.findMany({ where: { articleId: article.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      revision: 1,
      language: "zh-Hans",
      url: "https://example.org/harbour",
    });
    expect(documentParagraphs(revisions[0]!.body)).toHaveLength(4);
    expect(await publish(editor, article.id)).toMatchObject({ ok: true });
  });

  it("attaches a pasted WeChat-style HTML original to an existing reprint, sanitised like an import", async () => {
    const editor = await createTestUser("EDITOR");
    const reprint = await createTestArticle(editor, {
      kind: "REPRINT",
      paragraphs: ["Morning at a small station."],
    });
    const html = `<h1>小さな駅の朝</h1><script>alert(1)</script><p onclick="x()">${JA_ORIGINAL_PARAGRAPHS[0]}</p><p><img src="https://evil.example/x.png">${JA_ORIGINAL_PARAGRAPHS[1]}</p>`;
    const result = await runAction(attachOriginal.definition, editor, { id: reprint.id, originalText: html });
    expect(result).toMatchObject({ ok: true });
    const revision = await db.originalRevision.findFirstOrThrow({ where: { articleId: reprint.id } });
    expect(revision.language).toBe("ja");
    expect(revision.title).toBe("小さな駅の朝");
    expect(documentParagraphs(revision.body)).toEqual(JA_ORIGINAL_PARAGRAPHS.slice(0, 2));
    expect(JSON.stringify(revision.body)).not.toMatch(/script|onclick|img|evil/);
  });

  describe("bad input is refused with a message and changes nothing", () => {
    async function expectNothingChanged(run: () => Promise<unknown>, message: RegExp) {
      const [revisions, articles, audits] = await Promise.all([
        db.originalRevision.count(),
        db.article.count(),
        db.auditLog.count(),
      ]);
      expect(await run()).toMatchObject({
        ok: false,
        code: "INVALID",
        message: expect.stringMatching(message),
      });
      expect(await db.originalRevision.count()).toBe(revisions);
      expect(await db.article.count()).toBe(articles);
      expect(await db.auditLog.count()).toBe(audits);
    }

    it("a language the site does not know", async () => {
      const editor = await createTestUser("EDITOR");
      const reprint = await createTestArticle(editor, { kind: "REPRINT" });
      await expectNothingChanged(
        () =>
          runAction(attachOriginal.definition, editor, {
            id: reprint.id,
            originalText: ZH_ORIGINAL,
            originalTextLanguage: "tlh",
          }),
        /does not know the language “tlh”.*Japanese \(ja\)/,
      );
      await expectNothingChanged(
        () =>
          runAction(importReprint.definition, editor, {
            text: EN_TRANSLATION,
            originalText: ZH_ORIGINAL,
            originalTextLanguage: "xx-Fake",
          }),
        /does not know the language “xx-Fake”/,
      );
    });

    it("an original attached to our own piece", async () => {
      const editor = await createTestUser("EDITOR");
      const own = await createTestArticle(editor, { kind: "ORIGINAL" });
      await expectNothingChanged(
        () => runAction(attachOriginal.definition, editor, { id: own.id, originalText: ZH_ORIGINAL }),
        /one of our own pieces: only a reprint has an original/,
      );
    });

    it("text over the size limit", async () => {
      const editor = await createTestUser("EDITOR");
      const reprint = await createTestArticle(editor, { kind: "REPRINT" });
      const huge = `标题\n\n${"长".repeat(MAX_ORIGINAL_TEXT)}`;
      await expectNothingChanged(
        () => runAction(attachOriginal.definition, editor, { id: reprint.id, originalText: huge }),
        /longer than 500,000 characters/,
      );
      await expectNothingChanged(
        () => runAction(importReprint.definition, editor, { text: EN_TRANSLATION, originalText: huge }),
        /longer than 500,000 characters/,
      );
    });

    it("an original with no text, and an alignment naming paragraphs that do not exist", async () => {
      const editor = await createTestUser("EDITOR");
      const { source, authorization } = await grantingSource(editor.id);
      const article = await importTranslation(editor, source.id, authorization.id);
      await expectNothingChanged(
        () => runAction(attachOriginal.definition, editor, { id: article.id, originalText: "<p></p>" }),
        /The original/,
      );
      const before = await db.article.findUniqueOrThrow({
        where: { id: article.id },
        select: { alignment: true },
      });
      await expectNothingChanged(
        () =>
          runAction(saveAlignment.definition, editor, {
            id: article.id,
            originalRevision: 1,
            rows: [...defaultAlignment(4, 4), { original: [8], translation: [] }],
          }),
        /names paragraph 9 of the original, which has only 4/,
      );
      const after = await db.article.findUniqueOrThrow({
        where: { id: article.id },
        select: { alignment: true },
      });
      expect(after).toEqual(before);
    });
  });
});

describe("alignment", () => {
  it("splits, merges and skips rows, and keeps every paragraph once in order", () => {
    const rows = defaultAlignment(4, 3);
    expect(rows.at(-1)).toEqual({ original: [3], translation: [] });
    const merged = mergeRows(rows, 0);
    expect(merged[0]).toEqual({ original: [0, 1], translation: [0, 1] });
    expect(splitRow(merged, 0).slice(0, 2)).toEqual([
      { original: [0], translation: [0] },
      { original: [1], translation: [1] },
    ]);
    const skipped = toggleSkip(rows, 2);
    expect(skipped.slice(2)).toEqual([
      { original: [2], translation: [], omitted: true },
      { original: [3], translation: [2] },
    ]);
    expect(toggleSkip(skipped, 2)[2]).toEqual({ original: [2], translation: [] });
  });

  it("is stored when saved, and the rights check reads it", async () => {
    const editor = await createTestUser("EDITOR");
    const { source, authorization } = await grantingSource(editor.id);
    const article = await importTranslation(editor, source.id, authorization.id, EN_WITHOUT_CAPTAIN);
    // Paragraph by paragraph, the last original paragraph looks untranslated.
    const first = await publish(editor, article.id);
    expect(first).toMatchObject({ ok: false, data: { reasons: ["OMISSION_NOT_PERMITTED"] } });
    expect(first).toMatchObject({ message: expect.stringContaining("leaving parts of the original out") });
    const check = await db.rightsCheck.findFirstOrThrow({
      where: { articleId: article.id },
      orderBy: { createdAt: "desc" },
    });
    expect(check.reasons).toEqual(["OMISSION_NOT_PERMITTED"]);
    expect(check.details).toEqual([
      expect.objectContaining({ reason: "OMISSION_NOT_PERMITTED", paragraph: 4 }),
    ]);

    // The editor aligns it: the captain's paragraph (3) is the one left out.
    const rows = toggleSkip(defaultAlignment(4, 3), 2);
    expect(
      await runAction(saveAlignment.definition, editor, { id: article.id, originalRevision: 1, rows }),
    ).toMatchObject({
      ok: true,
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).alignment).toEqual(rows);
    const second = await publish(editor, article.id);
    expect(second).toMatchObject({ ok: false, data: { reasons: ["OMISSION_NOT_PERMITTED"] } });
    const latest = await db.rightsCheck.findFirstOrThrow({
      where: { articleId: article.id },
      orderBy: { createdAt: "desc" },
    });
    expect(latest.details).toEqual([
      {
        reason: "OMISSION_NOT_PERMITTED",
        paragraph: 3,
        text: expect.stringMatching(/^Paragraph 3 of the original \(“一位老船长告诉笔者/),
      },
    ]);
    expect(await db.rightsCheck.count({ where: { articleId: article.id, allowed: false } })).toBe(2);

    // Terms that allow omissions let it through.
    await db.reprintAuthorization.update({
      where: { id: authorization.id },
      data: { omissionAllowed: true },
    });
    expect(await publish(editor, article.id)).toMatchObject({ ok: true });
  });
});

describe("a same-language reprint against its original", () => {
  async function japaneseReprint(paragraphs: string[], title = "小さな駅の朝") {
    const editor = await createTestUser("EDITOR");
    const { source, authorization } = await grantingSource(editor.id, { translationAllowed: false });
    const reprint = await createTestArticle(editor, {
      kind: "REPRINT",
      title,
      paragraphs,
      sourceId: source.id,
      authorizationId: authorization.id,
    });
    expect(
      await runAction(attachOriginal.definition, editor, { id: reprint.id, originalText: JA_ORIGINAL }),
    ).toMatchObject({ ok: true });
    return { editor, reprint, authorization };
  }

  it("allows differences of whitespace, punctuation width and quotes", async () => {
    const { editor, reprint } = await japaneseReprint([
      "朝の七時 、小さな駅の ホームには三人しか立っていなかった｡",
      "駅員さんは“最近は観光客が少し戻ってきた”と笑った。",
      "町の人々は､この駅がいつまで残るのかを静かに話し合っている。 ",
    ]);
    expect(comparableText("「あ」，！")).toBe(comparableText('"あ",!'));
    expect(await publish(editor, reprint.id)).toMatchObject({ ok: true });
  });

  it("blocks an edit with MODIFICATION_NOT_PERMITTED naming the paragraph, with the diff", async () => {
    const { editor, reprint, authorization } = await japaneseReprint([
      JA_ORIGINAL_PARAGRAPHS[0]!,
      "駅員さんは「最近は観光客がかなり戻ってきた」と笑った。",
      JA_ORIGINAL_PARAGRAPHS[2]!,
    ]);
    const result = await publish(editor, reprint.id);
    expect(result).toMatchObject({ ok: false, data: { reasons: ["MODIFICATION_NOT_PERMITTED"] } });
    const check = await db.rightsCheck.findFirstOrThrow({ where: { articleId: reprint.id } });
    expect(check.details).toEqual([
      expect.objectContaining({
        reason: "MODIFICATION_NOT_PERMITTED",
        paragraph: 2,
        text: expect.stringContaining("Paragraph 2"),
      }),
    ]);
    const preview = await import("@/lib/rights/publish-preview").then((m) => m.rightsPreview(reprint.id));
    expect(preview.details[0]!.diff).toEqual([
      { kind: "same", text: "駅員さんは「最近は観光客が" },
      { kind: "removed", text: "少し" },
      { kind: "added", text: "かなり" },
      { kind: "same", text: "戻ってきた」と笑った。" },
    ]);
    await db.reprintAuthorization.update({
      where: { id: authorization.id },
      data: { modificationAllowed: true },
    });
    expect(await publish(editor, reprint.id)).toMatchObject({ ok: true });
  });

  it("asks an editor to confirm a changed headline, shown beside the original title", async () => {
    const { editor, reprint } = await japaneseReprint(JA_ORIGINAL_PARAGRAPHS, "小さな駅の静かな朝");
    const refused = await publish(editor, reprint.id);
    expect(refused).toMatchObject({ ok: false, data: { reasons: ["MODIFICATION_NOT_PERMITTED"] } });
    const check = await db.rightsCheck.findFirstOrThrow({ where: { articleId: reprint.id } });
    expect(check.details).toEqual([
      expect.objectContaining({
        paragraph: null,
        text: expect.stringContaining("original title “小さな駅の朝”"),
      }),
    ]);
    const writer = await createTestUser("WRITER");
    expect(
      await runAction(confirmHeadline.definition, writer, { id: reprint.id, title: "小さな駅の静かな朝" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await runAction(confirmHeadline.definition, editor, { id: reprint.id, title: "小さな駅の静かな朝" }),
    ).toMatchObject({ ok: true });
    expect(await publish(editor, reprint.id)).toMatchObject({ ok: true });
  });
});

describe("a re-imported original", () => {
  it("marks the translation out of date with the changed paragraphs; publishing asks for confirmation, audited", async () => {
    const editor = await createTestUser("EDITOR");
    const { source, authorization } = await grantingSource(editor.id);
    const article = await importTranslation(editor, source.id, authorization.id);
    const corrected = ZH_ORIGINAL.replace("多了三成", "多了四成");
    const reimport = await runAction(attachOriginal.definition, editor, {
      id: article.id,
      originalText: corrected,
    });
    expect(reimport).toMatchObject({
      ok: true,
      message: expect.stringContaining("out of date"),
      data: { revision: 2, outOfDate: { follows: 1, latest: 2, changedParagraphs: [1] } },
    });
    // Revision 1 is kept as it was.
    const revisions = await db.originalRevision.findMany({
      where: { articleId: article.id },
      orderBy: { revision: "asc" },
    });
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(revisions[0]!.bodyText).toContain("多了三成");

    const refused = await publish(editor, article.id);
    expect(refused).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringContaining("paragraph 1 changed"),
      data: { outOfDate: { changedParagraphs: [1] } },
    });
    expect(
      await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { status: true } }),
    ).toEqual({
      status: "DRAFT",
    });
    expect(await publish(editor, article.id, true)).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: article.id, action: "article.out_of_date_confirmed" },
    });
    expect(audit.actorId).toBe(editor.id);
    expect(audit.after).toMatchObject({ follows: 1, latest: 2, changedParagraphs: [1] });
  });

  it("is up to date again once the editor aligns with the new revision", async () => {
    const editor = await createTestUser("EDITOR");
    const { source, authorization } = await grantingSource(editor.id);
    const article = await importTranslation(editor, source.id, authorization.id);
    await runAction(attachOriginal.definition, editor, {
      id: article.id,
      originalText: ZH_ORIGINAL.replace("悄悄", "慢慢"),
    });
    const stale = await runAction(saveAlignment.definition, editor, {
      id: article.id,
      originalRevision: 1,
      rows: defaultAlignment(4, 4),
    });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await runAction(saveAlignment.definition, editor, {
        id: article.id,
        originalRevision: 2,
        rows: defaultAlignment(4, 4),
      }),
    ).toMatchObject({ ok: true, data: { outOfDate: null } });
    expect(await publish(editor, article.id)).toMatchObject({ ok: true });
  });
});

describe("the demo content", () => {
  it("has a translated piece that keeps its Chinese original, aligned and clear to publish", async () => {
    await seedDemoContent(db, {
      email: "originals-demo@crosscurrent.test",
      password: "a demo password for originals",
    });
    const piece = await db.article.findFirstOrThrow({
      where: { originalTitle: "北京为何关注马尼拉的海警" },
      select: { id: true, body: true, isTranslation: true, alignedOriginalRevision: true },
    });
    const original = await db.originalRevision.findFirstOrThrow({ where: { articleId: piece.id } });
    expect(piece).toMatchObject({ isTranslation: true, alignedOriginalRevision: 1 });
    expect(original).toMatchObject({ revision: 1, language: "zh-Hans" });
    expect(documentParagraphs(original.body)).toHaveLength(documentParagraphs(piece.body).length);
    const decision = await db.$transaction((tx) => checkPublishable(tx, piece.id, new Date()));
    expect(decision).toMatchObject({ allowed: true });
  });
});
