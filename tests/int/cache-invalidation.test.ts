// The domain command that changed what readers see tells the caches, after its transaction has
// committed: called directly, as here, with no route, page or server action around it.
import { describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/save-article";
import { publishArticle, submitForReview, unpublishArticle } from "@/lib/articles/workflow";
import { submitComment } from "@/lib/comments/submit";
import { cacheTime, isFresh } from "@/lib/platform/cache/registry";
import { cacheTag } from "@/lib/platform/cache/tags";
import { db } from "@/lib/platform/db";
import {
  addEvidenceUrl,
  grantAuthorization,
  recordRequest,
  revokeAuthorization,
} from "@/lib/rights/authorizations/lifecycle";
import { RecordRequestSchema } from "@/lib/rights/authorizations/schema";
import { createSource, updateSource } from "@/lib/sources/manage-sources";
import { createPerson, mergePeople } from "@/lib/taxonomy/people";
import { CreatePersonSchema, CreateTagSchema } from "@/lib/taxonomy/schema";
import { createTag, renameTag } from "@/lib/taxonomy/tags";
import { articleFields, context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

/** Whether running `work` made any of `tags` stale. */
async function invalidates(tags: string[], work: () => Promise<unknown>): Promise<boolean> {
  const since = cacheTime();
  await work();
  return !isFresh(tags, since);
}

describe("article commands", () => {
  it("invalidate the article and every list when readers' view changes, and only then", async () => {
    const editor = await createTestUser("EDITOR");
    let article = await createTestArticle(editor, { title: "Cache case" });
    const tags = () => [cacheTag.article(article.id), cacheTag.articles];

    expect(
      await invalidates(tags(), async () => (article = await submitForReview(article, context(editor)))),
    ).toBe(false);
    expect(
      await invalidates(tags(), async () => (article = await publishArticle(article, context(editor)))),
    ).toBe(true);
    const edit = () => ({ ...articleFields({ title: `Cache case ${article.version}` }), manual: false });
    expect(
      await invalidates([cacheTag.article(article.id)], async () => {
        article = await saveArticle({ ...edit(), id: article.id, version: article.version }, context(editor));
      }),
    ).toBe(true);
    expect(
      await invalidates(tags(), async () => (article = await unpublishArticle(article, context(editor)))),
    ).toBe(true);
    // A draft's edit is nobody's business but the desk's.
    expect(
      await invalidates([cacheTag.article(article.id)], async () => {
        article = await saveArticle({ ...edit(), id: article.id, version: article.version }, context(editor));
      }),
    ).toBe(false);
  });
});

describe("taxonomy and source commands", () => {
  it("invalidate the pages naming the tag, person or source", async () => {
    const editor = await createTestUser("EDITOR");
    const admin = await createTestUser("ADMIN");
    const tag = await createTag(CreateTagSchema.parse({ name: "Cache tag" }), context(editor));
    expect(
      await invalidates([cacheTag.tag(tag.id), cacheTag.articles], () =>
        renameTag({ tagId: tag.id, name: "Cache tag renamed" }, context(editor)),
      ),
    ).toBe(true);

    const [kept, merged] = [
      await createPerson(CreatePersonSchema.parse({ name: "Cache person" }), context(editor)),
      await createPerson(CreatePersonSchema.parse({ name: "Cache person twin" }), context(editor)),
    ];
    expect(
      await invalidates([cacheTag.person(merged.id)], () =>
        mergePeople({ sourceId: merged.id, targetId: kept.id }, context(editor)),
      ),
    ).toBe(true);

    const source = await createSource({ name: "Cache source", kind: "WEBSITE" }, context(admin));
    expect(
      await invalidates([cacheTag.source(source.id)], () =>
        updateSource({ sourceId: source.id, name: "Cache source renamed" }, context(admin)),
      ),
    ).toBe(true);
    expect(
      await invalidates([cacheTag.source(source.id)], () =>
        updateSource({ sourceId: source.id, name: "Cache source renamed" }, context(admin)),
      ),
    ).toBe(false); // nothing changed
  });

  it("rights decisions invalidate the source's pages and every list", async () => {
    const editor = await createTestUser("EDITOR");
    const admin = await createTestUser("ADMIN");
    const source = await db.source.create({
      data: { name: "Cache rights source", slug: `cache-rights-${Date.now()}`, kind: "WEBSITE" },
    });
    const request = await recordRequest(
      RecordRequestSchema.parse({
        sourceId: source.id,
        validFrom: "2026-01-01",
        attributionText: "Reprinted with permission.",
      }),
      context(editor),
    );
    await addEvidenceUrl(
      { authorizationId: request.id, url: "https://example.org/grant", capturedAt: null, note: "" },
      context(admin),
    );
    const tags = [cacheTag.source(source.id), cacheTag.articles];
    let version = request.version;
    expect(
      await invalidates(tags, async () => {
        version = (await grantAuthorization({ id: request.id, version }, context(admin))).version;
      }),
    ).toBe(true);
    expect(
      await invalidates(tags, () =>
        revokeAuthorization({ id: request.id, version, reason: "The holder withdrew it." }, context(admin)),
      ),
    ).toBe(true);
  });
});

describe("comment submission", () => {
  it("invalidates the article's comments when a comment is approved at once", async () => {
    const editor = await createTestUser("EDITOR");
    const draft = await createTestArticle(editor, { title: "Commented cache case" });
    const article = await publishArticle(draft, context(editor));
    // A commenter with approved comments behind them is not held for moderation.
    for (const body of ["An earlier comment.", "Another earlier comment."]) {
      await db.comment.create({
        data: {
          articleId: article.id,
          authorName: "A Reader",
          authorEmail: "reader@example.com",
          body,
          status: "APPROVED",
        },
      });
    }
    expect(
      await invalidates([cacheTag.comments(article.id), cacheTag.allComments], async () => {
        const result = await submitComment(
          { articleId: article.id, name: "A Reader", email: "reader@example.com", body: "A fair point." },
          { ip: "198.51.100.4", userAgent: "test-agent" },
        );
        expect(result).toMatchObject({ ok: true, comment: { status: "APPROVED" } });
      }),
    ).toBe(true);
  });
});
