// How far an article strays from its original, paragraph by paragraph: original paragraphs that
// no translation renders (omissions), and for a same-language reprint every paragraph changed,
// added or left out beyond whitespace, punctuation width and quotes (modifications), with the
// diff. The rights check weighs these against the authorization's terms; this module only finds.
import { diffArrays, diffChars, diffWordsWithSpace } from "diff";
import { documentParagraphs } from "@/lib/editor/document";
import { effectiveAlignment, untranslatedParagraphs } from "./alignment";
import { comparableText, sameText } from "./comparable-text";

export type FidelityReason = "OMISSION_NOT_PERMITTED" | "MODIFICATION_NOT_PERMITTED";

export interface TextChange {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface FidelityFinding {
  reason: FidelityReason;
  /** 1-based paragraph of the original it concerns; null for the headline. */
  paragraph: number | null;
  /** In words, naming the paragraph. */
  text: string;
  /** For modifications: the original (removed) against ours (added). */
  diff?: TextChange[];
}

export interface FidelityInput {
  original: { title: string; body: unknown } | null;
  article: {
    title: string;
    body: unknown;
    isTranslation: boolean;
    alignment: unknown;
    confirmedHeadline: string | null;
  };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The changes that turn `before` into `after`: by character for CJK text, by word otherwise. */
export function textChanges(before: string, after: string): TextChange[] {
  const changes = CJK.test(before + after) ? diffChars(before, after) : diffWordsWithSpace(before, after);
  return changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

const quote = (text: string) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

function omissions(original: string[], translation: string[], alignment: unknown): FidelityFinding[] {
  const { rows } = effectiveAlignment(alignment, original.length, translation.length);
  return untranslatedParagraphs(rows).map((i) => ({
    reason: "OMISSION_NOT_PERMITTED",
    paragraph: i + 1,
    text: `Paragraph ${i + 1} of the original (${quote(original[i]!)}) has no translation.`,
  }));
}

function modifications(original: string[], ours: string[]): FidelityFinding[] {
  const findings: FidelityFinding[] = [];
  const parts = diffArrays(original.map(comparableText), ours.map(comparableText));
  let o = 0;
  let n = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    const next = parts[p + 1];
    if (!part.added && !part.removed) {
      o += part.count ?? part.value.length;
      n += part.count ?? part.value.length;
      continue;
    }
    if (part.removed && next?.added) {
      // Paragraphs replaced one for one are edits; any extra on either side is a removal or addition.
      const removed = part.count ?? part.value.length;
      const added = next.count ?? next.value.length;
      for (let k = 0; k < Math.max(removed, added); k++) {
        const before = k < removed ? original[o + k]! : "";
        const after = k < added ? ours[n + k]! : "";
        findings.push(finding(o + Math.min(k, removed - 1), before, after, k < removed, k < added));
      }
      o += removed;
      n += added;
      p++;
      continue;
    }
    const count = part.count ?? part.value.length;
    for (let k = 0; k < count; k++) {
      if (part.removed) findings.push(finding(o + k, original[o + k]!, "", true, false));
      else findings.push(finding(Math.max(o - 1, 0), "", ours[n + k]!, false, true));
    }
    if (part.removed) o += count;
    else n += count;
  }
  return findings;
}

function finding(
  index: number,
  before: string,
  after: string,
  hadOriginal: boolean,
  hasOurs: boolean,
): FidelityFinding {
  const paragraph = index + 1;
  if (hadOriginal && !hasOurs)
    return {
      reason: "OMISSION_NOT_PERMITTED",
      paragraph,
      text: `Paragraph ${paragraph} of the original (${quote(before)}) is left out.`,
    };
  const text = hadOriginal
    ? `Paragraph ${paragraph} differs from the original beyond spacing, punctuation width and quotes.`
    : `A paragraph not in the original was added after paragraph ${paragraph} (${quote(after)}).`;
  return { reason: "MODIFICATION_NOT_PERMITTED", paragraph, text, diff: textChanges(before, after) };
}

/** Everything in which the article departs from its original; none when it has no original. */
export function fidelityFindings({ original, article }: FidelityInput): FidelityFinding[] {
  if (!original) return [];
  const originalParagraphs = documentParagraphs(original.body);
  const ours = documentParagraphs(article.body);
  if (article.isTranslation) return omissions(originalParagraphs, ours, article.alignment);
  const findings = modifications(originalParagraphs, ours);
  if (!sameText(original.title, article.title) && article.confirmedHeadline !== article.title) {
    findings.unshift({
      reason: "MODIFICATION_NOT_PERMITTED",
      paragraph: null,
      text: `The headline differs from the original title ${quote(original.title)}: confirm the change or restore the title.`,
      diff: textChanges(original.title, article.title),
    });
  }
  return findings;
}
