// Turns an article an editor pasted (plain text, or HTML copied from a web page) into a reprint
// draft: title, source line, bylines, body blocks and excerpt. Pure: no DB, no Node-only APIs.
import { buildBlocks, makeExcerpt } from "./blocks";
import { binaryError, emptyError, MAX_TITLE_LENGTH, missingPartsError } from "./errors";
import { htmlToLines, looksLikeHtml } from "./html-to-lines";
import {
  classifyLine,
  cleanTitle,
  collectMetadata,
  findTitleIndex,
  resolveBody,
  type Item,
} from "./line-items";
import { looksBinary, normalizeInput } from "./normalize-text";
import { dateInLine, isDateline } from "./original-date";
import { textToLines } from "./text-to-lines";
import type { ImportedReprint } from "./types";

export { MAX_EXCERPT_LENGTH, makeExcerpt } from "./blocks";
export { ImportError, MAX_TITLE_LENGTH, type ImportMissingPart } from "./errors";
export type {
  BylineRole,
  ImportedBlock,
  ImportedByline,
  ImportedReprint,
  ImportedSource,
  SourcePlatform,
} from "./types";

export function importReprintText(input: string): ImportedReprint {
  if (typeof input !== "string") throw emptyError();
  if (looksBinary(input)) throw binaryError();
  const text = normalizeInput(input);
  const html = looksLikeHtml(text);
  const lines = (html ? htmlToLines(text) : textToLines(text)).map(classifyLine);
  if (lines.every((item) => item.kind === "blank")) throw emptyError();
  const commentForm = lines.findIndex((item) => item.kind === "end");
  const items = commentForm === -1 ? lines : lines.slice(0, commentForm);

  const titleIndex = findTitleIndex(items, html);
  const titleItem = items[titleIndex];
  const title = titleItem?.kind === "text" ? cleanTitle(titleItem.text) : "";
  const metadata = items.slice(0, Math.max(titleIndex, 0));
  const afterTitle = titleIndex === -1 ? [] : items.slice(titleIndex + 1);
  const originalDate = findOriginalDate([...metadata, ...afterTitle.slice(0, DATELINE_WINDOW)]);
  // A dateline near the top says when the piece appeared; it is not part of the body.
  const body = resolveBody(
    afterTitle.filter((item, i) => !(i < DATELINE_WINDOW && item.kind === "text" && isDateline(item.text))),
  );
  const blocks = buildBlocks(body);

  const titleTooLong = title.length > MAX_TITLE_LENGTH;
  const firstParagraph = blocks.find((block) => block.type === "paragraph");
  if (!title || titleTooLong || !firstParagraph) {
    throw missingPartsError(title, titleTooLong, firstParagraph !== undefined);
  }

  const { source, bylines } = collectMetadata([...metadata, ...body]);
  return { title, source, bylines, blocks, excerpt: makeExcerpt(firstParagraph.text), originalDate };
}

/** How many lines under the title may still be the dateline. */
const DATELINE_WINDOW = 8;

function findOriginalDate(items: readonly Item[]): string | null {
  for (const item of items) {
    if (item.kind !== "text" && item.kind !== "meta" && item.kind !== "boilerplate") continue;
    const day = dateInLine(item.text);
    if (day) return day;
  }
  return null;
}
