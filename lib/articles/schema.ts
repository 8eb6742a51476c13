import { z } from "zod";
import { filterPage, filterText } from "@/lib/platform/list-filters";
import { articleCommentPolicyFields } from "@/lib/comments/policy";
import { ArticleBodySchema } from "@/lib/editor/body-schema";
import { SLUG_PATTERN } from "@/lib/platform/slug";

const id = z.string().trim().min(1).max(64);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => v || null);
const httpUrl = z
  .url({ protocol: /^https?$/, error: "Enter a full http(s) address." })
  .max(2000, "The address is too long.");

export const ArticleFieldsSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the article a title.")
    .max(300, "Keep the title under 300 characters."),
  slug: z
    .string()
    .trim()
    .max(100, "Keep the slug under 100 characters.")
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and single hyphens.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  excerpt: z.string().trim().max(600, "Keep the excerpt under 600 characters.").default(""),
  body: ArticleBodySchema,
  kind: z.enum(["ORIGINAL", "REPRINT"]).default("ORIGINAL"),
  sourceId: id.nullish(),
  authorizationId: id.nullish(),
  originalUrl: httpUrl.nullish().or(z.literal("").transform(() => null)),
  originalTitle: optionalText(300, "The original title").nullish(),
  sourceLine: optionalText(500, "The source line").nullish(),
  originalLanguage: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as zh-Hans or ja.")
    .nullish()
    .or(z.literal("").transform(() => null)),
  /** The day the original was first published; absent leaves it as it is. */
  originalPublishedAt: z.coerce.date({ error: "Enter a valid day." }).nullish(),
  isTranslation: z.boolean().default(false),
  isModified: z.boolean().default(false),
  // A byline row whose person is not chosen yet is no byline.
  bylines: z.preprocess(
    (rows) =>
      Array.isArray(rows) ? rows.filter((row) => (row as { personId?: unknown })?.personId !== "") : rows,
    z
      .array(z.object({ personId: id, role: z.enum(["AUTHOR", "TRANSLATOR"]) }))
      .max(20, "At most 20 bylines.")
      .default([]),
  ),
  tagIds: z.array(id).max(50, "At most 50 tags.").default([]),
  featuredImageId: id.nullish(),
  featuredImageAlt: optionalText(300, "The image description").nullish(),
  seoTitle: optionalText(120, "The SEO title").nullish(),
  seoDescription: optionalText(300, "The SEO description").nullish(),
  ...articleCommentPolicyFields,
});

export type ArticleFields = z.output<typeof ArticleFieldsSchema>;

/** Ids the desk hands out when an editor opens (see app/(admin)/admin/articles/new). */
export const NEW_ARTICLE_ID = /^c[0-9a-f]{32}$/;

export function newArticleId(): string {
  return `c${crypto.randomUUID().replaceAll("-", "")}`;
}

export const CreateArticleSchema = ArticleFieldsSchema.extend({
  id: z.string().regex(NEW_ARTICLE_ID, "That article id is not valid.").optional(),
});

export const SaveArticleSchema = ArticleFieldsSchema.extend({
  id,
  /** The version the editor started from: a newer one on the server means a conflict. */
  version: z.number().int().min(1),
  manual: z.boolean().default(false),
});

export const ArticleIdSchema = z.object({ id });

export const TransitionSchema = ArticleIdSchema.extend({ version: z.number().int().min(1) });

/** Publishing and scheduling: the editor may confirm going ahead with an out-of-date translation. */
export const PublishSchema = TransitionSchema.extend({ confirmOutOfDate: z.boolean().optional() });

export const ScheduleSchema = PublishSchema.extend({
  publishAt: z.coerce.date({ error: "Choose a date and time." }),
});

export const BulkArchiveSchema = z.object({
  ids: z.array(id).min(1, "Select at least one article.").max(200),
});

/** Filters of /admin/articles from its query string; anything malformed is dropped. */
export const ArticleListFiltersSchema = z.object({
  status: z.enum(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"]).optional().catch(undefined),
  kind: z.enum(["ORIGINAL", "REPRINT"]).optional().catch(undefined),
  tag: filterText,
  source: filterText,
  author: filterText,
  q: filterText,
  sort: z.enum(["updated", "published", "title"]).catch("updated"),
  page: filterPage,
});

export type ArticleListFilters = z.output<typeof ArticleListFiltersSchema>;
