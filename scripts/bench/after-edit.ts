// The first request after an edit, for `npm run bench` (scripts/bench/site.ts), against any server
// of any build: an editor saves a published article through the desk's saveArticle server action,
// and the first reader's GET of its page, timed to the last byte, must be rendered anew and show
// the edit. The yardstick, in the same rounds: the same page after the same invalidation without
// an edit (its tags announced as another instance announces them, lib/platform/cache/listener.ts),
// which is a miss of the same page with nothing written. (A query string nobody asked is no such
// miss: the launcher's memory misses it, but Next's page cache answers it.)
import pg from "pg";
import { cacheTag } from "@/lib/platform/cache/tags";
import { callServerAction, serverActionId, signInOverHttp } from "../../tests/support/server-actions";
import { latencies, renderedAnew, timedGet, type Latencies, type TimedAnswer } from "./first-requests";

const ARTICLE_ACTIONS = "app/(admin)/admin/articles/actions.ts";
/** Where instances announce invalidations (lib/platform/cache/invalidate.ts). */
const INVALIDATION_CHANNEL = "cache_invalidation";
/** Time for the server to hear an announced invalidation before the yardstick's request. */
const HEARING_MS = 100;
/** Requests that make the page a kept one again before each change, as a read article's page is. */
const KEEPING_REQUESTS = 3;

export interface AfterEditOptions {
  baseUrl: string;
  /** The build the server runs, whose server reference manifest names saveArticle's id. */
  distDir: string;
  /** The server's database: the article's fields and version, and the announcements. */
  databaseUrl: string;
  admin: { email: string; password: string };
  /** A published article's slug. */
  slug: string;
  rounds: number;
}

export interface AfterEdit {
  afterEdit: Latencies;
  /** The same page after the same invalidation, without an edit. */
  plainMiss: Latencies;
  /** Answers that were not 200, not rendered anew, or did not show the article's latest title. */
  failures: string[];
}

interface ArticleFields {
  id: string;
  version: number;
  title: string;
  excerpt: string;
  body: unknown;
  kind: string;
  sourceId: string | null;
  authorizationId: string | null;
  bylines: Array<{ personId: string; role: string }>;
  tagIds: string[];
}

/** What the desk's editor sends for the article `slug` as it stands. */
async function editorFields(client: pg.Client, slug: string): Promise<ArticleFields> {
  const { rows } = await client.query<Omit<ArticleFields, "bylines" | "tagIds">>(
    `select id, version, title, excerpt, body, kind, "sourceId", "authorizationId"
     from "Article" where slug = $1 and status = 'PUBLISHED'`,
    [slug],
  );
  const article = rows[0];
  if (!article) throw new Error(`No published article ${slug} to edit.`);
  const bylines = await client.query<{ personId: string; role: string }>(
    `select "personId", role from "ArticleByline" where "articleId" = $1 order by position`,
    [article.id],
  );
  const tags = await client.query<{ tagId: string }>(
    `select "tagId" from "ArticleTag" where "articleId" = $1 order by position`,
    [article.id],
  );
  return { ...article, bylines: bylines.rows, tagIds: tags.rows.map((row) => row.tagId) };
}

export async function measureAfterEdit(options: AfterEditOptions): Promise<AfterEdit> {
  const { baseUrl, slug } = options;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const [cookie, saveId, fields] = await Promise.all([
      signInOverHttp(baseUrl, options.admin.email, options.admin.password),
      serverActionId(ARTICLE_ACTIONS, "saveArticle", options.distDir),
      editorFields(client, slug),
    ]);
    const page = `${baseUrl}/articles/${slug}`;
    let version = fields.version;
    let title = fields.title;
    const failures: string[] = [];

    const keep = async () => {
      for (let i = 0; i < KEEPING_REQUESTS; i++) await timedGet(page);
    };
    const edit = async (n: number) => {
      title = `${fields.title} (edit ${n})`;
      const saved = await callServerAction<{ ok: boolean; data?: { version: number } }>(
        baseUrl,
        `/admin/articles/${fields.id}`,
        saveId,
        [{ ...fields, version, title, manual: true }],
        { cookie },
      );
      if (!saved.result?.ok || !saved.result.data) {
        throw new Error(`saveArticle answered ${saved.status}: ${saved.body.slice(0, 500)}`);
      }
      version = saved.result.data.version;
    };
    const announce = async () => {
      const tags = [cacheTag.articles, cacheTag.article(fields.id)];
      await client.query("select pg_notify($1, $2)", [
        INVALIDATION_CHANNEL,
        JSON.stringify({ from: "bench", tags }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, HEARING_MS));
    };
    const check = (answer: TimedAnswer, what: string) => {
      const problems = [
        answer.status !== 200 && `status ${answer.status}`,
        !renderedAnew(answer) && `not rendered anew (x-nextjs-cache ${answer.headers["x-nextjs-cache"]})`,
        !answer.text.includes(title) && "without the latest title",
      ].filter(Boolean);
      if (problems.length) failures.push(`${what}: ${problems.join(", ")}`);
    };

    // Once each, uncounted: the first save and the first render after it compile their paths.
    await keep();
    await edit(0);
    await timedGet(page);
    await keep();
    await announce();
    await timedGet(page);

    const afterEdit: number[] = [];
    const plainMiss: number[] = [];
    for (let n = 1; n <= options.rounds; n++) {
      await keep();
      await edit(n);
      const edited = await timedGet(page);
      check(edited, `after edit ${n}`);
      afterEdit.push(edited.ms);

      await keep();
      await announce();
      const missed = await timedGet(page);
      check(missed, `plain miss ${n}`);
      plainMiss.push(missed.ms);
    }
    return { afterEdit: latencies(afterEdit), plainMiss: latencies(plainMiss), failures };
  } finally {
    await client.end();
  }
}
