import { parseHtml, type OpenTagEvent } from "./html-events";
import { LineBuilder } from "./line-builder";
import { cleanLine } from "./normalize-text";
import type { RawLine } from "./types";

const HTML_BLOCK_TAG =
  /<(?:!doctype\s+html|html|head|body|p|div|br|h[1-6]|hr|img|figure|article|section|main|ul|ol|li|blockquote|table|tr|pre)\b[^>]*>/gi;

export function looksLikeHtml(text: string): boolean {
  const blockTags = text.match(HTML_BLOCK_TAG)?.length ?? 0;
  // Plain text that merely mentions a tag or two keeps its line structure.
  return blockTags > 0 && (/^\s*</.test(text) || blockTags >= 3);
}

const wordSet = (names: string): ReadonlySet<string> => new Set(names.split(" "));

const BLOCK_TAGS = wordSet(
  "address article blockquote body caption center dd details div dl dt fieldset figcaption header hgroup html li main ol p section summary table tbody tfoot thead tr ul",
);
// Dropped with everything inside them: page chrome, scripts, forms (the comment form among them).
const SKIPPED_TAGS = wordSet(
  "script style noscript noembed noframes template head title math form nav aside footer button select textarea dialog",
);
// Where an image or embed stood, the article has a section break.
const MEDIA_TAGS = wordSet("img figure picture video audio iframe embed object canvas svg");
// The parser reads their content as raw text, to their end tag or the end of the input: never article text.
const RAW_TEXT_TAGS = wordSet("script style title textarea iframe noembed noframes");
const HEADING_TAG = /^h([1-6])$/;
// WordPress and others render emoji as tiny images: keep the character, not a break.
const EMOJI_CLASS = /\b(?:emoji|wp-smiley|smiley)\b/i;

export function htmlToLines(html: string): RawLine[] {
  const out = new LineBuilder();
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let preDepth = 0;

  const openTag = ({ name, attributes }: OpenTagEvent): void => {
    const heading = HEADING_TAG.exec(name);
    if (name === "img") {
      if (EMOJI_CLASS.test(attributes.class ?? "")) out.text(attributes.alt ?? "");
      else out.sectionBreak();
    } else if (MEDIA_TAGS.has(name) || name === "hr") {
      out.sectionBreak();
    } else if (SKIPPED_TAGS.has(name)) {
      out.boundary();
    } else if (name === "br") {
      out.newline();
    } else if (heading) {
      out.boundary();
      out.heading = Number(heading[1]);
    } else if (name === "ol" || name === "ul") {
      out.boundary();
      const start = Number(attributes.start ?? "1");
      lists.push({ ordered: name === "ol", count: Number.isFinite(start) ? start - 1 : 0 });
    } else if (name === "li") {
      out.boundary();
      const list = lists.at(-1);
      if (list?.ordered) out.text(`${++list.count}. `);
    } else if (name === "pre") {
      out.boundary();
      preDepth++;
    } else if (name === "p") {
      // A paragraph cannot sit inside a heading: the heading was left unclosed.
      out.boundary();
      out.heading = 0;
    } else if (BLOCK_TAGS.has(name)) {
      out.boundary();
    }
  };

  const closeTag = (name: string): void => {
    if (HEADING_TAG.test(name)) {
      out.boundary();
      out.heading = 0;
    } else if (name === "ol" || name === "ul") {
      lists.pop();
      out.boundary();
    } else if (name === "pre") {
      preDepth--;
      out.boundary();
    } else if (name === "td" || name === "th") {
      out.text(" ");
    } else if (BLOCK_TAGS.has(name)) {
      out.boundary();
    }
  };

  const text = (data: string): void => {
    if (preDepth === 0) {
      out.text(data.replace(/[ \t\n\r\f]+/g, " "));
      return;
    }
    data.split("\n").forEach((part, i) => {
      if (i > 0) out.newline();
      out.text(part);
    });
  };

  // Depth inside an element dropped with its contents.
  let skipDepth = 0;
  for (const event of parseHtml(html)) {
    if (skipDepth > 0) {
      if (event.type === "open") skipDepth++;
      if (event.type === "close") skipDepth--;
    } else if (event.type === "open") {
      openTag(event);
      const dropped = SKIPPED_TAGS.has(event.name) || MEDIA_TAGS.has(event.name);
      // An element left unclosed only marks a boundary, so a missing end tag cannot swallow the article.
      if (dropped && (event.closedByEndTag || RAW_TEXT_TAGS.has(event.name))) skipDepth = 1;
    } else if (event.type === "close") {
      closeTag(event.name);
    } else {
      text(event.text);
    }
  }
  return out.finish().map((line) => ({ text: cleanLine(line.text), heading: line.heading }));
}
