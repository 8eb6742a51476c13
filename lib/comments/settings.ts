// Site-wide comment settings, stored as JSON in Setting rows. A malformed value never breaks
// commenting: each field that does not parse falls back to its default.
import { z } from "zod";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { db } from "@/lib/platform/db";
import { saveSetting, type SavedSetting } from "@/lib/platform/settings";
import type { CommentMode } from "@/lib/generated/prisma/enums";
import { checkbox, COMMENT_MODES, POLICY_LIMITS, wholeNumberOrNull } from "./policy";

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

// ─── Saving (the admin's settings page) ─────────────────────────────────────
// Strict where the read side is tolerant: what an admin saves must be exactly what they meant.

export const WORD_MAX_LENGTH = 100;
export const WORDS_PER_LIST = 2000;

/** Blank or 0 turns a limit off, stored as null. */
const offWhenZero = (label: string, max: number) =>
  wholeNumberOrNull(label, 0, max).transform((value) => (value === 0 ? null : value));

/**
 * The version of the row the form was loaded from (its updatedAt, "" when there was none), so a
 * stale tab cannot silently overwrite a newer save. Direct callers may leave it out.
 */
const expectedSavedAt = z.string().max(40).optional();

export const CommentDefaultsInputSchema = z.object({
  mode: z.enum(COMMENT_MODES, { error: "Choose a comment mode." }),
  autoCloseDays: offWhenZero("Auto-close", POLICY_LIMITS.autoCloseDays),
  linkLimit: wholeNumberOrNull("The link limit", 1, POLICY_LIMITS.linkLimit).pipe(
    z.number({ error: "Enter how many links hold a comment." }),
  ),
  maxLength: offWhenZero("The maximum length", POLICY_LIMITS.maxLength),
  slowModeSeconds: offWhenZero("Slow mode", POLICY_LIMITS.slowModeSeconds),
  holdFirstTime: checkbox,
  expectedSavedAt,
});

/** One term per line (a form's textarea) or a list; blanks dropped, repeats (any case) once. */
const termList = (label: string) =>
  z
    .preprocess(
      (value) => (typeof value === "string" ? value.split(/\r?\n/) : (value ?? [])),
      z.array(z.string()),
    )
    .transform((lines) => {
      const seen = new Set<string>();
      return lines
        .map((line) => line.normalize("NFC").trim())
        .filter((term) => term !== "" && !seen.has(term.toLowerCase()) && seen.add(term.toLowerCase()));
    })
    .superRefine((terms, ctx) => {
      const long = terms.find((term) => [...term].length > WORD_MAX_LENGTH);
      if (long)
        ctx.addIssue({
          code: "custom",
          message: `${label}: “${long.slice(0, 40)}…” is longer than ${WORD_MAX_LENGTH} characters.`,
        });
      if (terms.length > WORDS_PER_LIST)
        ctx.addIssue({ code: "custom", message: `${label}: at most ${WORDS_PER_LIST} entries.` });
    });

export const CommentWordsInputSchema = z.object({
  disallowed: termList("Disallowed words"),
  moderation: termList("Moderation words"),
  expectedSavedAt,
});

export type CommentDefaultsInput = z.output<typeof CommentDefaultsInputSchema>;
export type CommentWordsInput = z.output<typeof CommentWordsInputSchema>;

/** The settings page's view: the values in force and the version each form starts from. */
export async function commentSettingsForAdmin() {
  const rows = await db.setting.findMany({ where: { key: { in: [DEFAULTS_KEY, WORDS_KEY] } } });
  const row = (key: string) => rows.find((r) => r.key === key);
  return {
    defaults: parseDefaults(row(DEFAULTS_KEY)?.value),
    words: parseWords(row(WORDS_KEY)?.value),
    defaultsSavedAt: row(DEFAULTS_KEY)?.updatedAt.toISOString() ?? "",
    wordsSavedAt: row(WORDS_KEY)?.updatedAt.toISOString() ?? "",
  };
}

/** Saves the site's comment defaults; every article without its own policy follows them. */
export async function saveCommentDefaults(
  input: CommentDefaultsInput,
  context: ActionContext,
): Promise<SavedSetting<CommentDefaults>> {
  const { expectedSavedAt: expected, ...defaults } = input;
  const result = await saveSetting(DEFAULTS_KEY, defaults, expected, parseDefaults, context);
  // Whether comments are open shows on article pages.
  if (result.changed) await invalidate([cacheTag.articles]);
  return result;
}

/** Saves the word lists. They only steer new submissions, so no public page changes. */
export async function saveCommentWords(
  input: CommentWordsInput,
  context: ActionContext,
): Promise<SavedSetting<CommentWords>> {
  const { expectedSavedAt: expected, ...words } = input;
  return saveSetting(WORDS_KEY, words, expected, parseWords, context);
}
