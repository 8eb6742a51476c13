export type SourcePlatform = "WECHAT_ACCOUNT" | "NEWSPAPER" | "WEBSITE" | "AGENCY" | "INDIVIDUAL";
export type BylineRole = "AUTHOR" | "TRANSLATOR";

export type ImportedBlock =
  { type: "paragraph"; text: string } | { type: "heading"; text: string } | { type: "sectionBreak" };

export interface ImportedSource {
  name: string;
  platform: SourcePlatform | null;
  /** The rights statement as written, e.g. "has been authorized to reprint". */
  authorizationClaim: string | null;
  /** The whole line the source came from, as pasted. */
  line: string;
}

export interface ImportedByline {
  name: string;
  role: BylineRole;
}

export interface ImportedReprint {
  title: string;
  source: ImportedSource | null;
  bylines: ImportedByline[];
  blocks: ImportedBlock[];
  excerpt: string;
  /** The day the original appeared (YYYY-MM-DD), when a line near the top says it. */
  originalDate: string | null;
}

/** One line of the pasted article; `heading` is 1–6 for an HTML or Markdown heading, else 0. */
export interface RawLine {
  text: string;
  heading: number;
}
