// What the importer tells the editor about a pasted reprint besides its text (issue 15, finding
// 11): the language of the text, whether it is a translation and of what, and the day the
// original appeared when a line near the top says it.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "@/lib/import/language";
import { dateInLine, isDateline } from "@/lib/import/original-date";
import { importReprintText } from "@/lib/import/reprint-text";
import { guessTranslation } from "@/lib/import/translation";

const FIXTURE = "prisma/seed-data/reprint-china-japan-taiwan.txt";

describe("detectLanguage", () => {
  it("tells Chinese, its two scripts, Japanese, Korean and English apart", () => {
    expect(detectLanguage("这是一个关于台湾海峡局势的评论文章，我们转载时注明了出处和作者。")).toBe(
      "zh-Hans",
    );
    expect(detectLanguage("這是一個關於臺灣海峽局勢的評論文章，我們轉載時註明了出處和作者。")).toBe(
      "zh-Hant",
    );
    expect(
      detectLanguage("これは台湾海峡の情勢についての論評です。出典と著者を明記して転載しています。"),
    ).toBe("ja");
    expect(detectLanguage("이것은 대만 해협 정세에 관한 논평입니다. 출처와 저자를 밝히고 전재합니다.")).toBe(
      "ko",
    );
    expect(
      detectLanguage("This is a commentary on the situation in the Taiwan Strait, reprinted with credit."),
    ).toBe("en");
    expect(detectLanguage("Short")).toBeNull();
  });

  it("calls a Chinese text with a few English names in it Chinese", () => {
    expect(
      detectLanguage("日本首相Fumio Kishida表示，将在NATO峰会上就乌克兰局势和台湾海峡问题与各方协调立场。"),
    ).toBe("zh-Hans");
  });
});

describe("the original's date", () => {
  it("reads the day from the usual ways of writing it", () => {
    expect(dateInLine("8 July 2022")).toBe("2022-07-08");
    expect(dateInLine("Published July 8, 2022 at 08:00")).toBe("2022-07-08");
    expect(dateInLine("2022-07-08 16:30")).toBe("2022-07-08");
    expect(dateInLine("2022年7月8日 08:00")).toBe("2022-07-08");
    expect(dateInLine("Posted on 8th Jul 2022")).toBe("2022-07-08");
  });

  it("ignores impossible days, dates without a year and long sentences", () => {
    expect(dateInLine("2022-02-30")).toBeNull();
    expect(dateInLine("On July 7, Yang Jiechi had a telephone conversation")).toBeNull();
    expect(
      dateInLine(
        "Yang Jiechi said on 7 July 2022 that new and old issues in China Japan relations are intertwined, and difficulties cannot be ignored.",
      ),
    ).toBeNull();
  });

  it("takes a dateline under the title out of the body and keeps its day", () => {
    const draft = importReprintText("A title\n\n2022年7月8日 08:00\n\nPen / Rosa Lin\n\nThe body.");
    expect(draft.originalDate).toBe("2022-07-08");
    expect(draft.blocks).toEqual([{ type: "paragraph", text: "The body." }]);
    expect(isDateline("Published: 8 July 2022")).toBe(true);
    expect(isDateline("8 July 2022: what changed")).toBe(false);
  });

  it("finds no date in the seed page, which prints none", async () => {
    expect(importReprintText(await readFile(FIXTURE, "utf8")).originalDate).toBeNull();
  });
});

describe("guessTranslation", () => {
  it("marks the seed page, an English text from a WeChat official account, as translated from zh-Hans", async () => {
    const draft = importReprintText(await readFile(FIXTURE, "utf8"));
    const text = draft.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
    const language = detectLanguage(text);
    expect(language).toBe("en");
    expect(guessTranslation(draft, text, language, null)).toMatchObject({
      isTranslation: true,
      originalLanguage: "zh-Hans",
      reason: expect.stringContaining("WeChat"),
    });
  });

  it("leaves a Chinese text from WeChat, and an English text from an English site, untranslated", () => {
    const chinese = importReprintText(
      "标题\n\n来源：微信公众号：不一道\n\n这是一个关于台湾海峡局势的评论文章，我们转载时注明了出处。",
    );
    const text = chinese.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
    expect(guessTranslation(chinese, text, detectLanguage(text), "WECHAT_ACCOUNT")).toEqual({
      isTranslation: false,
      originalLanguage: "zh-Hans",
      reason: null,
    });
    const english = importReprintText(
      "A title\n\nSource: Harbour Review\n\nThe harbour master counted forty ships at dawn.",
    );
    expect(
      guessTranslation(english, "The harbour master counted forty ships at dawn.", "en", "WEBSITE"),
    ).toEqual({
      isTranslation: false,
      originalLanguage: "en",
      reason: null,
    });
  });

  it("marks a piece whose byline names a translator as translated", () => {
    const draft = importReprintText(
      "A title\n\nPen / Rosa Lin\nTranslator / Mei Chen\n\nThe body of the piece.",
    );
    expect(draft.bylines.some((b) => b.role === "TRANSLATOR")).toBe(true);
    expect(guessTranslation(draft, "The body of the piece.", "en", null).isTranslation).toBe(true);
  });
});
