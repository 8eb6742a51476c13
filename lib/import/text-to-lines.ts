import { decodeHTML } from "entities";
import { cleanLine } from "./normalize-text";
import type { RawLine } from "./types";

// Inline markup inside otherwise plain text, e.g. a paste that kept <strong> but no block structure.
const INLINE_TAG =
  /<\/?(?:span|a|strong|b|em|i|u|s|font|sup|sub|small|mark|del|ins|code|abbr|cite|q|time)\b[^<>]*>/gi;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/u;

/** Plain text, one line a line; Markdown "#" headings become headings. */
export function textToLines(text: string): RawLine[] {
  const withoutTags = text.replace(INLINE_TAG, "");
  // Text that kept inline tags was copied as HTML source, so its entities are markup too.
  const plain = withoutTags === text ? text : decodeHTML(withoutTags);
  return plain.split("\n").map((line) => {
    const clean = cleanLine(line);
    const heading = MARKDOWN_HEADING.exec(clean);
    if (heading) return { text: heading[2] ?? "", heading: heading[1]?.length ?? 0 };
    return { text: clean, heading: 0 };
  });
}
