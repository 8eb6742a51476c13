// Large synthetic data sets for benchmarks: thousands of published articles with tags,
// bylines and sources, and approved reader comments. Rows go in with multi-row INSERTs over
// unnest() arrays, in batches, inside one transaction.
import { randomUUID } from "node:crypto";
import type pg from "pg";

export interface BulkSeedOptions {
  articles: number;
  comments: number;
  /** Comments the first article gets, for the "long discussion" benchmark page. */
  commentsOnFirstArticle?: number;
  seed?: number;
  now?: Date;
}

export interface BulkSeedResult {
  articles: number;
  comments: number;
  tags: number;
  people: number;
  sources: number;
  firstArticleSlug: string;
}

/** The words of the bulk articles' bodies, titles and tag names (benchmarks search for them). */
export const WORDS = (
  "alliance strait summit ministry defense trade sanctions border treaty election parliament " +
  "diplomacy security economy energy maritime islands envoy talks cooperation tension reform " +
  "region policy pacific exchange association military intelligence minister spokesman crisis"
).split(" ");
/** The places the bulk articles' titles and tag names begin with. */
export const PLACES = [
  "Taiwan",
  "Japan",
  "China",
  "Korea",
  "Vietnam",
  "Philippines",
  "India",
  "Russia",
  "Ukraine",
];
const TAG_KINDS = ["TOPIC", "PLACE", "PERSON", "ORGANIZATION"] as const;
const BATCH = 2000;

const SOURCE_COLUMNS = {
  id: "text",
  name: "text",
  slug: "text",
  kind: '"SourceKind"',
  updatedAt: "timestamp",
};
const AUTHORIZATION_COLUMNS = {
  id: "text",
  sourceId: "text",
  status: '"AuthorizationStatus"',
  validFrom: "timestamp",
  attributionText: "text",
  decidedAt: "timestamp",
  updatedAt: "timestamp",
};
const PERSON_COLUMNS = { id: "text", name: "text", slug: "text", updatedAt: "timestamp" };
const TAG_COLUMNS = { id: "text", name: "text", slug: "text", kind: '"TagKind"', updatedAt: "timestamp" };
const ARTICLE_COLUMNS = {
  id: "text",
  slug: "text",
  title: "text",
  excerpt: "text",
  body: "jsonb",
  bodyText: "text",
  status: '"ArticleStatus"',
  publishedAt: "timestamp",
  kind: '"ArticleKind"',
  sourceId: "text",
  authorizationId: "text",
  updatedAt: "timestamp",
};
const ARTICLE_TAG_COLUMNS = { articleId: "text", tagId: "text", position: "int" };
const BYLINE_COLUMNS = { articleId: "text", personId: "text", role: '"BylineRole"', position: "int" };
const COMMENT_COLUMNS = {
  id: "text",
  articleId: "text",
  authorName: "text",
  authorEmail: "text",
  body: "text",
  status: '"CommentStatus"',
  createdAt: "timestamp",
  updatedAt: "timestamp",
};

function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedBulk(client: pg.ClientBase, options: BulkSeedOptions): Promise<BulkSeedResult> {
  const random = prng(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(" ");
    return text[0]!.toUpperCase() + text.slice(1) + ".";
  };
  const now = options.now ?? new Date();
  const run = randomUUID().slice(0, 8);

  const sources = Array.from({ length: 20 }, (_, i) => ({
    id: randomUUID(),
    name: `Bulk Source ${run} ${i + 1}`,
    slug: `bulk-source-${run}-${i + 1}`,
  }));
  const people = Array.from({ length: 200 }, (_, i) => ({
    id: randomUUID(),
    name: `Writer ${run} ${i + 1}`,
    slug: `writer-${run}-${i + 1}`,
  }));
  const tags = Array.from({ length: 300 }, (_, i) => ({
    id: randomUUID(),
    name: `${pick(PLACES)} ${pick(WORDS)} ${run} ${i + 1}`,
    slug: `bulk-tag-${run}-${i + 1}`,
    kind: TAG_KINDS[i % TAG_KINDS.length]!,
  }));
  const authorizations = sources.map((source) => ({ id: randomUUID(), sourceId: source.id }));

  await client.query("begin");
  try {
    await insertRows(
      client,
      "Source",
      SOURCE_COLUMNS,
      sources.map((s) => ({ ...s, kind: "WEBSITE", updatedAt: now })),
    );
    await insertRows(
      client,
      "ReprintAuthorization",
      AUTHORIZATION_COLUMNS,
      authorizations.map((a) => ({
        ...a,
        status: "GRANTED",
        validFrom: new Date("2020-01-01T00:00:00Z"),
        attributionText: "Reprinted with authorization.",
        decidedAt: now,
        updatedAt: now,
      })),
    );
    await insertRows(
      client,
      "Person",
      PERSON_COLUMNS,
      people.map((p) => ({ ...p, updatedAt: now })),
    );
    await insertRows(
      client,
      "Tag",
      TAG_COLUMNS,
      tags.map((t) => ({ ...t, updatedAt: now })),
    );

    const articleIds: string[] = [];
    for (let start = 0; start < options.articles; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, options.articles - start) }, (_, j) => {
        const n = start + j;
        const paragraphs = Array.from({ length: 12 }, () => sentence(40));
        const authorization = n % 3 === 0 ? pick(authorizations) : null;
        return {
          id: randomUUID(),
          slug: `bulk-${run}-${n + 1}`,
          title: `${pick(PLACES)} ${sentence(7).slice(0, -1)} ${n + 1}`,
          excerpt: paragraphs[0]!.slice(0, 200),
          body: JSON.stringify({
            type: "doc",
            content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
          }),
          bodyText: paragraphs.join("\n"),
          status: "PUBLISHED",
          publishedAt: new Date(now.getTime() - (n + 1) * 3_600_000),
          kind: authorization ? "REPRINT" : "ORIGINAL",
          sourceId: authorization?.sourceId ?? null,
          authorizationId: authorization?.id ?? null,
          updatedAt: now,
        };
      });
      articleIds.push(...batch.map((a) => a.id));
      await insertRows(client, "Article", ARTICLE_COLUMNS, batch);
      const tagLinks = batch.flatMap((a) =>
        [...new Set(Array.from({ length: 3 }, () => pick(tags).id))].map((tagId, position) => ({
          articleId: a.id,
          tagId,
          position,
        })),
      );
      await insertRows(client, "ArticleTag", ARTICLE_TAG_COLUMNS, tagLinks);
      const bylines = batch.map((a) => ({
        articleId: a.id,
        personId: pick(people).id,
        role: "AUTHOR",
        position: 0,
      }));
      await insertRows(client, "ArticleByline", BYLINE_COLUMNS, bylines);
    }

    const onFirst = Math.min(options.commentsOnFirstArticle ?? 500, options.comments);
    for (let start = 0; start < options.comments; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, options.comments - start) }, (_, j) => {
        const n = start + j;
        const createdAt = new Date(now.getTime() - (options.comments - n) * 1000);
        return {
          id: randomUUID(),
          articleId: n < onFirst ? articleIds[0]! : pick(articleIds),
          authorName: `Reader ${n % 5000}`,
          authorEmail: `reader${n % 5000}@example.com`,
          body: sentence(25),
          status: "APPROVED",
          createdAt,
          updatedAt: createdAt,
        };
      });
      await insertRows(client, "Comment", COMMENT_COLUMNS, batch);
    }
    await client.query("commit");
    return {
      articles: options.articles,
      comments: options.comments,
      tags: tags.length,
      people: people.length,
      sources: sources.length,
      firstArticleSlug: `bulk-${run}-1`,
    };
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

type Row = Record<string, string | number | Date | null>;

/**
 * One `INSERT … SELECT FROM unnest(…)` for all rows: every column travels as a text array and
 * is cast to its SQL type (`columns` maps column name → type) on the server.
 */
async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: Record<string, string>,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const arrays = names.map((name) =>
    rows.map((row) => {
      const value = row[name];
      return value instanceof Date
        ? value.toISOString()
        : value === null || value === undefined
          ? null
          : String(value);
    }),
  );
  const casts = names.map((name, i) => `c${i}::${columns[name]}`);
  const params = names.map((_, i) => `$${i + 1}::text[]`);
  await client.query(
    `insert into "${table}" (${names.map((n) => `"${n}"`).join(", ")})
     select ${casts.join(", ")} from unnest(${params.join(", ")}) as t(${names.map((_, i) => `c${i}`).join(", ")})`,
    arrays,
  );
}
