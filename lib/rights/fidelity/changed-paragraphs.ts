// Which paragraphs of a new revision of the original differ from the revision a translation
// follows (1-based, in the new revision): rewritten and added paragraphs, and for a removed one
// the paragraph that now stands in its place. Spacing, width and quotes do not count.
import { diffArrays } from "diff";
import { comparableText } from "./comparable-text";

export function changedParagraphs(before: readonly string[], after: readonly string[]): number[] {
  const changed = new Set<number>();
  let n = 0;
  for (const part of diffArrays(before.map(comparableText), after.map(comparableText))) {
    const count = part.count ?? part.value.length;
    if (part.added) {
      for (let k = 0; k < count; k++) changed.add(n + k + 1);
      n += count;
    } else if (part.removed) {
      if (after.length > 0) changed.add(Math.min(n + 1, after.length));
    } else {
      n += count;
    }
  }
  return [...changed].sort((a, b) => a - b);
}
