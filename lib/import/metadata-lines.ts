import { cleanClaim, parseSource } from "./source-line";
import type { BylineRole, ImportedByline, ImportedSource } from "./types";

// Longer lines are prose, never a source or byline line.
const MAX_META_LINE_LENGTH = 300;

type MetaLabelKind = BylineRole | "SOURCE" | "IGNORED";

interface MetaLabel {
  kind: MetaLabelKind;
  pattern: RegExp;
  /** Only at the start of the line ("By …"): elsewhere the word is prose. */
  lineStartOnly?: boolean;
  /** Multi-character Chinese labels, recognized even with no space before them. */
  anywhere?: boolean;
  /** The label itself is the rights statement, e.g. "Republished with permission from". */
  labelIsClaim?: boolean;
}

const COLON = String.raw`\s*[:：]\s*`;
const SLASH = String.raw`\s*[/／|｜]\s*`;
const label = (words: string, separators: string): RegExp =>
  new RegExp(`(?:${words})(?:${separators})`, "iuy");

// Order matters where labels overlap: "translated by" before "by".
const META_LABELS: readonly MetaLabel[] = [
  {
    kind: "SOURCE",
    labelIsClaim: true,
    pattern: label(
      String.raw`(?:reprinted|republished|reproduced|used)\s+(?:here\s+)?(?:with|by)\s+(?:the\s+)?(?:kind\s+|express\s+|written\s+)?(?:permission|authori[sz]ation|consent)\s+(?:from|of)`,
      String.raw`\s+`,
    ),
  },
  {
    kind: "SOURCE",
    labelIsClaim: true,
    pattern: label(String.raw`(?:本文)?已?(?:经|获)?授权转载自`, String.raw`\s*[:：]?\s*`),
  },
  {
    kind: "SOURCE",
    pattern: label(
      "sources?|来源|來源|出处|出處|文章来源|本文来源|原文来源|原文出处|信息来源",
      `${COLON}|${SLASH}`,
    ),
  },
  { kind: "SOURCE", anywhere: true, pattern: label("来源|來源", `${COLON}|${SLASH}`) },
  {
    kind: "SOURCE",
    pattern: label(String.raw`(?:reprinted|republished|reproduced)\s+from`, String.raw`\s+`),
  },
  { kind: "SOURCE", pattern: label(String.raw`originally\s+published\s+(?:in|by|at)`, String.raw`\s+`) },
  { kind: "SOURCE", pattern: label("(?:本文)?(?:转载自|转自|原载于?|首发于)", String.raw`\s*[:：]?\s*`) },
  {
    kind: "TRANSLATOR",
    pattern: label(
      String.raw`(?:translated|compiled(?:\s+and\s+translated)?|translation|english\s+translation|english\s+version)\s+by`,
      `${COLON}|\\s+`,
    ),
  },
  {
    kind: "TRANSLATOR",
    pattern: label(String.raw`translators?|translation|english\s+version`, `${COLON}|${SLASH}`),
  },
  {
    kind: "TRANSLATOR",
    anywhere: true,
    pattern: label("编译者|译者|翻译|编译|译文", `${COLON}|${SLASH}|\\s+`),
  },
  { kind: "TRANSLATOR", pattern: label("译", `${COLON}|${SLASH}`) },
  {
    kind: "IGNORED",
    pattern: label(
      String.raw`(?:edited|photos?|images?|pictures?|illustrations?|illustrated|designed|proofread|reviewed|produced)\s+by`,
      `${COLON}|\\s+`,
    ),
  },
  {
    kind: "IGNORED",
    pattern: label(
      String.raw`editors?|editing|photos?|images?|photo\s+credit|illustrations?|design|designer|proofreading|producer`,
      `${COLON}|${SLASH}`,
    ),
  },
  {
    kind: "IGNORED",
    anywhere: true,
    pattern: label(
      "责任编辑|值班编辑|责编|编辑|校对|审核|审校|排版|美编|图片|摄影|设计|视觉|监制|统筹|出品|策划|主编",
      `${COLON}|${SLASH}|\\s+`,
    ),
  },
  { kind: "IGNORED", pattern: label("图", `${COLON}|${SLASH}`) },
  {
    kind: "AUTHOR",
    pattern: label(String.raw`(?:written|words|story|text|reporting|article)\s+by`, `${COLON}|\\s+`),
  },
  { kind: "AUTHOR", lineStartOnly: true, pattern: label("by", `${COLON}|\\s+`) },
  {
    kind: "AUTHOR",
    pattern: label("authors?|writers?|text|pen|wen|article|words|reporters?|columnist", `${COLON}|${SLASH}`),
  },
  {
    kind: "AUTHOR",
    anywhere: true,
    pattern: label("原作者|作者|撰文|撰稿|文字|笔者|记者|特约撰稿人?|特约作者", `${COLON}|${SLASH}|\\s+`),
  },
  { kind: "AUTHOR", pattern: label("文|笔", `${COLON}|${SLASH}`) },
];

const NAME_SEPARATOR = /\s*(?:[&＆+、,，;；/／|｜]|\band\b)\s*/iu;
const LABEL_BOUNDARY = /[\s|｜,，;；(（]/u;

export interface MetaLine {
  source: ImportedSource | null;
  bylines: ImportedByline[];
}

/** A source and/or byline line: "Source: …", "Pen / A & B", "作者：甲 编辑：乙", "By A | Source: B". */
export function parseMetaLine(line: string): MetaLine | null {
  if (line.length > MAX_META_LINE_LENGTH) return null;
  // Only a line that opens with a label is a metadata line.
  const opening = matchLabelAt(line, 0, true);
  if (!opening) return null;
  const found: Array<{ label: MetaLabel; start: number; end: number }> = [{ ...opening, start: 0 }];
  let position = opening.end;
  while (position < line.length) {
    const atBoundary = LABEL_BOUNDARY.test(line.charAt(position - 1));
    const match = matchLabelAt(line, position, atBoundary);
    if (match) {
      found.push({ ...match, start: position });
      position = match.end;
    } else {
      position++;
    }
  }

  const result: MetaLine = { source: null, bylines: [] };
  for (const [i, { label: metaLabel, start, end }] of found.entries()) {
    const value = line.slice(end, found[i + 1]?.start ?? line.length).trim();
    if (metaLabel.kind === "SOURCE") {
      const claim = metaLabel.labelIsClaim
        ? cleanClaim(line.slice(start, end).replace(/\s*(?:from|of|自)\s*$/iu, ""))
        : null;
      result.source ??= parseSource(value, line, claim);
    } else if (metaLabel.kind !== "IGNORED") {
      const names = value
        .split(NAME_SEPARATOR)
        .map(cleanName)
        .filter((name) => name !== "" && !/\d/.test(name)); // dates share byline lines: "By A | July 8, 2022"
      // "By" opens prose too ("By contrast, …"): believe it only when every part reads as a name.
      if (metaLabel.lineStartOnly && (names.length === 0 || !names.every(isPlausibleName))) return null;
      for (const name of names.filter(isPlausibleName)) result.bylines.push({ name, role: metaLabel.kind });
    }
  }
  return result;
}

function matchLabelAt(
  line: string,
  position: number,
  atBoundary: boolean,
): { label: MetaLabel; end: number } | null {
  for (const metaLabel of META_LABELS) {
    if (metaLabel.lineStartOnly && position !== 0) continue;
    if (!atBoundary && !metaLabel.anywhere) continue;
    metaLabel.pattern.lastIndex = position;
    if (metaLabel.pattern.test(line)) return { label: metaLabel, end: metaLabel.pattern.lastIndex };
  }
  return null;
}

function cleanName(raw: string): string {
  return raw
    .replace(/\s*[(（][^()（）]*[)）]\s*$/u, "") // "张三（北京大学教授）"
    .replace(
      /^[\s"“”'‘’「」『』《》【】[\]<>*•·:：\-–—@]+|[\s"“”'‘’「」『』《》【】[\]<>*•·:：,，\-–—]+$/gu,
      "",
    )
    .replace(/\s+/g, " ");
}

function isPlausibleName(name: string): boolean {
  if (name.length === 0 || name.length > 60 || /\d/.test(name)) return false;
  // Starts with a capital, or with a letter of a script without case (Chinese, Japanese, Korean, Arabic…).
  if (!/^[\p{Lu}\p{Lt}\p{Lo}]/u.test(name)) return false;
  if (name.split(" ").length > 6) return false;
  if (/[“”"«»<>{}=]/u.test(name)) return false;
  // A full stop ends a sentence, unless it ends an initial or "Jr."
  return !/[.!?。！？:：]$/u.test(name) || /(?:^|\s)\p{L}{1,3}\.$/u.test(name);
}
