import pg from "pg";
import { describe, expect, it } from "vitest";
import { now } from "@/lib/platform/clock";
import { listPublishedArticles } from "@/lib/articles/public-articles";
import { db } from "@/lib/platform/db";
import { seedBulk } from "@/lib/seed/bulk";

describe("the bulk data generator", () => {
  it("writes the asked-for numbers of public articles and approved comments, the first with the long discussion", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const result = await seedBulk(client, { articles: 120, comments: 900, commentsOnFirstArticle: 500 });
      expect(result).toMatchObject({ articles: 120, comments: 900 });
    } finally {
      await client.end();
    }
    expect(await db.article.count()).toBe(120);
    expect(await db.comment.count({ where: { status: "APPROVED" } })).toBe(900);
    const first = await db.article.findFirstOrThrow({
      where: { slug: { endsWith: "-1" } },
      select: { id: true },
    });
    expect(await db.comment.count({ where: { articleId: first.id } })).toBeGreaterThanOrEqual(500);
    // Everything it makes is public through the same rule readers see, reprints included.
    expect(await listPublishedArticles({ now: now(), take: 500 })).toHaveLength(120);
    const withTags = await db.article.count({ where: { tags: { some: {} }, bylines: { some: {} } } });
    expect(withTags).toBe(120);
  });
});
