import { matchBoilerplate, type BoilerplateAction } from "./boilerplate";
import { parseMetaLine, type MetaLine } from "./metadata-lines";
import type { ImportedByline, ImportedSource, RawLine } from "./types";

/** A line of the pasted article, classified. */
export type Item =
  | { kind: "blank" }
  | { kind: "break" }
  | { kind: "noise" }
  | { kind: "text"; text: string; heading: number }
  | { kind: "end" }
  | {
      kind: "boilerplate";
      action: Exclude<BoilerplateAction, "break" | "end">;
      text: string;
      heading: number;
    }
  | { kind: "meta"; meta: MetaLine; text: string; heading: number };

// Below this share of letters and digits, a line is debris (a row of symbols, a mangled widget).
const MIN_LETTER_RATIO = 0.2;

export function classifyLine({ text, heading }: RawLine): Item {
  if (text === "") return { kind: "blank" };
  const action = matchBoilerplate(text);
  if (action === "break") return { kind: "break" };
  if (action === "end") return { kind: "end" };
  if (action) return { kind: "boilerplate", action, text, heading };
  const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  // "* * *", "◆ ◆ ◆", "———": a divider between sections
  if (letters === 0) return { kind: "break" };
  if (letters / text.replace(/\s/g, "").length < MIN_LETTER_RATIO) return { kind: "noise" };
  const meta = parseMetaLine(text);
  if (meta) return { kind: "meta", meta, text, heading };
  return { kind: "text", text, heading };
}

export function findTitleIndex(items: readonly Item[], html: boolean): number {
  // Pasted pages often carry a site name or breadcrumbs above the article's <h1>.
  const h1 = html ? items.findIndex((item) => item.kind === "text" && item.heading === 1) : -1;
  return h1 !== -1 ? h1 : items.findIndex((item) => item.kind === "text");
}

export function cleanTitle(text: string): string {
  return text.replace(/^(?:title|标题)\s*[:：]\s*/iu, "").trim();
}

/** Cuts the page off where the article ends, and decides which metadata lines are metadata. */
export function resolveBody(afterTitle: readonly Item[]): Item[] {
  let items = afterTitle;
  const bodyStart = items.findIndex((item) => item.kind === "text");
  const end = items.findIndex(
    (item, i) =>
      bodyStart !== -1 && i > bodyStart && item.kind === "boilerplate" && item.action === "end-after-body",
  );
  if (end !== -1) items = items.slice(0, end);

  const first = items.findIndex((item) => item.kind === "text");
  const last = items.findLastIndex((item) => item.kind === "text");
  // Between the first and last paragraph, a "Source: Reuters" caption or a "By 2030, …" line is body text.
  return items.map((item, i): Item => {
    const inside = i > first && i < last;
    if (
      inside &&
      (item.kind === "meta" || (item.kind === "boilerplate" && item.action === "drop-at-edges"))
    ) {
      return { kind: "text", text: item.text, heading: item.heading };
    }
    return item;
  });
}

export function collectMetadata(items: readonly Item[]): {
  source: ImportedSource | null;
  bylines: ImportedByline[];
} {
  let source: ImportedSource | null = null;
  const bylines: ImportedByline[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind !== "meta") continue;
    source ??= item.meta.source;
    for (const byline of item.meta.bylines) {
      const key = `${byline.role}:${byline.name.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      bylines.push(byline);
    }
  }
  return { source, bylines };
}
