// Articles for tests, made through the same domain functions the desk uses.
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { createArticle } from "@/lib/articles/save-article";
import { documentFromBlocks } from "@/lib/editor/document";
import type { CurrentUser } from "@/lib/platform/session";
import { ArticleFieldsSchema, type ArticleFields } from "@/lib/articles/schema";

export function context(actor: CurrentUser): ActionContext {
  return { actor, ip: "127.0.0.1" };
}

export function articleFields(
  overrides: Partial<ArticleFields> & { paragraphs?: string[] } = {},
): ArticleFields {
  const { paragraphs = ["A first paragraph."], ...rest } = overrides;
  return ArticleFieldsSchema.parse({
    title: "A test article",
    body: documentFromBlocks(paragraphs.map((text) => ({ type: "paragraph", text }))),
    ...rest,
  });
}

export function createTestArticle(actor: CurrentUser, overrides: Parameters<typeof articleFields>[0] = {}) {
  return createArticle(articleFields(overrides), context(actor));
}
