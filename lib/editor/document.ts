// Tiptap JSON documents: building them from plain blocks, and deriving plain text.
import type { JSONContent } from "@tiptap/core";

export type ArticleDocument = JSONContent & { type: "doc" };

export type PlainBlock =
  { type: "paragraph"; text: string } | { type: "heading"; text: string } | { type: "sectionBreak" };

export function documentFromBlocks(blocks: readonly PlainBlock[]): ArticleDocument {
  return {
    type: "doc",
    content: blocks.map((block): JSONContent => {
      switch (block.type) {
        case "paragraph":
          return { type: "paragraph", content: [{ type: "text", text: block.text }] };
        case "heading":
          return { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: block.text }] };
        case "sectionBreak":
          return { type: "horizontalRule" };
      }
    }),
  };
}

const BLOCK_NODES = new Set(["paragraph", "heading", "blockquote", "listItem", "bulletList", "orderedList"]);

/** Plain text of a document, one line per block: what search indexes and word counts read. */
export function documentToPlainText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  const inner = (node.content ?? []).map(documentToPlainText);
  const joined = inner.join(node.type === "doc" || BLOCK_NODES.has(node.type ?? "") ? "\n" : "");
  return joined.replace(/\n{2,}/g, "\n").trim();
}

const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  // CJK scripts have no spaces between words: count each ideograph or kana as one word.
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, " ");
  const words = rest.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return cjk + words;
}

export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}

/**
 * The paragraphs of a document as the side-by-side view and the fidelity check count them: each
 * top-level block with text (a paragraph, heading, quote or list), in order. Section breaks and
 * empty blocks are not paragraphs.
 */
export function documentParagraphs(doc: unknown): string[] {
  return documentParagraphBlocks(doc).map((block) => documentToPlainText(block).trim());
}

/** The blocks `documentParagraphs` counts, as they are: for rendering them paragraph by paragraph. */
export function documentParagraphBlocks(doc: unknown): JSONContent[] {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return [];
  const blocks = (doc as JSONContent).content ?? [];
  return blocks.filter((block) => documentToPlainText(block).trim().length > 0);
}
