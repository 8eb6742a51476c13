// Which paragraphs of the translation render which paragraphs of the original: rows, in order,
// each joining a run of original paragraphs to a run of translation paragraphs. A row with no
// translation leaves its original paragraphs untranslated; `omitted` says the editor left them
// out on purpose (skip). A row with no original holds the translator's additions. Client-safe:
// the side-by-side view edits rows with these functions, the rights check reads them.
import { z } from "zod";

export interface AlignmentRow {
  original: number[];
  translation: number[];
  omitted?: boolean;
}

export const MAX_ALIGNMENT_ROWS = 5000;

export const AlignmentSchema = z
  .array(
    z.object({
      original: z.array(z.number().int().min(0)).max(MAX_ALIGNMENT_ROWS),
      translation: z.array(z.number().int().min(0)).max(MAX_ALIGNMENT_ROWS),
      omitted: z.boolean().optional(),
    }),
  )
  .max(MAX_ALIGNMENT_ROWS, "The alignment has more rows than the texts have paragraphs.");

/** Paragraph by paragraph in order; what is left over on either side gets a row of its own. */
export function defaultAlignment(originalCount: number, translationCount: number): AlignmentRow[] {
  const rows: AlignmentRow[] = [];
  for (let i = 0; i < Math.max(originalCount, translationCount); i++) {
    rows.push({
      original: i < originalCount ? [i] : [],
      translation: i < translationCount ? [i] : [],
    });
  }
  return rows;
}

function coversInOrder(runs: number[][], count: number): boolean {
  const flat = runs.flat();
  return flat.length === count && flat.every((n, i) => n === i);
}

/**
 * Why `rows` cannot align texts of these lengths, in words, or null when they can: every
 * paragraph of each side exactly once, in order, and no empty row.
 */
export function alignmentProblem(
  rows: readonly AlignmentRow[],
  originalCount: number,
  translationCount: number,
): string | null {
  const missingOriginal = rows.flatMap((r) => r.original).find((n) => n >= originalCount);
  if (missingOriginal !== undefined)
    return `The alignment names paragraph ${missingOriginal + 1} of the original, which has only ${originalCount}.`;
  const missingTranslation = rows.flatMap((r) => r.translation).find((n) => n >= translationCount);
  if (missingTranslation !== undefined)
    return `The alignment names paragraph ${missingTranslation + 1} of the translation, which has only ${translationCount}.`;
  if (rows.some((r) => r.original.length === 0 && r.translation.length === 0))
    return "The alignment has an empty row.";
  if (rows.some((r) => r.omitted && r.translation.length > 0))
    return "A skipped paragraph of the original cannot also have a translation.";
  if (
    !coversInOrder(
      rows.map((r) => r.original),
      originalCount,
    )
  )
    return "The alignment must name every paragraph of the original once, in order.";
  if (
    !coversInOrder(
      rows.map((r) => r.translation),
      translationCount,
    )
  )
    return "The alignment must name every paragraph of the translation once, in order.";
  return null;
}

/** The stored alignment when it still fits both texts; otherwise paragraph by paragraph. */
export function effectiveAlignment(
  stored: unknown,
  originalCount: number,
  translationCount: number,
): { rows: AlignmentRow[]; stored: boolean } {
  const parsed = AlignmentSchema.safeParse(stored);
  if (parsed.success && alignmentProblem(parsed.data, originalCount, translationCount) === null)
    return { rows: parsed.data, stored: true };
  return { rows: defaultAlignment(originalCount, translationCount), stored: false };
}

/** Joins row `i` and the next one. */
export function mergeRows(rows: readonly AlignmentRow[], i: number): AlignmentRow[] {
  const a = rows[i];
  const b = rows[i + 1];
  if (!a || !b) return [...rows];
  const merged = {
    original: [...a.original, ...b.original],
    translation: [...a.translation, ...b.translation],
  };
  return [...rows.slice(0, i), merged, ...rows.slice(i + 2)];
}

export function canSplit(row: AlignmentRow | undefined): boolean {
  return !!row && (row.original.length > 1 || row.translation.length > 1);
}

/** Parts row `i` after its first paragraph on each side that has more than one. */
export function splitRow(rows: readonly AlignmentRow[], i: number): AlignmentRow[] {
  const row = rows[i];
  if (!row || !canSplit(row)) return [...rows];
  const cut = (run: number[]) => (run.length > 1 ? [run.slice(0, 1), run.slice(1)] : [run, []]);
  const [o1, o2] = cut(row.original);
  const [t1, t2] = cut(row.translation);
  const parts = [
    { original: o1!, translation: t1!, ...(row.omitted ? { omitted: true } : {}) },
    { original: o2!, translation: t2!, ...(row.omitted ? { omitted: true } : {}) },
  ].filter((r) => r.original.length + r.translation.length > 0);
  return [...rows.slice(0, i), ...parts, ...rows.slice(i + 1)];
}

/**
 * Skip: marks row `i`'s original as left out on purpose, handing its translation to the next
 * row (or a row of its own). On a skipped row, takes the mark off again.
 */
export function toggleSkip(rows: readonly AlignmentRow[], i: number): AlignmentRow[] {
  const row = rows[i];
  if (!row || row.original.length === 0) return [...rows];
  if (row.omitted)
    return rows.map((r, j) => (j === i ? { original: r.original, translation: r.translation } : r));
  const next = rows[i + 1];
  const handed =
    row.translation.length === 0
      ? rows.slice(i + 1)
      : next
        ? [{ ...next, translation: [...row.translation, ...next.translation] }, ...rows.slice(i + 2)]
        : [{ original: [], translation: row.translation }];
  if (next?.omitted && row.translation.length > 0) {
    // A skipped row cannot take a translation: give it a row of its own instead.
    handed.splice(0, 1, { original: [], translation: row.translation }, next);
  }
  return [...rows.slice(0, i), { original: row.original, translation: [], omitted: true }, ...handed];
}

/** Original paragraphs (0-based) that no translation renders, skipped or not. */
export function untranslatedParagraphs(rows: readonly AlignmentRow[]): number[] {
  return rows.filter((r) => r.translation.length === 0).flatMap((r) => r.original);
}
