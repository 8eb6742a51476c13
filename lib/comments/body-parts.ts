// A comment body is plain text. For display it becomes paragraphs (split on blank lines) of text,
// line breaks and http(s) links; every renderer (React, the comment feeds) builds its output from
// these parts and escapes the text itself, so markup in a comment is only ever shown as text.
import { safeHttpUrl } from "@/lib/seo/urls";

export type BodyPart =
  { type: "text"; text: string } | { type: "break" } | { type: "link"; href: string; text: string };

export type BodyParagraph = BodyPart[];

/** The rel of every link a reader wrote (the body's URLs and the commenter's website). */
export const COMMENT_LINK_REL = "nofollow ugc noopener";

// The same notion of a URL as the pipeline's link count (lib/comments/text.ts).
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/giu;
/** Punctuation that usually ends the sentence around a URL rather than the URL itself. */
const TRAILING_PUNCTUATION = /[.,;:!?*_~]+$/u;

/** Drops sentence punctuation and an unbalanced closing bracket from the end of a URL match. */
function trimUrl(match: string): string {
  let url = match;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, "");
    for (const [open, close] of [
      ["(", ")"],
      ["[", "]"],
    ] as const) {
      if (url.endsWith(close) && url.split(close).length > url.split(open).length) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function lineParts(line: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const previous = parts.at(-1);
    if (previous?.type === "text") previous.text += text;
    else parts.push({ type: "text", text });
  };
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const href = safeHttpUrl(url);
    pushText(line.slice(last, match.index));
    if (href && /^https?:\/\/./iu.test(url)) parts.push({ type: "link", href, text: url });
    else pushText(url);
    last = match.index + url.length;
  }
  pushText(line.slice(last));
  return parts;
}

/** The body as paragraphs; blank lines separate paragraphs, single newlines become breaks. */
export function commentParagraphs(body: string): BodyParagraph[] {
  return body
    .replace(/\r\n?/gu, "\n")
    .split(/\n[^\S\n]*\n\s*/u)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) =>
      paragraph.split("\n").flatMap((line, index) => {
        const parts = lineParts(line);
        return index === 0 ? parts : [{ type: "break" } as const, ...parts];
      }),
    );
}
