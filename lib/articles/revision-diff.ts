// What changed between two revisions of an article: title, excerpt and body (as plain text, one
// block per line), line by line, with the changed words marked inside lines that were edited.
// Plain data only; rendering (and escaping) is the page's job.
import type { JSONContent } from "@tiptap/core";
import { diffLines, diffWordsWithSpace, type Change } from "diff";
import { documentToPlainText } from "@/lib/editor/document";

export type DiffKind = "same" | "added" | "removed";

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export type DiffField = "title" | "excerpt" | "body";

export interface FieldDiff {
  field: DiffField;
  /** False when both sides are identical (every part is "same"). */
  changed: boolean;
  /**
   * The text of both sides, interleaved: the "same" and "removed" parts concatenated give the old
   * text exactly, the "same" and "added" parts the new one. Newlines separate lines (blocks).
   */
  parts: DiffPart[];
}

export interface RevisionContent {
  title: string;
  excerpt: string;
  /** Tiptap JSON, as stored. Anything that is not an object counts as an empty body. */
  body: unknown;
}

/**
 * Below this share of common (non-space) characters, an edited line is shown as removed and
 * re-added whole: a word-by-word diff of two unrelated sentences is noise.
 */
const SIMILARITY_FOR_WORD_DIFF = 0.5;

export function revisionBodyText(body: unknown): string {
  return body !== null && typeof body === "object" && !Array.isArray(body)
    ? documentToPlainText(body as JSONContent)
    : "";
}

/** The changes that turn `a` (the older side, usually) into `b`. */
export function diffRevisions(a: RevisionContent, b: RevisionContent): FieldDiff[] {
  return [
    fieldDiff("title", a.title, b.title),
    fieldDiff("excerpt", a.excerpt, b.excerpt),
    fieldDiff("body", revisionBodyText(a.body), revisionBodyText(b.body)),
  ];
}

function fieldDiff(field: DiffField, before: string, after: string): FieldDiff {
  const parts = diffText(before, after);
  return { field, changed: parts.some((p) => p.kind !== "same"), parts };
}

/** A line-level diff of two texts, with word-level parts inside lines that were edited. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const out = new Parts();
  // Every line gets its newline, so that a last line and the same line further up compare equal.
  const changes = diffLines(terminate(before), terminate(after));
  let removed: string[] = [];
  let added: string[] = [];
  for (const change of changes) {
    if (change.removed) removed.push(...lines(change.value));
    else if (change.added) added.push(...lines(change.value));
    else {
      emitEdited(out, removed, added);
      removed = [];
      added = [];
      out.push("same", change.value);
    }
  }
  emitEdited(out, removed, added);
  return trimFinalNewline(out.parts, before !== "", after !== "");
}

/** A run of removed lines followed by added ones: pair them up, word-diff the pairs that are alike. */
function emitEdited(out: Parts, removed: readonly string[], added: readonly string[]) {
  let wholeRemoved: string[] = [];
  let wholeAdded: string[] = [];
  const flush = () => {
    for (const line of wholeRemoved) out.push("removed", `${line}\n`);
    for (const line of wholeAdded) out.push("added", `${line}\n`);
    wholeRemoved = [];
    wholeAdded = [];
  };
  for (let i = 0; i < Math.max(removed.length, added.length); i++) {
    const oldLine = removed[i];
    const newLine = added[i];
    const words =
      oldLine !== undefined && newLine !== undefined ? diffWordsWithSpace(oldLine, newLine) : null;
    if (words && similarity(words) >= SIMILARITY_FOR_WORD_DIFF) {
      flush();
      for (const word of words) out.push(kindOf(word), word.value);
      out.push("same", "\n");
    } else {
      if (oldLine !== undefined) wholeRemoved.push(oldLine);
      if (newLine !== undefined) wholeAdded.push(newLine);
    }
  }
  flush();
}

function similarity(changes: readonly Change[]): number {
  let common = 0;
  let before = 0;
  let after = 0;
  for (const change of changes) {
    const length = change.value.replace(/\s+/g, "").length;
    if (!change.added) before += length;
    if (!change.removed) after += length;
    if (!change.added && !change.removed) common += length;
  }
  const longest = Math.max(before, after);
  return longest === 0 ? 1 : common / longest;
}

function kindOf(change: Change): DiffKind {
  return change.added ? "added" : change.removed ? "removed" : "same";
}

function terminate(text: string): string {
  return text === "" ? "" : `${text}\n`;
}

/** The lines of a newline-terminated chunk. */
function lines(chunk: string): string[] {
  return chunk.split("\n").slice(0, -1);
}

/**
 * Takes off the newline `terminate` added to each non-empty side. When the last line of one side
 * is shared and the other side goes on, that newline really separates lines on the other side only:
 * it moves to the front of the other side's tail ("a" → "a\nb" is same "a", added "\nb").
 */
function trimFinalNewline(parts: DiffPart[], hasBefore: boolean, hasAfter: boolean): DiffPart[] {
  const lastBefore = findLastIndex(parts, (p) => p.kind !== "added");
  const lastAfter = findLastIndex(parts, (p) => p.kind !== "removed");
  const chop = (index: number) => {
    const part = parts[index]!;
    parts[index] = { ...part, text: part.text.slice(0, -1) };
  };
  if (lastBefore === lastAfter) {
    if (lastBefore >= 0) chop(lastBefore);
  } else {
    const shared = Math.min(lastBefore, lastAfter);
    if (shared >= 0 && parts[shared]!.kind === "same") {
      // Everything after the shared part is one (merged) part of the longer side.
      chop(shared);
      const tail = parts[shared + 1]!;
      parts[shared + 1] = { ...tail, text: `\n${tail.text.slice(0, -1)}` };
    } else {
      if (hasBefore && lastBefore >= 0) chop(lastBefore);
      if (hasAfter && lastAfter >= 0) chop(lastAfter);
    }
  }
  return parts.filter((p) => p.text !== "");
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** Parts with neighbours of the same kind merged and empty ones dropped. */
class Parts {
  readonly parts: DiffPart[] = [];

  push(kind: DiffKind, text: string) {
    if (text === "") return;
    const last = this.parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else this.parts.push({ kind, text });
  }
}

/**
 * The parts cut into display lines (a newline ends a line whatever its kind), for showing a long
 * text with its unchanged stretches folded away.
 */
export function splitDiffLines(parts: readonly DiffPart[]): DiffPart[][] {
  const lines: DiffPart[][] = [[]];
  for (const part of parts) {
    part.text.split("\n").forEach((segment, index) => {
      if (index > 0) lines.push([]);
      if (segment !== "") lines.at(-1)!.push({ kind: part.kind, text: segment });
    });
  }
  return lines;
}
