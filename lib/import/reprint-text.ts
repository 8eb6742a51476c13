// Turns an article an editor pasted (plain text, or HTML copied from a web page) into a reprint
// draft: title, source line, bylines, body blocks and excerpt. Pure: no DB, no Node-only APIs.

export type SourcePlatform = "WECHAT_ACCOUNT" | "NEWSPAPER" | "WEBSITE" | "AGENCY" | "INDIVIDUAL";
export type BylineRole = "AUTHOR" | "TRANSLATOR";

export type ImportedBlock =
  { type: "paragraph"; text: string } | { type: "heading"; text: string } | { type: "sectionBreak" };

export interface ImportedSource {
  name: string;
  platform: SourcePlatform | null;
  /** The rights statement as written, e.g. "has been authorized to reprint". */
  authorizationClaim: string | null;
  /** The whole line the source came from, as pasted. */
  line: string;
}

export interface ImportedByline {
  name: string;
  role: BylineRole;
}

export interface ImportedReprint {
  title: string;
  source: ImportedSource | null;
  bylines: ImportedByline[];
  blocks: ImportedBlock[];
  excerpt: string;
}

export type ImportMissingPart = "title" | "body";

export class ImportError extends Error {
  readonly missing: readonly ImportMissingPart[];

  constructor(missing: readonly ImportMissingPart[], message: string) {
    super(message);
    this.name = "ImportError";
    this.missing = missing;
  }
}

export const MAX_TITLE_LENGTH = 300;
export const MAX_EXCERPT_LENGTH = 200;
// Longer lines are prose, never a source or byline line.
const MAX_META_LINE_LENGTH = 300;

export function importReprintText(input: string): ImportedReprint {
  if (typeof input !== "string") throw emptyError();
  if (looksBinary(input)) {
    throw new ImportError(
      ["title", "body"],
      "The pasted content is not readable text (it looks like binary data, such as an image or a file). " +
        "Copy the article's text from the page and paste it again.",
    );
  }
  const text = normalizeInput(input);
  const html = looksLikeHtml(text);
  const items = (html ? htmlToLines(text) : textToLines(text)).map(classifyLine);
  if (items.every((item) => item.kind === "blank")) throw emptyError();

  const titleIndex = findTitleIndex(items, html);
  const metadata: Item[] = items.slice(0, Math.max(titleIndex, 0)).filter((item) => item.kind === "meta");
  const body = titleIndex === -1 ? [] : resolveBody(items.slice(titleIndex + 1));
  const blocks = buildBlocks(body);
  const titleItem = titleIndex === -1 ? undefined : items[titleIndex];
  const title = titleItem?.kind === "text" ? cleanTitle(titleItem.text) : "";

  const titleTooLong = title.length > MAX_TITLE_LENGTH;
  const hasBody = blocks.some((block) => block.type === "paragraph");
  if (!title || titleTooLong || !hasBody) {
    throw missingPartsError(title, titleTooLong, hasBody);
  }

  const { source, bylines } = collectMetadata([...metadata, ...body]);
  const firstParagraph = blocks.find((block) => block.type === "paragraph");
  return {
    title,
    source,
    bylines,
    blocks,
    excerpt: firstParagraph?.type === "paragraph" ? makeExcerpt(firstParagraph.text) : "",
  };
}

function emptyError(): ImportError {
  return new ImportError(
    ["title", "body"],
    "Nothing to import: the pasted text is empty. Paste the article with its title on the first line and its paragraphs below it.",
  );
}

function missingPartsError(title: string, titleTooLong: boolean, hasBody: boolean): ImportError {
  const missing: ImportMissingPart[] = [];
  if (!title || titleTooLong) missing.push("title");
  if (!hasBody) missing.push("body");
  if (titleTooLong) {
    return new ImportError(
      missing,
      `The pasted text has no title: its first line is ${title.length} characters long, which reads as a paragraph ` +
        `(a title has at most ${MAX_TITLE_LENGTH}). Put the article's title alone on the first line.` +
        (hasBody ? "" : " The article's paragraphs should follow it, separated by blank lines."),
    );
  }
  if (missing.length === 2) {
    return new ImportError(
      missing,
      "The pasted text has no title and no body: it holds no article text, only page furniture such as share " +
        "buttons or a comment form. Paste the article with its title on the first line and its paragraphs below it.",
    );
  }
  if (!title) {
    return new ImportError(
      missing,
      "The pasted text has no title: the first non-empty line should be the article's title.",
    );
  }
  return new ImportError(
    missing,
    `The pasted text has no body: nothing follows the title “${title}” but metadata or page furniture. ` +
      "Paste the article's paragraphs below the title, separated by blank lines.",
  );
}

// ─── Input normalization ─────────────────────────────────────────────────────

// C0/C1 controls (tab, newline and carriage return aside), the replacement character and noncharacters.
const UNREADABLE_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD\uFFFE\uFFFF]/g;
const INVISIBLE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\uFFFC-\uFFFF]/g;
const SPACE_CHARS = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Text pasted from a document is almost free of control characters; binary data read as text is full of them. */
function looksBinary(input: string): boolean {
  const unreadable = input.match(UNREADABLE_CHARS)?.length ?? 0;
  if (unreadable === 0) return false;
  const visible = input.length - (input.match(/\s/g)?.length ?? 0);
  return unreadable >= visible * 0.05;
}

function normalizeInput(input: string): string {
  return input
    .replace(/\r\n?|\u0085|\u2028|[\v\f]/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .normalize("NFC");
}

function cleanLine(line: string): string {
  return line
    .normalize("NFC")
    .replace(SPACE_CHARS, " ")
    .replace(INVISIBLE_CHARS, "")
    .replace(/ {2,}/g, " ")
    .trim();
}

// ─── Lines ───────────────────────────────────────────────────────────────────

/** One line of the pasted article; `heading` is 1–6 for an HTML or Markdown heading, else 0. */
interface RawLine {
  text: string;
  heading: number;
}

function textToLines(text: string): RawLine[] {
  const withoutInlineTags = INLINE_TAG.test(text)
    ? decodeEntities(text.replace(INLINE_TAG_GLOBAL, ""))
    : text;
  return withoutInlineTags.split("\n").map((line) => {
    const clean = cleanLine(line);
    const markdownHeading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/u.exec(clean);
    if (markdownHeading) return { text: markdownHeading[2] ?? "", heading: markdownHeading[1]?.length ?? 0 };
    return { text: clean, heading: 0 };
  });
}

// ─── HTML ────────────────────────────────────────────────────────────────────

const HTML_BLOCK_TAG =
  /<(?:!doctype\s+html|html|head|body|p|div|br|h[1-6]|hr|img|figure|article|section|main|ul|ol|li|blockquote|table|tr|pre)\b[^>]*>/gi;
// Inline markup inside otherwise plain text, e.g. a paste that kept <strong> but no block structure.
const INLINE_TAG_SOURCE = String.raw`<\/?(?:span|a|strong|b|em|i|u|s|font|sup|sub|small|mark|del|ins|code|abbr|cite|q|time)\b[^<>]*>`;
const INLINE_TAG = new RegExp(INLINE_TAG_SOURCE, "i");
const INLINE_TAG_GLOBAL = new RegExp(INLINE_TAG_SOURCE, "gi");

function looksLikeHtml(text: string): boolean {
  const blockTags = text.match(HTML_BLOCK_TAG)?.length ?? 0;
  // Plain text that merely mentions a tag or two keeps its line structure.
  return blockTags > 0 && (/^\s*</.test(text) || blockTags >= 3);
}

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "header",
  "hgroup",
  "html",
  "li",
  "main",
  "ol",
  "p",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);
// Dropped with everything inside them: page chrome, scripts, forms (the comment form among them).
const SKIPPED_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "math",
  "form",
  "nav",
  "aside",
  "footer",
  "button",
  "select",
  "textarea",
  "dialog",
]);
// Where an image or embed stood, the article has a section break.
const MEDIA_TAGS = new Set([
  "img",
  "figure",
  "picture",
  "video",
  "audio",
  "iframe",
  "embed",
  "object",
  "canvas",
  "svg",
]);
const VOID_TAGS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

// Attributes are matched one by one so a stray quote cannot swallow the page.
const HTML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][\w:-]*)((?:(?:\s+|(?<=["']))[^\s=>\/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>|[^<]+|</gy;
const HTML_ATTRIBUTE = /([^\s=>\/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function htmlToLines(html: string): RawLine[] {
  const out = new LineBuilder();
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let preDepth = 0;
  HTML_TOKEN.lastIndex = 0;
  let token: RegExpExecArray | null;
  while (HTML_TOKEN.lastIndex < html.length && (token = HTML_TOKEN.exec(html)) !== null) {
    const [whole, cdata, slash, rawName, rawAttributes] = token;
    if (cdata !== undefined) {
      out.text(cdata.replace(/\s+/g, " "));
      continue;
    }
    if (rawName === undefined) {
      if (whole.startsWith("<!") || whole.startsWith("<?")) continue;
      appendHtmlText(out, decodeEntities(whole), preDepth > 0);
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = slash === "/";
    if (closing) {
      if (/^h[1-6]$/.test(name)) {
        out.boundary();
        out.heading = 0;
      } else if (name === "ol" || name === "ul") {
        lists.pop();
        out.boundary();
      } else if (name === "pre") {
        preDepth = Math.max(0, preDepth - 1);
        out.boundary();
      } else if (name === "td" || name === "th") {
        out.text(" ");
      } else if (BLOCK_TAGS.has(name)) {
        out.boundary();
      }
      continue;
    }

    const selfClosing = whole.endsWith("/>") || VOID_TAGS.has(name);
    if ((SKIPPED_TAGS.has(name) || MEDIA_TAGS.has(name)) && !selfClosing) {
      const close = new RegExp(`</${name}\\s*>`, "gi");
      close.lastIndex = HTML_TOKEN.lastIndex;
      if (close.exec(html) !== null) HTML_TOKEN.lastIndex = close.lastIndex;
    }
    if (name === "img") {
      const attributes = parseAttributes(rawAttributes ?? "");
      // WordPress and others render emoji as tiny images: keep the character, not a break.
      if (/\b(?:emoji|wp-smiley|smiley)\b/i.test(attributes.get("class") ?? "")) {
        out.text(attributes.get("alt") ?? "");
      } else {
        out.sectionBreak();
      }
    } else if (MEDIA_TAGS.has(name) || name === "hr") {
      out.sectionBreak();
    } else if (SKIPPED_TAGS.has(name)) {
      out.boundary();
    } else if (name === "br") {
      out.newline();
    } else if (/^h[1-6]$/.test(name)) {
      out.boundary();
      out.heading = Number(name.slice(1));
    } else if (name === "ol" || name === "ul") {
      out.boundary();
      const start = Number(parseAttributes(rawAttributes ?? "").get("start") ?? "1");
      lists.push({ ordered: name === "ol", count: Number.isFinite(start) ? start - 1 : 0 });
    } else if (name === "li") {
      out.boundary();
      const list = lists.at(-1);
      if (list?.ordered) out.text(`${++list.count}. `);
    } else if (name === "pre") {
      out.boundary();
      preDepth++;
    } else if (BLOCK_TAGS.has(name)) {
      out.boundary();
    }
  }
  return out.finish().map((line) => ({ text: cleanLine(line.text), heading: line.heading }));
}

function appendHtmlText(out: LineBuilder, text: string, preformatted: boolean): void {
  if (!preformatted) {
    out.text(text.replace(/[ \t\n\r\f]+/g, " "));
    return;
  }
  text.split("\n").forEach((part, i) => {
    if (i > 0) out.newline();
    out.text(part);
  });
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(HTML_ATTRIBUTE)) {
    const [, name, doubleQuoted, singleQuoted, unquoted] = match;
    if (name)
      attributes.set(name.toLowerCase(), decodeEntities(doubleQuoted ?? singleQuoted ?? unquoted ?? ""));
  }
  return attributes;
}

/**
 * Collects HTML text into lines the plain-text rules read: a paragraph boundary is one blank line and a
 * section break (an image, an embed, <hr>) two, however many tags produced them.
 */
class LineBuilder {
  heading = 0;
  private readonly lines: RawLine[] = [];
  private current = "";
  private currentHeading = 0;
  private pendingNewlines = 0;

  text(text: string): void {
    if (text === "") return;
    if (text.trim() === "" && (this.current.trim() === "" || this.pendingNewlines > 0)) return;
    if (this.pendingNewlines > 0) this.flush();
    if (this.current === "") this.currentHeading = this.heading;
    this.current += text;
  }

  /** <br>: a run of them makes at most a paragraph boundary, never a section break. */
  newline(): void {
    if (this.pendingNewlines < 2) this.pendingNewlines++;
  }

  boundary(): void {
    this.pendingNewlines = Math.max(this.pendingNewlines, 2);
  }

  sectionBreak(): void {
    this.pendingNewlines = 3;
  }

  finish(): RawLine[] {
    if (this.current.trim() !== "") this.lines.push({ text: this.current, heading: this.currentHeading });
    return this.lines;
  }

  private flush(): void {
    if (this.current.trim() !== "") {
      this.lines.push({ text: this.current, heading: this.currentHeading });
      for (let i = 1; i < this.pendingNewlines; i++) this.lines.push({ text: "", heading: 0 });
    }
    this.current = "";
    this.pendingNewlines = 0;
  }
}

// Latin-1 names in code point order from U+00A0, then the other entities pasted pages commonly use.
const LATIN1_ENTITY_NAMES =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute " +
  "micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring " +
  "AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml " +
  "times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil " +
  "egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash " +
  "ugrave uacute ucirc uuml yacute thorn yuml";
const NAMED_ENTITIES = new Map<string, string>([
  ...LATIN1_ENTITY_NAMES.split(" ").map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
  ...Object.entries({
    amp: "&",
    AMP: "&",
    lt: "<",
    LT: "<",
    gt: ">",
    GT: ">",
    quot: '"',
    QUOT: '"',
    apos: "'",
    ensp: "\u2002",
    emsp: "\u2003",
    thinsp: "\u2009",
    hairsp: "\u200A",
    zwnj: "\u200C",
    zwj: "\u200D",
    lrm: "\u200E",
    rlm: "\u200F",
    ndash: "–",
    mdash: "—",
    minus: "−",
    lsquo: "‘",
    rsquo: "’",
    sbquo: "‚",
    ldquo: "“",
    rdquo: "”",
    bdquo: "„",
    lsaquo: "‹",
    rsaquo: "›",
    hellip: "…",
    bull: "•",
    prime: "′",
    Prime: "″",
    dagger: "†",
    Dagger: "‡",
    permil: "‰",
    trade: "™",
    euro: "€",
    OElig: "Œ",
    oelig: "œ",
    Scaron: "Š",
    scaron: "š",
    Yuml: "Ÿ",
    fnof: "ƒ",
    circ: "ˆ",
    tilde: "˜",
    larr: "←",
    rarr: "→",
    uarr: "↑",
    darr: "↓",
    harr: "↔",
    star: "☆",
    check: "✓",
  }),
]);
// Entities browsers accept without the closing semicolon.
const LEGACY_ENTITIES = new Set([
  "amp",
  "AMP",
  "lt",
  "LT",
  "gt",
  "GT",
  "quot",
  "QUOT",
  "nbsp",
  "copy",
  "reg",
]);
// Numeric references in 0x80–0x9F mean Windows-1252 characters, as browsers read them.
const WINDOWS_1252: Record<number, string> = {
  0x80: "€",
  0x82: "‚",
  0x83: "ƒ",
  0x84: "„",
  0x85: "…",
  0x86: "†",
  0x87: "‡",
  0x88: "ˆ",
  0x89: "‰",
  0x8a: "Š",
  0x8b: "‹",
  0x8c: "Œ",
  0x8e: "Ž",
  0x91: "‘",
  0x92: "’",
  0x93: "“",
  0x94: "”",
  0x95: "•",
  0x96: "–",
  0x97: "—",
  0x98: "˜",
  0x99: "™",
  0x9a: "š",
  0x9b: "›",
  0x9c: "œ",
  0x9e: "ž",
  0x9f: "Ÿ",
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}))(;?)/g;

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(
    ENTITY,
    (
      match,
      decimal: string | undefined,
      hex: string | undefined,
      name: string | undefined,
      semicolon: string,
    ) => {
      if (decimal !== undefined || hex !== undefined) {
        const codePoint =
          decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? "", 16);
        const windows1252 = WINDOWS_1252[codePoint];
        if (windows1252) return windows1252;
        const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
        return valid ? String.fromCodePoint(codePoint) : "\uFFFD";
      }
      if (name === undefined) return match;
      const decoded = NAMED_ENTITIES.get(name);
      if (decoded === undefined || (!semicolon && !LEGACY_ENTITIES.has(name))) return match;
      return decoded;
    },
  );
}

// ─── Boilerplate ─────────────────────────────────────────────────────────────

/**
 * drop: removed wherever it stands. drop-rest: the article has ended; once the body has begun, this line
 * and everything after it go. drop-at-edges: metadata, removed before the first or after the last
 * paragraph, kept as text in between. break: a placeholder for an image, read as a section break.
 */
type BoilerplateAction = "drop" | "drop-rest" | "drop-at-edges" | "break";

interface BoilerplateRule {
  action: BoilerplateAction;
  /** Whole lines, lower-cased, without trailing ":", "*", "." or "…". */
  exact?: readonly string[];
  /** Line beginnings, lower-cased. */
  prefix?: readonly string[];
  pattern?: RegExp;
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    action: "drop",
    exact: [
      // share widgets and reactions
      "spread the love",
      "sharing is caring",
      "share",
      "share this",
      "share this article",
      "share this post",
      "share this story",
      "share on",
      "share via",
      "shares",
      "tweet",
      "pin it",
      "like this",
      "like",
      "loading",
      "be the first to like this",
      "opens in new window",
      "(opens in new window)",
      "email",
      "print",
      "facebook",
      "twitter",
      "linkedin",
      "whatsapp",
      "telegram",
      "reddit",
      "pinterest",
      "more",
      "advertisement",
      "sponsored",
      "subscribe",
      "read more",
      "continue reading",
      // WeChat page furniture
      "分享",
      "分享至",
      "点赞",
      "在看",
      "收藏",
      "转发",
      "阅读原文",
      "微信扫一扫关注该公众号",
      "微信扫一扫",
      "预览时标签不可点",
      "继续滑动看下一个",
      "向上滑动看下一个",
      "轻触阅读原文",
      "知道了",
    ],
    prefix: [
      "click to share",
      "click to email",
      "click to print",
      "share on facebook",
      "share on twitter",
      "share on x",
      "share to",
      "分享到",
      "长按二维码",
      "长按识别",
      "扫码关注",
      "点击上方",
      "点击蓝字",
      "sign up for our newsletter",
      "subscribe to our newsletter",
    ],
  },
  {
    action: "drop",
    // a share bar flattened onto one line: "Facebook Twitter WhatsApp Email"
    pattern:
      /^(?:(?:share|tweet|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|tumblr|pocket|e-?mail|print|weibo|wechat|微信|微博|qq|more)[\s,|·•/]*){2,}$/iu,
  },
  { action: "drop", pattern: /^[-—–=*\s]*(?:end|完)[-—–=*\s]*$|^[(（]完[)）]$/iu },
  {
    action: "drop-rest",
    exact: [
      // the WordPress comment form and comment list
      "leave a reply",
      "leave a comment",
      "leave a response",
      "post comment",
      "cancel reply",
      "comments",
      "responses",
      "join the discussion",
      // related-content tails and post navigation
      "related",
      "related posts",
      "related articles",
      "related stories",
      "related content",
      "you may also like",
      "you might also like",
      "read next",
      "recommended",
      "recommended for you",
      "more stories",
      "post navigation",
      "previous post",
      "next post",
      "previous article",
      "next article",
      "相关文章",
      "相关阅读",
      "相关推荐",
      "推荐阅读",
      "延伸阅读",
      "猜你喜欢",
      "喜欢此内容的人还喜欢",
      "发表评论",
      "写留言",
      "留言",
      "精选留言",
      "评论",
    ],
    prefix: [
      "your email address will not be published",
      "required fields are marked",
      "leave a reply to",
      "you must be logged in to post a comment",
      "this site uses akismet",
      "click here to cancel reply",
    ],
    pattern: /^(?:\d+|one|no)\s+(?:comments?|responses?|replies|thoughts?)(?:\s+on\b.{0,200})?$/iu,
  },
  {
    action: "drop-at-edges",
    exact: ["home", "menu", "search", "skip to content", "原创"],
    prefix: [
      "posted on",
      "posted in",
      "published on",
      "updated on",
      "last updated",
      "filed under",
      "tags:",
      "tagged:",
      "categories:",
      "category:",
      "reading time",
      "copyright",
      "©",
      "all rights reserved",
      "原创 ",
      "发表于",
      "阅读量",
      "发布时间",
      "图片来源",
      "图源",
      "题图",
    ],
    pattern: new RegExp(
      String.raw`^(?:\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|${MONTH}\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+${MONTH}\s+\d{4})` +
        String.raw`(?:[\s,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?(?:\s+[^.。!?！？]{0,30})?$|^\d+\s*min(?:ute)?s?\s+read$`,
      "iu",
    ),
  },
  {
    action: "break",
    pattern: /^[[【](?:image|img|photo|picture|figure|video|图片|图|视频)[^\]】]{0,80}[\]】]$/iu,
  },
];

const BOILERPLATE_PREFIX_MAX_LENGTH = 160;

function matchBoilerplate(line: string): BoilerplateAction | null {
  const key = line
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s:：*.。!！…]+$/u, "");
  for (const rule of BOILERPLATE_RULES) {
    if (rule.exact?.includes(key)) return rule.action;
    if (
      line.length <= BOILERPLATE_PREFIX_MAX_LENGTH &&
      rule.prefix?.some((prefix) => key.startsWith(prefix))
    ) {
      return rule.action;
    }
    if (rule.pattern?.test(line)) return rule.action;
  }
  return null;
}

// ─── Source and byline lines ─────────────────────────────────────────────────

type MetaLabelKind = BylineRole | "SOURCE" | "IGNORED";

interface MetaLabel {
  kind: MetaLabelKind;
  pattern: RegExp;
  /** Only at the start of the line ("By …"): elsewhere the word is prose. */
  lineStartOnly?: boolean;
  /** Multi-character Chinese labels, recognized even with no space before them. */
  anywhere?: boolean;
  /** The label itself is the rights statement, e.g. "Republished with permission from". */
  labelIsClaim?: boolean;
}

const COLON = String.raw`\s*[:：]\s*`;
const SLASH = String.raw`\s*[/／|｜]\s*`;
const label = (words: string, separators: string): RegExp =>
  new RegExp(`(?:${words})(?:${separators})`, "iuy");

// Order matters where labels overlap: "translated by" before "by".
const META_LABELS: readonly MetaLabel[] = [
  {
    kind: "SOURCE",
    labelIsClaim: true,
    pattern: label(
      String.raw`(?:reprinted|republished|reproduced|used)\s+(?:here\s+)?(?:with|by)\s+(?:the\s+)?(?:kind\s+|express\s+|written\s+)?(?:permission|authori[sz]ation|consent)\s+(?:from|of)`,
      String.raw`\s+`,
    ),
  },
  {
    kind: "SOURCE",
    labelIsClaim: true,
    pattern: label(String.raw`(?:本文)?已?(?:经|获)?授权转载自`, String.raw`\s*[:：]?\s*`),
  },
  {
    kind: "SOURCE",
    pattern: label(
      "sources?|来源|來源|出处|出處|文章来源|本文来源|原文来源|原文出处|信息来源",
      `${COLON}|${SLASH}`,
    ),
  },
  { kind: "SOURCE", anywhere: true, pattern: label("来源|來源", `${COLON}|${SLASH}`) },
  {
    kind: "SOURCE",
    pattern: label(String.raw`(?:reprinted|republished|reproduced)\s+from`, String.raw`\s+`),
  },
  { kind: "SOURCE", pattern: label(String.raw`originally\s+published\s+(?:in|by|at)`, String.raw`\s+`) },
  { kind: "SOURCE", pattern: label("(?:本文)?(?:转载自|转自|原载于?|首发于)", String.raw`\s*[:：]?\s*`) },
  {
    kind: "TRANSLATOR",
    pattern: label(
      String.raw`(?:translated|compiled(?:\s+and\s+translated)?|translation|english\s+translation|english\s+version)\s+by`,
      `${COLON}|\\s+`,
    ),
  },
  {
    kind: "TRANSLATOR",
    pattern: label(String.raw`translators?|translation|english\s+version`, `${COLON}|${SLASH}`),
  },
  {
    kind: "TRANSLATOR",
    anywhere: true,
    pattern: label("编译者|译者|翻译|编译|译文", `${COLON}|${SLASH}|\\s+`),
  },
  { kind: "TRANSLATOR", pattern: label("译", `${COLON}|${SLASH}`) },
  {
    kind: "IGNORED",
    pattern: label(
      String.raw`(?:edited|photos?|images?|pictures?|illustrations?|illustrated|designed|proofread|reviewed|produced)\s+by`,
      `${COLON}|\\s+`,
    ),
  },
  {
    kind: "IGNORED",
    pattern: label(
      String.raw`editors?|editing|photos?|images?|photo\s+credit|illustrations?|design|designer|proofreading|producer`,
      `${COLON}|${SLASH}`,
    ),
  },
  {
    kind: "IGNORED",
    anywhere: true,
    pattern: label(
      "责任编辑|值班编辑|责编|编辑|校对|审核|审校|排版|美编|图片|摄影|设计|视觉|监制|统筹|出品|策划|主编",
      `${COLON}|${SLASH}|\\s+`,
    ),
  },
  { kind: "IGNORED", pattern: label("图", `${COLON}|${SLASH}`) },
  {
    kind: "AUTHOR",
    pattern: label(String.raw`(?:written|words|story|text|reporting|article)\s+by`, `${COLON}|\\s+`),
  },
  { kind: "AUTHOR", lineStartOnly: true, pattern: label("by", `${COLON}|\\s+`) },
  {
    kind: "AUTHOR",
    pattern: label("authors?|writers?|text|pen|wen|article|words|reporters?|columnist", `${COLON}|${SLASH}`),
  },
  {
    kind: "AUTHOR",
    anywhere: true,
    pattern: label("原作者|作者|撰文|撰稿|文字|笔者|记者|特约撰稿人?|特约作者", `${COLON}|${SLASH}|\\s+`),
  },
  { kind: "AUTHOR", pattern: label("文|笔", `${COLON}|${SLASH}`) },
];

const NAME_SEPARATOR = /\s*(?:[&＆+、,，;；/／|｜]|\band\b)\s*/iu;
const LABEL_BOUNDARY = /[\s|｜,，;；(（]/u;

interface MetaLine {
  source: ImportedSource | null;
  bylines: ImportedByline[];
}

/** A source and/or byline line: "Source: …", "Pen / A & B", "作者：甲 编辑：乙", "By A | Source: B". */
function parseMetaLine(line: string): MetaLine | null {
  if (line.length > MAX_META_LINE_LENGTH) return null;
  const found: Array<{ label: MetaLabel; start: number; end: number }> = [];
  let position = 0;
  while (position < line.length) {
    const atBoundary = position === 0 || LABEL_BOUNDARY.test(line.charAt(position - 1));
    const match = matchLabelAt(line, position, atBoundary);
    if (match) {
      found.push({ ...match, start: position });
      position = match.end;
    } else {
      position++;
    }
  }
  if (found[0]?.start !== 0) return null;

  const result: MetaLine = { source: null, bylines: [] };
  for (const [i, { label: metaLabel, start, end }] of found.entries()) {
    const value = line.slice(end, found[i + 1]?.start ?? line.length).trim();
    if (metaLabel.kind === "SOURCE") {
      const claim = metaLabel.labelIsClaim
        ? cleanClaim(line.slice(start, end).replace(/\s*(?:from|of|自)\s*$/iu, ""))
        : null;
      result.source ??= parseSource(value, line, claim);
    } else if (metaLabel.kind !== "IGNORED") {
      const names = value
        .split(NAME_SEPARATOR)
        .map(cleanName)
        .filter((name) => name !== "" && !/\d/.test(name)); // dates share byline lines: "By A | July 8, 2022"
      // "By" opens prose too ("By contrast, …"): believe it only when every part reads as a name.
      if (metaLabel.lineStartOnly && (names.length === 0 || !names.every(isPlausibleName))) return null;
      for (const name of names.filter(isPlausibleName)) result.bylines.push({ name, role: metaLabel.kind });
    }
  }
  return result;
}

function matchLabelAt(
  line: string,
  position: number,
  atBoundary: boolean,
): { label: MetaLabel; end: number } | null {
  for (const metaLabel of META_LABELS) {
    if (metaLabel.lineStartOnly && position !== 0) continue;
    if (!atBoundary && !metaLabel.anywhere) continue;
    metaLabel.pattern.lastIndex = position;
    if (metaLabel.pattern.test(line)) return { label: metaLabel, end: metaLabel.pattern.lastIndex };
  }
  return null;
}

function cleanName(raw: string): string {
  return raw
    .replace(/\s*[(（][^()（）]*[)）]\s*$/u, "") // "张三（北京大学教授）"
    .replace(
      /^[\s"“”'‘’「」『』《》【】[\]<>*•·:：\-–—@]+|[\s"“”'‘’「」『』《》【】[\]<>*•·:：,，\-–—]+$/gu,
      "",
    )
    .replace(/\s+/g, " ");
}

function isPlausibleName(name: string): boolean {
  if (name.length === 0 || name.length > 60 || /\d/.test(name)) return false;
  // Starts with a capital, or with a letter of a script without case (Chinese, Japanese, Korean, Arabic…).
  if (!/^[\p{Lu}\p{Lt}\p{Lo}]/u.test(name)) return false;
  if (name.split(" ").length > 6) return false;
  if (/[“”"«»<>{}=]/u.test(name)) return false;
  // A full stop ends a sentence, unless it ends an initial or "Jr."
  return !/[.!?。！？:：]$/u.test(name) || /(?:^|\s)\p{L}{1,3}\.$/u.test(name);
}

// Rights statements in a source line; the earliest match in the line wins.
const AUTHORIZATION_CLAIMS: readonly RegExp[] = [
  /\b(?:has|have|is|are|was|were)\s+(?:been\s+)?authori[sz]ed\b/iu,
  /\b(?:reprinted|republished|reproduced|translated|published|used|posted|shared)\s+(?:here\s+)?(?:with|by|under)\s+(?:the\s+)?(?:kind\s+|express\s+|written\s+)?(?:permission|authori[sz]ation|consent|licen[cs]e)\b/iu,
  /\bwith\s+(?:the\s+)?(?:kind\s+|express\s+|written\s+)?(?:permission|authori[sz]ation|consent)\b/iu,
  /\bby\s+permission\b/iu,
  /\bpermission\s+(?:granted|obtained)\b/iu,
  /\bauthori[sz]ed\b/iu,
  /(?:本文)?(?:已经?|经)(?:获得?|取得)?(?:原?作者(?:本人)?)?授权/u,
  /转载已获授权|授权转载|获授权|已授权/u,
];

interface PlatformLabel {
  platform: SourcePlatform;
  /** Regular expression source for the label, e.g. "wechat official account". */
  label: string;
  /** Generic English words ("site", "agency") name a platform only with a colon: "Site: …". */
  colonOnly?: boolean;
}

// Longer labels first: "微信公众号" before "微信".
const PLATFORM_LABELS: readonly PlatformLabel[] = [
  {
    platform: "WECHAT_ACCOUNT",
    label: String.raw`we\s?chat\s+(?:official|public|subscription)\s+(?:account|platform|number)`,
  },
  { platform: "WECHAT_ACCOUNT", label: String.raw`we\s?chat\s+(?:account|public\s+number|id)` },
  { platform: "WECHAT_ACCOUNT", label: String.raw`weixin\s+(?:official\s+|public\s+)?account` },
  { platform: "WECHAT_ACCOUNT", label: String.raw`(?:official|public)\s+(?:wechat\s+)?account` },
  { platform: "WECHAT_ACCOUNT", label: "微信公众号|微信公众平台|微信订阅号|微信号|公众号" },
  { platform: "WECHAT_ACCOUNT", label: String.raw`we\s?chat|weixin|微信` },
  { platform: "NEWSPAPER", label: "newspaper|报纸|报刊|纸媒" },
  { platform: "NEWSPAPER", label: String.raw`daily\s+newspaper|print\s+edition` },
  { platform: "AGENCY", label: String.raw`(?:news|press)\s+agency|wire\s+service|通讯社|新闻社` },
  { platform: "AGENCY", label: "agency", colonOnly: true },
  {
    platform: "INDIVIDUAL",
    label: String.raw`personal\s+(?:blog|account|website|page)|author's\s+(?:blog|account|page)`,
  },
  { platform: "INDIVIDUAL", label: "individual|个人", colonOnly: true },
  { platform: "WEBSITE", label: String.raw`website|web\s+site|news\s+site|网站|网页|客户端` },
  { platform: "WEBSITE", label: "site|web|online|blog|app", colonOnly: true },
];

// When no label says what the source is, its name may: 人民日报, 新华社, 环球网, Xinhua News Agency.
const PLATFORM_BY_NAME: ReadonlyArray<{ platform: SourcePlatform; pattern: RegExp }> = [
  {
    platform: "AGENCY",
    pattern:
      /(?:新华社|中新社|中国新闻社|通讯社|新闻社|路透社|美联社|法新社|共同社|塔斯社|韩联社|俄新社)$|\b(?:news agency|press agency|xinhua|reuters|associated press|agence france-presse|afp|kyodo(?: news)?|tass|ria novosti|yonhap|bernama)$/iu,
  },
  { platform: "NEWSPAPER", pattern: /报$|\b(?:daily|times|herald|gazette|tribune|newspaper)$/iu },
  { platform: "WEBSITE", pattern: /网$|^(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?:\/\S*)?$/iu },
];

const QUOTES = String.raw`"“”'‘’「」『』《》〈〉【】\[\]`;

function parseSource(value: string, line: string, labelClaim: string | null): ImportedSource | null {
  let head = value;
  let claim = labelClaim;
  const claimStart = Math.min(
    ...AUTHORIZATION_CLAIMS.map((pattern) => pattern.exec(value)?.index ?? Number.POSITIVE_INFINITY),
  );
  if (Number.isFinite(claimStart)) {
    head = value.slice(0, claimStart);
    claim = cleanClaim(value.slice(claimStart));
  }

  let platform: SourcePlatform | null = null;
  for (const { platform: candidate, label: platformLabel, colonOnly } of PLATFORM_LABELS) {
    const separator = colonOnly ? COLON : String.raw`\s*[:：]\s*|\s+|(?=[${QUOTES}]|\p{Script=Han})`;
    const prefix = new RegExp(String.raw`^\s*(?:${platformLabel})(?:${separator})`, "iu").exec(head);
    if (prefix && head.slice(prefix[0].length).trim() !== "") {
      platform = candidate;
      head = head.slice(prefix[0].length);
      break;
    }
    if (colonOnly) continue;
    // "环球时报微信公众号", "Global Times WeChat account", "Bu Yidao (WeChat official account)"
    const suffix = new RegExp(
      String.raw`(?:\s*[(（]\s*(?:${platformLabel})\s*[)）]|\s*[,，]\s*(?:${platformLabel})|\s+(?:${platformLabel})|(?<=\p{Script=Han}|[${QUOTES}])(?:${platformLabel}))\s*$`,
      "iu",
    ).exec(head);
    if (suffix && head.slice(0, suffix.index).trim() !== "") {
      platform = candidate;
      head = head.slice(0, suffix.index);
      break;
    }
  }

  let name = head
    .replace(/[\s,，]*\b(?:which|who|that)\s*$/iu, "")
    .replace(new RegExp(`^[\\s${QUOTES}@:：\\-–—|｜]+|[\\s${QUOTES}(（,，;；:：.。\\-–—|｜/]+$`, "gu"), "")
    .replace(/\s+/g, " ");
  const url = /^(?:https?:\/\/)?((?:[\w-]+\.)+[a-z]{2,})(?:[/?#]\S*)?$/iu.exec(name);
  if (url?.[1] && (name.includes("/") || /^www\./i.test(name) || !platform)) {
    name = url[1].replace(/^www\./i, "");
    platform ??= "WEBSITE";
  }
  if (!name || name.length > 120) return null;
  platform ??= PLATFORM_BY_NAME.find(({ pattern }) => pattern.test(name))?.platform ?? null;
  return { name, platform, authorizationClaim: claim || null, line };
}

function cleanClaim(claim: string): string {
  return claim.replace(/^[\s(（,，;；:：\-–—]+|[\s)）.,，。;；]+$/gu, "");
}

// ─── Classification and body assembly ────────────────────────────────────────

type Item =
  | { kind: "blank" }
  | { kind: "break" }
  | { kind: "noise" }
  | { kind: "text"; text: string; heading: number }
  | { kind: "boilerplate"; action: Exclude<BoilerplateAction, "break">; text: string; heading: number }
  | { kind: "meta"; meta: MetaLine; text: string; heading: number };

// Below this share of letters and digits, a line is debris (a row of symbols, a mangled widget).
const MIN_LETTER_RATIO = 0.2;

function classifyLine({ text, heading }: RawLine): Item {
  if (text === "") return { kind: "blank" };
  const action = matchBoilerplate(text);
  if (action === "break") return { kind: "break" };
  if (action) return { kind: "boilerplate", action, text, heading };
  const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  // "* * *", "◆ ◆ ◆", "———": a divider between sections
  if (letters === 0) return { kind: "break" };
  if (letters / text.replace(/\s/g, "").length < MIN_LETTER_RATIO) return { kind: "noise" };
  const meta = parseMetaLine(text);
  if (meta) return { kind: "meta", meta, text, heading };
  return { kind: "text", text, heading };
}

function findTitleIndex(items: readonly Item[], html: boolean): number {
  // Pasted pages often carry a site name or breadcrumbs above the article's <h1>.
  const h1 = html ? items.findIndex((item) => item.kind === "text" && item.heading === 1) : -1;
  return h1 !== -1 ? h1 : items.findIndex((item) => item.kind === "text");
}

function cleanTitle(text: string): string {
  return text.replace(/^(?:title|标题)\s*[:：]\s*/iu, "").trim();
}

/** Cuts the page off where the article ends, and decides which metadata lines are metadata. */
function resolveBody(afterTitle: readonly Item[]): Item[] {
  let items = afterTitle;
  const bodyStart = items.findIndex((item) => item.kind === "text");
  const end = items.findIndex(
    (item, i) =>
      bodyStart !== -1 && i > bodyStart && item.kind === "boilerplate" && item.action === "drop-rest",
  );
  if (end !== -1) items = items.slice(0, end);

  const first = items.findIndex((item) => item.kind === "text");
  const last = items.findLastIndex((item) => item.kind === "text");
  // Between the first and last paragraph, a "Source: Reuters" caption or a "By 2030, …" line is body text.
  return items.map((item, i): Item => {
    const inside = i > first && i < last;
    if (
      inside &&
      (item.kind === "meta" || (item.kind === "boilerplate" && item.action === "drop-at-edges"))
    ) {
      return { kind: "text", text: item.text, heading: item.heading };
    }
    return item;
  });
}

const SENTENCE_END = /[.!?。！？…:：;；"”’»」』)）\]]$/u;
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

function buildBlocks(items: readonly Item[]): ImportedBlock[] {
  const first = items.findIndex((item) => item.kind === "text");
  const last = items.findLastIndex((item) => item.kind === "text");
  // Text with blank lines between its paragraphs may be hard-wrapped inside them; text without any has
  // one paragraph a line.
  const wrapped = items.slice(first + 1, last).some((item) => item.kind === "blank");

  const blocks: ImportedBlock[] = [];
  let open: { type: "paragraph"; text: string } | null = null;
  let blankRun = 0;
  let widestGap = 0;
  let breakPending = false;
  for (const item of items) {
    if (item.kind === "blank") {
      blankRun++;
      widestGap = Math.max(widestGap, blankRun);
      open = null;
      continue;
    }
    if (item.kind === "break") {
      breakPending = true;
      blankRun = 0;
      open = null;
      continue;
    }
    if (item.kind !== "text") {
      // A dropped line ends the paragraph; the blank lines around it count as one gap, not their sum.
      blankRun = 0;
      open = null;
      continue;
    }
    if (open && item.heading === 0 && wrapped && !SENTENCE_END.test(open.text)) {
      open.text = joinWrappedLines(open.text, item.text);
      continue;
    }
    // Two or more blank lines mark where images stood in the source page.
    if (blocks.length > 0 && (breakPending || widestGap >= 2) && blocks.at(-1)?.type !== "sectionBreak") {
      blocks.push({ type: "sectionBreak" });
    }
    if (item.heading > 0) {
      blocks.push({ type: "heading", text: item.text });
      open = null;
    } else {
      open = { type: "paragraph", text: item.text };
      blocks.push(open);
    }
    blankRun = 0;
    widestGap = 0;
    breakPending = false;
  }
  return blocks;
}

function joinWrappedLines(before: string, after: string): string {
  if (CJK.test(before.slice(-1)) && CJK.test(after.charAt(0))) return before + after;
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before + after;
  return `${before} ${after}`;
}

function collectMetadata(items: readonly Item[]): {
  source: ImportedSource | null;
  bylines: ImportedByline[];
} {
  let source: ImportedSource | null = null;
  const bylines: ImportedByline[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind !== "meta") continue;
    source ??= item.meta.source;
    for (const byline of item.meta.bylines) {
      const key = `${byline.role}:${byline.name.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      bylines.push(byline);
    }
  }
  return { source, bylines };
}

// ─── Excerpt ─────────────────────────────────────────────────────────────────

const EXCERPT_TRAILING = /[\s,，、;；:：\-–—(（“"‘'«「『]+$/u;

/** The text cut after a whole word, so that with its "…" it fits in `max` characters. */
export function makeExcerpt(text: string, max = MAX_EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const limit = max - 1;
  let cut = 0;
  if (typeof Intl !== "undefined" && typeof Intl.Segmenter === "function") {
    // Word segmentation also finds boundaries in Chinese and Japanese, which have no spaces.
    for (const segment of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
      const end = segment.index + segment.segment.length;
      if (end > limit) break;
      if (segment.isWordLike) cut = end;
    }
  } else {
    cut = text.lastIndexOf(" ", limit);
  }
  if (cut <= 0) {
    // One unbroken word: cut by characters, never inside a surrogate pair.
    cut = limit;
    if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  }
  return `${text.slice(0, cut).replace(EXCERPT_TRAILING, "")}…`;
}
