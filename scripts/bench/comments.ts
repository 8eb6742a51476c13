// The comment rows of `npm run bench` (scripts/bench/site.ts): an article with a long, threaded
// discussion written straight into the bench's own database, and the warm-up posts before wrk
// drives POST /api/comments with comment-post.lua.
import { randomUUID } from "node:crypto";
import pg from "pg";

const WORDS = (
  "alliance strait summit ministry defense trade sanctions border treaty election parliament " +
  "diplomacy security economy energy maritime islands envoy talks cooperation tension reform " +
  "region policy pacific exchange readers argument history evidence context question"
).split(" ");

/** Each body starts with this and its number, so the rendered page can be checked for all of them. */
const MARKER = "Discussion comment";

/** Deterministic filler: the same words for the same comment on every run. */
function words(seed: number, count: number): string {
  return Array.from({ length: count }, (_, i) => WORDS[(seed * 31 + i * 17 + i * i) % WORDS.length]).join(
    " ",
  );
}

export interface LongDiscussion {
  articleId: string;
  approved: number;
  replies: number;
}

/**
 * Gives the published article `slug` exactly `count` approved comments (replacing any it had),
 * threaded a little: seven in ten are top-level, two reply to a recent top-level comment and one
 * replies to a reply (the third and deepest level). A minute apart, oldest first, so every reply
 * is younger than its parent.
 */
export async function seedLongDiscussion(
  databaseUrl: string,
  slug: string,
  count: number,
): Promise<LongDiscussion> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    const article = await client.query<{ id: string }>(
      `select id from "Article" where slug = $1 and status = 'PUBLISHED'`,
      [slug],
    );
    const articleId = article.rows[0]?.id;
    if (!articleId) throw new Error(`No published article ${slug} to give ${count} comments.`);
    await client.query(`delete from "Comment" where "articleId" = $1`, [articleId]);

    const now = Date.now();
    const topLevel: string[] = [];
    const secondLevel: string[] = [];
    const rows = Array.from({ length: count }, (_, i) => {
      const id = randomUUID();
      const kind = i % 10;
      let parentId: string | null = null;
      if (kind >= 7 && topLevel.length > 0) {
        const recent = topLevel.slice(-20);
        if (kind === 9 && secondLevel.length > 0) parentId = secondLevel[secondLevel.length - 1]!;
        else parentId = recent[(i * 7) % recent.length]!;
      }
      if (parentId === null) topLevel.push(id);
      else if (topLevel.includes(parentId)) secondLevel.push(id);
      const createdAt = new Date(now - (count - i) * 60_000).toISOString();
      const reader = i % 150;
      return {
        id,
        parentId,
        authorName: `Reader ${reader}`,
        authorEmail: `discussion${reader}@example.com`,
        body: `${MARKER} ${i + 1}: ${words(i, 18)}.\n\n${words(i + 7, 9)}?`,
        createdAt,
      };
    });
    await client.query(
      `insert into "Comment" (id, "articleId", "parentId", "authorName", "authorEmail", body, status,
         "createdAt", "updatedAt")
       select t.id, $1, t.parent, t.name, t.email, t.body, 'APPROVED', t.at::timestamp, t.at::timestamp
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         as t(id, parent, name, email, body, at)`,
      [
        articleId,
        rows.map((r) => r.id),
        rows.map((r) => r.parentId),
        rows.map((r) => r.authorName),
        rows.map((r) => r.authorEmail),
        rows.map((r) => r.body),
        rows.map((r) => r.createdAt),
      ],
    );
    const counted = await client.query<{ approved: number; replies: number }>(
      `select count(*) filter (where status = 'APPROVED')::int as approved,
              count(*) filter (where "parentId" is not null)::int as replies
       from "Comment" where "articleId" = $1`,
      [articleId],
    );
    await client.query("commit");
    const { approved, replies } = counted.rows[0]!;
    if (approved !== count) throw new Error(`${slug} has ${approved} approved comments, not ${count}.`);
    return { articleId, approved, replies };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** How many of the long discussion's comments a rendered page carries (distinct numbers). */
export function discussionCommentsIn(html: string): number {
  return new Set([...html.matchAll(new RegExp(`${MARKER} (\\d+):`, "g"))].map((m) => m[1])).size;
}

export async function articleIdOf(databaseUrl: string, slug: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(`select id from "Article" where slug = $1`, [slug]);
    if (!result.rows[0]) throw new Error(`No article ${slug}.`);
    return result.rows[0].id;
  } finally {
    await client.end();
  }
}

/**
 * Posts `count` first comments, one at a time, each from its own reader and address, as
 * comment-post.lua does, and insists that each is accepted (201 approved or 202 held): the wrk run
 * only measures a path that works. Addresses come from the top of 198.18.0.0/15, which a
 * two-thread wrk run of comment-post.lua does not reach: 198.19.255.(200 + first) onwards.
 */
export async function warmUpCommentPost(
  base: string,
  articleId: string,
  count: number,
  first = 0,
): Promise<void> {
  if (200 + first + count > 256) throw new Error("warmUpCommentPost: at most 56 addresses.");
  for (let i = first; i < first + count; i++) {
    const response = await fetch(`${base}/api/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `198.19.255.${200 + i}` },
      body: JSON.stringify({
        articleId,
        name: `Warm-up reader ${i}`,
        email: `bench-warmup-${i}-${randomUUID().slice(0, 8)}@example.test`,
        website: "",
        body: `Warm-up comment ${i}: ${words(i, 12)}.`,
        website2: "",
      }),
    });
    const text = await response.text();
    if (response.status !== 201 && response.status !== 202) {
      throw new Error(`POST /api/comments (warm-up) answered ${response.status}: ${text.slice(0, 500)}`);
    }
  }
}

/**
 * The comments one comment-post.lua run stored (its emails carry the run tag), and how many of
 * them repeat another's body (each request's body is unique, so any repeat is a double store).
 */
export async function storedCommentsOf(
  databaseUrl: string,
  runTag: string,
): Promise<{ stored: number; repeated: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ stored: number; repeated: number }>(
      `select count(*)::int as stored, (count(*) - count(distinct body))::int as repeated
       from "Comment" where "authorEmail" like $1`,
      [`bench-${runTag}-%`],
    );
    return result.rows[0]!;
  } finally {
    await client.end();
  }
}
