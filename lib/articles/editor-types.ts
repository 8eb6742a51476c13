// What the editor edits and loads: shared by the editor (a client component) and its server load
// (lib/articles/editor-load.ts), so it holds types only.
import type { ArticleDocument } from "@/lib/editor/document";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

/** Everything the editor edits; the shape the save actions accept (minus id and version). */
export interface EditorFields {
  title: string;
  slug: string;
  excerpt: string;
  body: ArticleDocument;
  kind: "ORIGINAL" | "REPRINT";
  sourceId: string | null;
  authorizationId: string | null;
  originalUrl: string;
  originalTitle: string;
  sourceLine: string;
  originalLanguage: string;
  isTranslation: boolean;
  isModified: boolean;
  bylines: { personId: string; role: "AUTHOR" | "TRANSLATOR" }[];
  tagIds: string[];
  featuredImageId: string | null;
  featuredImageAlt: string;
  seoTitle: string;
  seoDescription: string;
  commentMode: "OPEN" | "PREMODERATE_NEW" | "PREMODERATE_ALL" | "CLOSED" | null;
  /** Comment limits for this article; null follows the site default, 0 turns one off. */
  commentAutoCloseDays: number | null;
  commentLinkLimit: number | null;
  commentMaxLength: number | null;
  commentSlowModeSeconds: number | null;
}

export interface ServerArticle {
  id: string;
  version: number;
  status: ArticleStatus;
  title: string;
  excerpt: string;
  body: ArticleDocument;
  updatedAt: string;
  /** Its slug when it has an address of its own (set by hand, or public once); else "". */
  slug: string;
  /** The public address it has, or would get from its title if it went public now. */
  path: string;
  authorizationId: string | null;
  /** Set when its rights lapsed: its URL answers 451 since then. */
  withdrawn: { at: string; reason: string | null } | null;
}

/** What a workflow move hands back: the article as the server has it now, every field included. */
export interface EditorState {
  server: ServerArticle;
  fields: EditorFields;
}

export interface EditorOptions {
  sources: { id: string; name: string }[];
  /** Granted ones, and the article's own link whatever its state (`granted` false). */
  authorizations: { id: string; sourceId: string; label: string; granted: boolean }[];
  people: { id: string; name: string }[];
  tags: { id: string; name: string; kind: string }[];
}
