// Site-wide comment settings, stored as JSON in Setting rows. A malformed value never breaks
// commenting: each field that does not parse falls back to its default.
import { z } from "zod";
import { db } from "@/lib/db";
import type { CommentMode } from "@/lib/generated/prisma/enums";

export const DEFAULTS_KEY = "comments.defaults";
export const WORDS_KEY = "comments.words";

export const DEFAULT_LINK_LIMIT = 2;

export interface CommentDefaults {
  mode: CommentMode;
  /** Days after publication when comments close; null never closes them. */
  autoCloseDays: number | null;
  /** A comment with this many links or more is held. */
  linkLimit: number;
  /** Maximum length in characters; null leaves only the schema's byte limit. */
  maxLength: number | null;
  /** Seconds a commenter must wait between comments on one article; null for none. */
  slowModeSeconds: number | null;
  /** Under OPEN, hold first-time commenters until they have two approved comments. */
  holdFirstTime: boolean;
}

export interface CommentWords {
  /** A comment containing one of these goes straight to spam. */
  disallowed: string[];
  /** A comment containing one of these is held for moderation. */
  moderation: string[];
}

const positiveOrNull = z.number().int().positive().nullable().catch(null);

const DefaultsSchema = z.object({
  mode: z.enum(["OPEN", "PREMODERATE_NEW", "PREMODERATE_ALL", "CLOSED"]).catch("OPEN"),
  autoCloseDays: positiveOrNull,
  linkLimit: z.number().int().min(0).catch(DEFAULT_LINK_LIMIT),
  maxLength: positiveOrNull,
  slowModeSeconds: positiveOrNull,
  holdFirstTime: z.boolean().catch(true),
});

const terms = z
  .array(z.unknown())
  .catch([])
  .transform((list) => list.filter((t): t is string => typeof t === "string" && t.trim() !== ""));

const WordsSchema = z.object({ disallowed: terms, moderation: terms });

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function parseDefaults(value: unknown): CommentDefaults {
  return DefaultsSchema.parse(asObject(value));
}

export function parseWords(value: unknown): CommentWords {
  return WordsSchema.parse(asObject(value));
}

export async function loadCommentSettings(): Promise<{ defaults: CommentDefaults; words: CommentWords }> {
  const rows = await db.setting.findMany({ where: { key: { in: [DEFAULTS_KEY, WORDS_KEY] } } });
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  return { defaults: parseDefaults(value(DEFAULTS_KEY)), words: parseWords(value(WORDS_KEY)) };
}
