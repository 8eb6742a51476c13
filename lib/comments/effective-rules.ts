// The comment rules in force on one article: its own settings where it has them, the site's
// defaults otherwise. Shared by the submission pipeline and the article page's form.
import type { CommentMode } from "@/lib/generated/prisma/enums";
import type { CommentDefaults } from "./settings";

export interface EffectiveRules {
  mode: CommentMode;
  autoCloseDays: number | null;
  linkLimit: number;
  maxLength: number | null;
  slowModeSeconds: number | null;
  holdFirstTime: boolean;
}

export interface ArticleCommentSettings {
  publishedAt: Date | null;
  commentMode: CommentMode | null;
  commentAutoCloseDays: number | null;
  commentLinkLimit: number | null;
  commentMaxLength: number | null;
  commentSlowModeSeconds: number | null;
}

/** A per-article setting outranks the site default; a zero or negative override turns a limit off. */
export function effectiveRules(article: ArticleCommentSettings, defaults: CommentDefaults): EffectiveRules {
  const positive = (override: number | null, fallback: number | null) =>
    override === null ? fallback : override > 0 ? override : null;
  return {
    mode: article.commentMode ?? defaults.mode,
    autoCloseDays: positive(article.commentAutoCloseDays, defaults.autoCloseDays),
    linkLimit: Math.max(0, article.commentLinkLimit ?? defaults.linkLimit),
    maxLength: positive(article.commentMaxLength, defaults.maxLength),
    slowModeSeconds: positive(article.commentSlowModeSeconds, defaults.slowModeSeconds),
    holdFirstTime: defaults.holdFirstTime,
  };
}

/** Closed by its mode, or by auto-close once the days after publication have passed. */
export function commentsClosed(article: ArticleCommentSettings, rules: EffectiveRules, at: Date): boolean {
  if (rules.mode === "CLOSED") return true;
  return (
    rules.autoCloseDays !== null &&
    article.publishedAt !== null &&
    article.publishedAt.getTime() + rules.autoCloseDays * 86_400_000 < at.getTime()
  );
}

export const articleCommentSettingsSelect = {
  publishedAt: true,
  commentMode: true,
  commentAutoCloseDays: true,
  commentLinkLimit: true,
  commentMaxLength: true,
  commentSlowModeSeconds: true,
} as const;
