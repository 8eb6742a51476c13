import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ImportError,
  importReprintText,
  makeExcerpt,
  type ImportedBlock,
  type ImportedReprint,
} from "@/lib/import/reprint-text";

const FIXTURE = readFileSync(
  path.join(process.cwd(), "prisma/seed-data/reprint-china-japan-taiwan.txt"),
  "utf8",
);

const TITLE = "Today, there is a special background for high-level calls between China and Japan!";
const FIRST_PARAGRAPH =
  "This summer, the active duty officials of Japan’s defense ministry will be stationed in Taiwan?";
const LAST_PARAGRAPH = "In this case, I hope some Japanese politicians will listen.";

function paragraphs(blocks: readonly ImportedBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === "paragraph" ? [block.text] : []));
}

function blockTexts(blocks: readonly ImportedBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === "sectionBreak" ? [] : [block.text]));
}

/** Imports `input`, expecting an ImportError, and returns the error. */
function importError(input: string): ImportError {
  try {
    importReprintText(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/’/g, "&rsquo;")
    .replace(/“/g, "&#8220;")
    .replace(/”/g, "&#x201D;");
}

/** The fixture as a WordPress page would render it: images where the double blank lines are. */
function fixtureAsHtml(text: string): string {
  const titleEnd = text.indexOf("\n");
  const title = text.slice(0, titleEnd);
  const sections = text
    .slice(titleEnd)
    .trim()
    .split(/\n{3,}/)
    .map((section) =>
      section
        .split(/\n{2,}/)
        .map((line) => {
          if (line === "Spread the love") return `<div class="sharing"><span>${line}</span></div>`;
          if (line === "Leave a Reply")
            return `<div id="respond"><h3 class="comment-reply-title">${line}</h3>`;
          if (line.startsWith("Your email")) {
            return `<form action="/wp-comments-post.php"><p class="comment-notes">${line}</p><textarea></textarea></form></div>`;
          }
          const html = escapeHtml(line).replace(/^This summer/, "This <strong>summer</strong>");
          return `<p>${html}</p>`;
        })
        .join("\n<p><br></p>\n"),
    );
  return [
    "<!DOCTYPE html><html><head><title>Crosscurrent</title><style>p { margin: 0 }</style></head><body>",
    '<nav><a href="/">Home</a></nav>',
    `<article><h1 class="entry-title">${escapeHtml(title)}</h1>`,
    '<script>window.dataLayer = ["<p>not text</p>"];</script>',
    sections.join(
      '\n<figure class="wp-block-image"><img src="photo.jpg" alt="Photo"><figcaption>A caption</figcaption></figure>\n',
    ),
    '</article><ul class="share"><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul>',
    "<footer>© 2022 Crosscurrent</footer></body></html>",
  ].join("\n");
}

describe("importReprintText on the seed fixture", () => {
  const draft: ImportedReprint = importReprintText(FIXTURE);

  it("takes the first line as the title", () => {
    expect(draft.title).toBe(TITLE);
  });

  it("reads the source line", () => {
    expect(draft.source).toEqual({
      name: "Bu Yidao",
      platform: "WECHAT_ACCOUNT",
      authorizationClaim: "has been authorized to reprint",
      line: "Source: wechat official account: Bu Yidao has been authorized to reprint",
    });
  });

  it("reads both authors from the byline", () => {
    expect(draft.bylines).toEqual([
      { name: "Tiger knife", role: "AUTHOR" },
      { name: "Sister Daodao", role: "AUTHOR" },
    ]);
  });

  it("keeps every paragraph, from the first to the last, and nothing else", () => {
    const texts = paragraphs(draft.blocks);
    expect(texts[0]).toBe(FIRST_PARAGRAPH);
    expect(texts.at(-1)).toBe(LAST_PARAGRAPH);
    expect(texts).toHaveLength(68);
    expect(draft.blocks.every((block) => block.type !== "heading")).toBe(true);
  });

  it("drops share widgets and the comment form", () => {
    const all = blockTexts(draft.blocks).join("\n");
    for (const boilerplate of ["Spread the love", "Leave a Reply", "Your email address", "Required fields"]) {
      expect(all).not.toContain(boilerplate);
    }
    expect(all).not.toContain("Source:");
    expect(all).not.toContain("Pen /");
    expect(all).not.toContain(TITLE);
  });

  it("puts a section break exactly where two blank lines stood", () => {
    const breaks = draft.blocks.flatMap((block, i) => (block.type === "sectionBreak" ? [i] : []));
    expect(breaks).toHaveLength(9);
    expect(draft.blocks[0]?.type).toBe("paragraph");
    expect(draft.blocks.at(-1)?.type).toBe("paragraph");
    for (const i of breaks) {
      expect(draft.blocks[i - 1]?.type).toBe("paragraph");
      expect(draft.blocks[i + 1]?.type).toBe("paragraph");
    }
    const expectedPairs = [...FIXTURE.matchAll(/([^\n]+)\n{3,}([^\n]+)/g)].map((m) => [m[1], m[2]]);
    const actualPairs = breaks.map((i) => {
      const before = draft.blocks[i - 1];
      const after = draft.blocks[i + 1];
      return [before?.type === "paragraph" ? before.text : "", after?.type === "paragraph" ? after.text : ""];
    });
    expect(actualPairs).toEqual(expectedPairs);
    expect(actualPairs[0]).toEqual([
      "Recently, Japan has made constant small moves on the situation in the Taiwan Strait. An observer asked: as a “supporting role” in the Taiwan Strait situation in the past, is Japan gradually stepping onto the “leading role” stage?",
      "According to Japanese media, the Japanese government plans to send a civilian active duty staff of the Ministry of defense to the Taipei Office of the Japan Taiwan Exchange Association, the window organ of Japan’s Taiwan Affairs, rather than the “military attache” of the sea, land and air self defense force.",
    ]);
  });

  it("uses the first paragraph as the excerpt", () => {
    expect(draft.excerpt).toBe(FIRST_PARAGRAPH);
  });

  it("gives the same result for CRLF line endings, a BOM and decomposed Unicode", () => {
    const messy = `\uFEFF${FIXTURE.normalize("NFD").replace(/\n/g, "\r\n")}`;
    expect(importReprintText(messy)).toEqual(draft);
  });

  it("gives the same article when the page is pasted as HTML", () => {
    const html = fixtureAsHtml(FIXTURE);
    const fromHtml = importReprintText(html);
    expect(fromHtml.title).toBe(TITLE);
    expect(fromHtml.source).toEqual(draft.source);
    expect(fromHtml.bylines).toEqual(draft.bylines);
    expect(paragraphs(fromHtml.blocks)).toEqual(paragraphs(draft.blocks));
    expect(fromHtml.blocks).toEqual(draft.blocks);
    expect(fromHtml.excerpt).toBe(draft.excerpt);
    const all = blockTexts(fromHtml.blocks).join("\n");
    expect(all).not.toMatch(/<|&[a-z#0-9]+;/i);
    expect(all).not.toContain("caption");
    expect(all).not.toContain("Twitter");
  });
});

describe("importReprintText errors", () => {
  it("rejects empty and whitespace-only input", () => {
    for (const input of ["", "   ", "\n\n\t \r\n", "\u200B\u3000\uFEFF"]) {
      const error = importError(input);
      expect(error.missing).toEqual(["title", "body"]);
      expect(error.message).toMatch(/empty/);
    }
  });

  it("rejects a page of boilerplate only", () => {
    const error = importError(
      "Spread the love\n\nShare this:\n\nTweet\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nPost Comment",
    );
    expect(error.missing).toEqual(["title", "body"]);
    expect(error.message).toBe(
      "The pasted text has no title and no body: it holds no article text, only page furniture such as share buttons or a comment form. Paste the article with its title on the first line and its paragraphs below it.",
    );
  });

  it("rejects a title with no body", () => {
    const error = importError(
      "A title on its own\n\nSource: Reuters\n\nBy Jane Doe\n\nSpread the love\n\nLeave a Reply\n\nA comment",
    );
    expect(error.missing).toEqual(["body"]);
    expect(error.message).toContain("no body");
    expect(error.message).toContain("“A title on its own”");
    expect(importError("Just a title").missing).toEqual(["body"]);
  });

  it("rejects binary junk and lines of symbols", () => {
    expect(importError("\u0000\u0001\u0002\u0003\u0004\u0005garbage\u0006\u0007").missing).toEqual([
      "title",
      "body",
    ]);
    expect(importError("\u0000\u0001\u0002").message).toMatch(/binary/);
    expect(importError("#$%^&*()!@".repeat(5000)).missing).toEqual(["title", "body"]);
    expect(importError("=".repeat(100_000)).missing).toEqual(["title", "body"]);
    expect(importError("<div></div><p> </p><br><hr><img src=x>").missing).toEqual(["title", "body"]);
  });

  it("rejects a first line too long to be a title", () => {
    const error = importError(`${"word ".repeat(100)}\n\nA paragraph.`);
    expect(error.missing).toEqual(["title"]);
    expect(error.message).toContain("499 characters");
  });

  it("is an Error with a name", () => {
    const error = importError("");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ImportError");
  });
});

describe("byline variants", () => {
  const bylinesOf = (line: string) => importReprintText(`Title\n\n${line}\n\nBody paragraph.`).bylines;

  it.each([
    ["Pen / Tiger knife & Sister Daodao", ["Tiger knife", "Sister Daodao"]],
    ["By Jane Doe and John Roe", ["Jane Doe", "John Roe"]],
    ["By: Jane Doe", ["Jane Doe"]],
    ["Author: Jane Doe, John Roe", ["Jane Doe", "John Roe"]],
    ["Authors: Jane Doe / John Roe", ["Jane Doe", "John Roe"]],
    ["作者：刀哥、刀妹", ["刀哥", "刀妹"]],
    ["文 / 刀哥", ["刀哥"]],
    ["文/刀哥&刀妹", ["刀哥", "刀妹"]],
    ["Written by Jane Doe", ["Jane Doe"]],
  ])("%s → authors", (line, names) => {
    expect(bylinesOf(line)).toEqual(names.map((name) => ({ name, role: "AUTHOR" })));
  });

  it.each([
    ["Translated by Li Lei", ["Li Lei"]],
    ["Translator: Li Lei and Han Meimei", ["Li Lei", "Han Meimei"]],
    ["编译：李雷", ["李雷"]],
    ["译者：李雷，韩梅梅", ["李雷", "韩梅梅"]],
  ])("%s → translators", (line, names) => {
    expect(bylinesOf(line)).toEqual(names.map((name) => ({ name, role: "TRANSLATOR" })));
  });

  it("reads authors and translators from one line, skipping editors and dates", () => {
    expect(bylinesOf("By Jane Doe | Translated by Li Lei | July 8, 2022")).toEqual([
      { name: "Jane Doe", role: "AUTHOR" },
      { name: "Li Lei", role: "TRANSLATOR" },
    ]);
    expect(bylinesOf("作者：刀哥 编辑：小王 翻译：李雷")).toEqual([
      { name: "刀哥", role: "AUTHOR" },
      { name: "李雷", role: "TRANSLATOR" },
    ]);
  });

  it("collects bylines from separate lines and from the end of the article, once each", () => {
    const draft = importReprintText(
      "Title\n\nBy Jane Doe\n\nFirst paragraph.\n\nSecond paragraph.\n\nTranslated by Li Lei\n\nAuthor: Jane Doe",
    );
    expect(draft.bylines).toEqual([
      { name: "Jane Doe", role: "AUTHOR" },
      { name: "Li Lei", role: "TRANSLATOR" },
    ]);
    expect(paragraphs(draft.blocks)).toEqual(["First paragraph.", "Second paragraph."]);
  });

  it("does not mistake prose starting with “By” for a byline", () => {
    const draft = importReprintText(
      "Title\n\nBy 2030, China will have the largest navy in the world.\n\nBy contrast, Japan spends less.",
    );
    expect(draft.bylines).toEqual([]);
    expect(paragraphs(draft.blocks)).toEqual([
      "By 2030, China will have the largest navy in the world.",
      "By contrast, Japan spends less.",
    ]);
  });

  it("keeps byline-like lines inside the body as text", () => {
    const draft = importReprintText("Title\n\nFirst paragraph.\n\nBy Jane Doe\n\nLast paragraph.");
    expect(draft.bylines).toEqual([]);
    expect(paragraphs(draft.blocks)).toEqual(["First paragraph.", "By Jane Doe", "Last paragraph."]);
  });
});

describe("source variants", () => {
  const sourceOf = (line: string) => importReprintText(`Title\n\n${line}\n\nBody paragraph.`).source;

  it.each([
    [
      "Source: wechat official account: Bu Yidao has been authorized to reprint",
      "Bu Yidao",
      "WECHAT_ACCOUNT",
      "has been authorized to reprint",
    ],
    ["source : WeChat public account Bu Yidao", "Bu Yidao", "WECHAT_ACCOUNT", null],
    ["来源：微信公众号：补壹刀，已获授权转载", "补壹刀", "WECHAT_ACCOUNT", "已获授权转载"],
    ["来源：微信公众号「补壹刀」", "补壹刀", "WECHAT_ACCOUNT", null],
    ["来源：环球时报微信公众号", "环球时报", "WECHAT_ACCOUNT", null],
    ["来源：人民日报", "人民日报", "NEWSPAPER", null],
    [
      "Source: newspaper: The Daily Planet, reprinted with permission",
      "The Daily Planet",
      "NEWSPAPER",
      "reprinted with permission",
    ],
    ["Source: Xinhua News Agency", "Xinhua News Agency", "AGENCY", null],
    ["来源：新华社", "新华社", "AGENCY", null],
    ["Source: website: Guancha", "Guancha", "WEBSITE", null],
    ["来源：观察者网", "观察者网", "WEBSITE", null],
    ["Source: https://www.example.com/articles/123", "example.com", "WEBSITE", null],
    ["Source: The Diplomat", "The Diplomat", null, null],
    ["Republished with permission from The Diplomat.", "The Diplomat", null, "Republished with permission"],
    ["本文经授权转载自微信公众号补壹刀", "补壹刀", "WECHAT_ACCOUNT", "本文经授权转载"],
  ] as const)("%s", (line, name, platform, authorizationClaim) => {
    expect(sourceOf(line)).toEqual({ name, platform, authorizationClaim, line });
  });

  it("reads a source given at the end of the article", () => {
    const draft = importReprintText("标题\n\n第一段。\n\n第二段。\n\n来源：环球网\n\n责任编辑：小王");
    expect(draft.source?.name).toBe("环球网");
    expect(draft.source?.platform).toBe("WEBSITE");
    expect(paragraphs(draft.blocks)).toEqual(["第一段。", "第二段。"]);
  });

  it("reads a source and a byline sharing one line", () => {
    const draft = importReprintText("Title\n\nBy Jane Doe | Source: Reuters\n\nBody paragraph.");
    expect(draft.bylines).toEqual([{ name: "Jane Doe", role: "AUTHOR" }]);
    expect(draft.source?.name).toBe("Reuters");
    expect(draft.source?.platform).toBe("AGENCY");
  });

  it("has no source when the text names none", () => {
    expect(importReprintText("Title\n\nBody paragraph.").source).toBeNull();
  });
});

describe("body structure", () => {
  it("never starts or ends with a section break, and never puts two together", () => {
    const draft = importReprintText("Title\n\n\n\n\nFirst.\n\n\n\n* * *\n\n\n◆◆◆\n\n\nSecond.\n\n\n\n\n");
    expect(draft.blocks).toEqual([
      { type: "paragraph", text: "First." },
      { type: "sectionBreak" },
      { type: "paragraph", text: "Second." },
    ]);
  });

  it("does not turn a dropped line between single blank lines into a section break", () => {
    const draft = importReprintText("Title\n\nFirst.\n\nShare this:\n\nSecond.\n\nAdvertisement\n\nThird.");
    expect(draft.blocks).toEqual([
      { type: "paragraph", text: "First." },
      { type: "paragraph", text: "Second." },
      { type: "paragraph", text: "Third." },
    ]);
  });

  it("drops share widgets anywhere and everything after the comment form or related posts", () => {
    const draft = importReprintText(
      [
        "Title",
        "Click to share on Twitter (Opens in new window)",
        "Like this:",
        "First.",
        "分享到：",
        "Second.",
        "You may also like",
        "Another article's headline",
        "Leave a Comment",
        "A reader's comment.",
      ].join("\n\n"),
    );
    expect(paragraphs(draft.blocks)).toEqual(["First.", "Second."]);
  });

  it("does not cut the article at a comment link above its first paragraph", () => {
    const draft = importReprintText("Title\n\nLeave a comment\n\nJuly 8, 2022\n\nFirst.\n\nSecond.");
    expect(paragraphs(draft.blocks)).toEqual(["First.", "Second."]);
  });

  it("joins hard-wrapped lines inside a paragraph", () => {
    const draft = importReprintText(
      "Title\n\nThe first paragraph was\nwrapped by an email client.\n\n第二段被\n折行了。",
    );
    expect(paragraphs(draft.blocks)).toEqual([
      "The first paragraph was wrapped by an email client.",
      "第二段被折行了。",
    ]);
  });

  it("reads one paragraph per line when the text has no blank lines", () => {
    const draft = importReprintText("Title\nFirst paragraph\nSecond paragraph\nThird paragraph");
    expect(paragraphs(draft.blocks)).toEqual(["First paragraph", "Second paragraph", "Third paragraph"]);
  });

  it("normalizes spaces and Unicode", () => {
    const draft = importReprintText("  Cafe\u0301 talks \n\n\u3000\u3000Japan\u00A0and  China\u200B met.\t");
    expect(draft.title).toBe("Café talks");
    expect(paragraphs(draft.blocks)).toEqual(["Japan and China met."]);
  });

  it("reads Markdown headings", () => {
    const draft = importReprintText("# Title\n\nIntro.\n\n## Background\n\nMore.");
    expect(draft.title).toBe("Title");
    expect(draft.blocks).toEqual([
      { type: "paragraph", text: "Intro." },
      { type: "heading", text: "Background" },
      { type: "paragraph", text: "More." },
    ]);
  });
});

describe("HTML input", () => {
  it("maps headings, breaks, lists and entities, and keeps no markup", () => {
    const draft = importReprintText(
      [
        "<div class='site'>My Blog</div>",
        "<h1>Japan &amp; Taiwan: “a new era”</h1>",
        "<p>Source: website: Example News</p>",
        "<p>By Jane Doe</p>",
        "<p>First line<br>second line.</p>",
        "<p>&nbsp;</p>",
        "<h2>Background</h2>",
        "<p>Caf&eacute; &#x1F600; <img class='emoji' alt='😀' src='e.png'> &#146;quoted&#146; &lt;tag&gt;</p>",
        "<hr>",
        "<ol><li>One</li><li>Two</li></ol>",
        "<!-- a comment --><script>alert(1)</script>",
      ].join(""),
    );
    expect(draft.title).toBe("Japan & Taiwan: “a new era”");
    expect(draft.source?.name).toBe("Example News");
    expect(draft.source?.platform).toBe("WEBSITE");
    expect(draft.bylines).toEqual([{ name: "Jane Doe", role: "AUTHOR" }]);
    expect(draft.blocks).toEqual([
      { type: "paragraph", text: "First line second line." },
      { type: "heading", text: "Background" },
      { type: "paragraph", text: "Café 😀 😀 ’quoted’ <tag>" },
      { type: "sectionBreak" },
      { type: "paragraph", text: "1. One" },
      { type: "paragraph", text: "2. Two" },
    ]);
  });

  it("strips inline tags from otherwise plain text", () => {
    const draft = importReprintText("Title\n\nSome <strong>bold</strong> &amp; <a href='x'>linked</a> text.");
    expect(paragraphs(draft.blocks)).toEqual(["Some bold & linked text."]);
  });

  it("keeps plain text that only mentions a tag", () => {
    const draft = importReprintText("Title\n\nWrite <p> to start a paragraph.\n\nSecond.");
    expect(paragraphs(draft.blocks)).toEqual(["Write <p> to start a paragraph.", "Second."]);
  });
});

describe("makeExcerpt", () => {
  it("keeps short text whole", () => {
    expect(makeExcerpt("Short.")).toBe("Short.");
  });

  it("cuts long text at a word boundary within 200 characters", () => {
    const text = `${"alpha beta gamma, ".repeat(20)}end`;
    const excerpt = makeExcerpt(text);
    expect(excerpt.length).toBeLessThanOrEqual(200);
    expect(excerpt).toBe(`${"alpha beta gamma, ".repeat(10)}alpha beta gamma…`);
  });

  it("cuts Chinese text without spaces and an unbroken string by characters", () => {
    const chinese = makeExcerpt("日本政府计划向台湾派驻现役防卫官员。".repeat(20));
    expect(chinese.length).toBeLessThanOrEqual(200);
    expect(chinese.endsWith("…")).toBe(true);
    expect(makeExcerpt("x".repeat(500))).toBe(`${"x".repeat(199)}…`);
  });

  it("is used for a long first paragraph", () => {
    const long = "word ".repeat(100).trim();
    const draft = importReprintText(`Title\n\n${long}`);
    expect(draft.excerpt).toBe(`${"word ".repeat(39)}word…`);
    expect(draft.excerpt.length).toBe(200);
  });
});
