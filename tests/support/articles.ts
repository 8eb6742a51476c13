// Articles for tests, made through the same domain functions the desk uses.
import { db } from "@/lib/platform/db";
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

/** A WeChat source with an authorization in force that allows translation, plus `terms`. */
export async function grantingSource(editorId: string, terms: Record<string, boolean> = {}) {
  const source = await db.source.create({
    data: {
      name: `Tide Notes ${crypto.randomUUID()}`,
      slug: `tide-${crypto.randomUUID()}`,
      kind: "WECHAT_ACCOUNT",
    },
  });
  const authorization = await db.reprintAuthorization.create({
    data: {
      sourceId: source.id,
      status: "GRANTED",
      validFrom: new Date("2020-01-01T00:00:00Z"),
      decidedAt: new Date("2020-01-01T00:00:00Z"),
      requestedById: editorId,
      translationAllowed: true,
      ...terms,
    },
  });
  return { source, authorization };
}
