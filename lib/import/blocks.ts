import type { Item } from "./line-items";
import type { ImportedBlock } from "./types";

export const MAX_EXCERPT_LENGTH = 200;

const SENTENCE_END = /[.!?。！？…:：;；"”’»」』)）\]]$/u;
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;

export function buildBlocks(items: readonly Item[]): ImportedBlock[] {
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

const EXCERPT_TRAILING = /[\s,，、;；:：\-–—(（“"‘'«「『]+$/u;

/** The text cut after a whole word, so that with its "…" it fits in `max` characters. */
export function makeExcerpt(text: string, max = MAX_EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const limit = max - 1;
  let cut = 0;
  // Word segmentation also finds boundaries in Chinese and Japanese, which have no spaces.
  for (const segment of new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)) {
    const end = segment.index + segment.segment.length;
    if (end > limit) break;
    if (segment.isWordLike) cut = end;
  }
  if (cut <= 0) {
    // One unbroken word: cut by characters, never inside a surrogate pair.
    cut = limit;
    if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  }
  return `${text.slice(0, cut).replace(EXCERPT_TRAILING, "")}…`;
}
