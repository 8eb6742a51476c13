// Faults the app must survive without losing or half-writing anything:
// - kill -9 of the server in the middle of a burst of writes (new articles, saves that keep a
//   revision, reprint authorization requests, comments), then a restart on the same database:
//   every write acknowledged before the kill is there, and every write is all there or not at
//   all (each article with its first revision and audit entry, each save with its revision and
//   audit entry, each authorization with its event and audit entry, each comment with its
//   moderation-log row);
// - PostgreSQL stopped under a running app: requests answer 503 at once (a short page; JSON for
//   the API) instead of hanging or failing with 500, and once PostgreSQL is back the app serves
//   again by itself, without a restart. That server is a private PostgreSQL started here, so the
//   shared one every other test uses is never stopped.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { appServerPids, killAppServer } from "../support/app-processes";
import { adminQuery } from "../support/int-global-setup";
import {
  MISSING_POSTGRES_MESSAGE,
  postgresBinDir,
  startPrivatePostgres,
  type PrivatePostgres,
} from "../support/private-postgres";
import { callServerAction, serverActionId, signInOverHttp } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const SEED_SLUG = "today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const ADMIN = {
  email: "faults-admin@crosscurrent.test",
  password: "faults test admin password, long enough",
};
const ARTICLE_ACTIONS = "app/(admin)/admin/articles/actions.ts";
const AUTHORIZATION_ACTIONS = "app/(admin)/admin/authorizations/actions.ts";
const run = randomBytes(4).toString("hex");
const reports: string[] = [];

function appEnv(databaseUrl: string, dataDir: string) {
  return {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: "faults-secret-faults-secret-faults-secret-faults",
    SEED_ADMIN_EMAIL: ADMIN.email,
    SEED_ADMIN_PASSWORD: ADMIN.password,
    TRUSTED_PROXY: "127.0.0.1",
    LOG_LEVEL: "warn",
  };
}

function paragraph(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

const newArticleId = () => `c${randomBytes(16).toString("hex")}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rows<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function postComment(
  baseUrl: string,
  articleId: string,
  i: number,
  body: string,
  signal?: AbortSignal,
) {
  const response = await fetch(`${baseUrl}/api/comments`, {
    method: "POST",
    signal,
    headers: { "Content-Type": "application/json", "X-Forwarded-For": `198.19.${i >> 8}.${(i & 255) + 1}` },
    body: JSON.stringify({
      articleId,
      name: `Reader ${i}`,
      email: `faults-${run}-${i}@example.com`,
      body,
      website2: "",
    }),
  });
  const answer = (await response.json().catch(() => null)) as { comment?: { id: string } } | null;
  return { status: response.status, id: answer?.comment?.id ?? null };
}

afterAll(() => {
  if (reports.length) console.log(`Faults: ${reports.join("; ")}`);
});

// ─── kill -9 during writes ───────────────────────────────────────────────────

describe("kill -9 of the server during a burst of writes", () => {
  const serverUrl = testServerUrl();
  const database = `crosscurrent_faults_${process.pid}`;
  let dataDir: string;
  let app: AppServer | undefined;
  let restarted: AppServer | undefined;

  beforeAll(async () => {
    if (!serverUrl) throw new Error("This test needs PostgreSQL: set TEST_DATABASE_URL.");
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-faults-"));
    await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    await adminQuery(serverUrl, `create database ${database}`);
    app = await startAppServer(appEnv(withDatabase(serverUrl, database), dataDir));
  });

  afterAll(async () => {
    await restarted?.stop();
    await app?.stop();
    if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write and half-writes nothing", async () => {
    const url = withDatabase(serverUrl!, database);
    const baseUrl = app!.baseUrl;
    const cookie = await signInOverHttp(baseUrl, ADMIN.email, ADMIN.password);
    const [createId, saveId, requestId] = await Promise.all([
      serverActionId(ARTICLE_ACTIONS, "createArticle"),
      serverActionId(ARTICLE_ACTIONS, "saveArticle"),
      serverActionId(AUTHORIZATION_ACTIONS, "recordRequest"),
    ]);
    const [seed] = await rows<{ id: string; sourceId: string }>(
      url,
      `select id, "sourceId" from "Article" where slug = $1`,
      [SEED_SLUG],
    );

    // Drafts for the saves in the burst, made beforehand.
    const toSave = Array.from({ length: 20 }, newArticleId);
    const drafts = await Promise.all(
      toSave.map((id) =>
        callServerAction<{ ok: boolean }>(
          baseUrl,
          "/admin/articles/new",
          createId,
          [{ id, title: `Faults draft ${run} ${id}`, body: paragraph("Before the burst.") }],
          { cookie },
        ),
      ),
    );
    for (const made of drafts) expect(made.result?.ok, made.body.slice(0, 300)).toBe(true);

    // One of each first, so the burst meets warm code paths.
    const warm = newArticleId();
    const warmed = await Promise.all([
      callServerAction<{ ok: boolean }>(
        baseUrl,
        "/admin/articles/new",
        createId,
        [{ id: warm, title: `Faults warm-up ${run}`, body: paragraph("Warming up.") }],
        { cookie },
      ),
      callServerAction(
        baseUrl,
        "/admin/authorizations/new",
        requestId,
        [{ sourceId: seed!.sourceId, validFrom: "2026-01-01", attributionText: `Faults warm-up ${run}` }],
        { cookie },
      ),
    ]);
    expect(warmed[0].result?.ok, warmed[0].body.slice(0, 300)).toBe(true);
    expect(warmed[1].redirect, warmed[1].body.slice(0, 300)).toMatch(/^\/admin\/authorizations\//);
    const warmSave = await callServerAction<{ ok: boolean }>(
      baseUrl,
      `/admin/articles/${warm}`,
      saveId,
      [
        {
          id: warm,
          version: 1,
          manual: true,
          title: `Faults warm-up ${run} saved`,
          body: paragraph("Warm."),
        },
      ],
      { cookie },
    );
    expect(warmSave.result?.ok, warmSave.body.slice(0, 300)).toBe(true);
    expect([201, 202]).toContain(
      (await postComment(baseUrl, seed!.id, 255, `Faults warm-up ${run}.`)).status,
    );

    // The burst: four streams of writes of each kind at once, each write told apart by an id
    // chosen here or a marker in its text.
    interface Write {
      kind: "create" | "save" | "authorization" | "comment";
      key: string;
      send: () => Promise<{ ok: boolean; id?: string | null }>;
      sent?: boolean;
      settled?: boolean;
      acknowledged?: boolean;
      returnedId?: string | null;
    }
    const created = Array.from({ length: 30 }, newArticleId);
    const writes: Write[] = [
      ...created.map((id): Write => ({
        kind: "create",
        key: id,
        async send() {
          const answer = await callServerAction<{ ok: boolean }>(
            baseUrl,
            "/admin/articles/new",
            createId,
            [{ id, title: `Faults create ${run} ${id}`, body: paragraph("Written in the burst.") }],
            { cookie },
          );
          return { ok: answer.status === 200 && answer.result?.ok === true };
        },
      })),
      ...toSave.map((id): Write => ({
        kind: "save",
        key: id,
        async send() {
          const answer = await callServerAction<{ ok: boolean }>(
            baseUrl,
            `/admin/articles/${id}`,
            saveId,
            [
              {
                id,
                version: 1,
                manual: true,
                title: `Faults save ${run} ${id}`,
                body: paragraph("Saved in the burst."),
              },
            ],
            { cookie },
          );
          return { ok: answer.status === 200 && answer.result?.ok === true };
        },
      })),
      ...Array.from({ length: 20 }, (_, i): Write => ({
        kind: "authorization",
        key: `Faults request ${run} ${i}`,
        async send() {
          const answer = await callServerAction(
            baseUrl,
            "/admin/authorizations/new",
            requestId,
            [
              {
                sourceId: seed!.sourceId,
                validFrom: "2026-01-01",
                attributionText: `Faults request ${run} ${i}`,
                grantorStatement: "Asked for in the burst.",
              },
            ],
            { cookie },
          );
          const id = /^\/admin\/authorizations\/([^/?]+)/.exec(answer.redirect ?? "")?.[1] ?? null;
          return { ok: answer.status === 200 && id !== null, id };
        },
      })),
      ...Array.from({ length: 40 }, (_, i): Write => {
        const body = `Faults comment ${run} number ${i}.`;
        return {
          kind: "comment",
          key: body,
          async send() {
            const answer = await postComment(baseUrl, seed!.id, i, body);
            return { ok: answer.status === 201 || answer.status === 202, id: answer.id };
          },
        };
      }),
    ];
    let killed = false;
    const stream = async (queue: Write[]) => {
      for (let write = queue.shift(); write && !killed; write = queue.shift()) {
        write.sent = true;
        try {
          const { ok, id } = await write.send();
          write.acknowledged = ok && !killed;
          write.returnedId = id;
        } catch {
          // cut off by the kill
        }
        write.settled = true;
      }
    };
    const kinds = ["create", "save", "authorization", "comment"] as const;
    const burst = Promise.all(
      kinds.flatMap((kind) => {
        const queue = writes.filter((w) => w.kind === kind);
        return Array.from({ length: 4 }, () => stream(queue));
      }),
    );

    // Kill the server once a third of the writes are acknowledged, with others under way.
    const deadline = Date.now() + 60_000;
    while (writes.filter((w) => w.acknowledged).length < writes.length / 3 && Date.now() < deadline) {
      await sleep(5);
    }
    const inFlight = writes.filter((w) => w.sent && !w.settled).length;
    const killedPids = await killAppServer(baseUrl);
    killed = true;
    app = undefined; // nothing left to stop
    await burst;
    const acknowledged = writes.filter((w) => w.acknowledged);
    const sent = writes.filter((w) => w.sent);
    expect(acknowledged.length, "writes acknowledged before the kill").toBeGreaterThan(0);
    expect(inFlight, "writes under way at the kill").toBeGreaterThan(0);
    expect(await appServerPids(baseUrl)).toEqual([]);

    // Restart on the same database: it comes up, and the data is whole.
    restarted = await startAppServer(appEnv(url, dataDir));
    expect(killedPids.length).toBeGreaterThan(0);

    const articleRows = await rows<{
      id: string;
      version: number;
      title: string;
      revisions: number[];
      audits: string[];
    }>(
      url,
      `select a.id, a.version, a.title,
         coalesce((select array_agg(r.version order by r.version) from "ArticleRevision" r where r."articleId" = a.id), '{}') as revisions,
         coalesce((select array_agg(l.action order by l."createdAt") from "AuditLog" l
                    where l."entityType" = 'Article' and l."entityId" = a.id), '{}') as audits
       from "Article" a where a.id = any($1)`,
      [[...created, ...toSave]],
    );
    const articles = new Map(articleRows.map((row) => [row.id, row]));
    const authorizationRows = await rows<{ id: string; marker: string; events: string[]; audits: string[] }>(
      url,
      `select a.id, a."attributionText" as marker,
         coalesce((select array_agg(e.type) from "AuthorizationEvent" e where e."authorizationId" = a.id), '{}') as events,
         coalesce((select array_agg(l.action) from "AuditLog" l
                    where l."entityType" = 'ReprintAuthorization' and l."entityId" = a.id), '{}') as audits
       from "ReprintAuthorization" a where a."attributionText" like $1`,
      [`Faults request ${run} %`],
    );
    const commentRows = await rows<{ id: string; body: string; moderations: number }>(
      url,
      `select c.id, c.body,
         (select count(*)::int from "CommentModeration" m where m."commentId" = c.id and m.action = 'submitted') as moderations
       from "Comment" c where c.body like $1`,
      [`Faults comment ${run} %`],
    );

    const halfWritten: string[] = [];
    const missing: string[] = [];
    let committedUnacknowledged = 0;
    for (const write of writes) {
      let present = false;
      if (write.kind === "create") {
        const row = articles.get(write.key);
        present = row !== undefined;
        if (
          row &&
          (row.version !== 1 || row.revisions.join() !== "1" || row.audits.join() !== "article.create")
        ) {
          halfWritten.push(`article ${write.key}: ${JSON.stringify(row)}`);
        }
      } else if (write.kind === "save") {
        const row = articles.get(write.key)!;
        present = row.version === 2;
        const whole = present
          ? row.title === `Faults save ${run} ${write.key}` &&
            row.revisions.join() === "1,2" &&
            row.audits.join() === "article.create,article.save"
          : row.revisions.join() === "1" && row.audits.join() === "article.create";
        if (!whole) halfWritten.push(`save ${write.key}: ${JSON.stringify(row)}`);
      } else if (write.kind === "authorization") {
        const found = authorizationRows.filter((row) => row.marker === write.key);
        present = found.length === 1 && (!write.returnedId || found[0]!.id === write.returnedId);
        if (found.length > 1) halfWritten.push(`authorization ${write.key} stored ${found.length} times`);
        for (const row of found) {
          if (row.events.join() !== "REQUESTED" || row.audits.join() !== "authorization.request") {
            halfWritten.push(`authorization ${write.key}: ${JSON.stringify(row)}`);
          }
        }
      } else {
        const found = commentRows.filter((row) => row.body === write.key);
        present = found.length === 1 && (!write.returnedId || found[0]!.id === write.returnedId);
        if (found.length > 1) halfWritten.push(`comment ${write.key} stored ${found.length} times`);
        for (const row of found) {
          if (row.moderations !== 1) halfWritten.push(`comment ${write.key}: ${JSON.stringify(row)}`);
        }
      }
      if (write.acknowledged && !present) missing.push(`${write.kind} ${write.key}`);
      if (write.sent && !write.acknowledged && present) committedUnacknowledged += 1;
    }

    // The same rules over the whole database, whatever wrote the rows.
    const [whole] = await rows<{
      articlesWithoutFirstRevision: number;
      savesWithoutRevision: number;
      revisionsWithoutSave: number;
      authorizationsWithoutEvent: number;
      requestsWithoutAudit: number;
      commentsWithoutModeration: number;
    }>(
      url,
      `select
         (select count(*)::int from "Article" a where not exists
            (select 1 from "ArticleRevision" r where r."articleId" = a.id and r.version = 1)) as "articlesWithoutFirstRevision",
         (select count(*)::int from "AuditLog" l where l.action = 'article.save' and not exists
            (select 1 from "ArticleRevision" r where r."articleId" = l."entityId"
               and r.version = (l.after->>'version')::int)) as "savesWithoutRevision",
         (select count(*)::int from "ArticleRevision" r where r.reason = 'MANUAL_SAVE' and r.version > 1 and not exists
            (select 1 from "AuditLog" l where l.action = 'article.save' and l."entityId" = r."articleId"
               and (l.after->>'version')::int = r.version)) as "revisionsWithoutSave",
         (select count(*)::int from "ReprintAuthorization" a where not exists
            (select 1 from "AuthorizationEvent" e where e."authorizationId" = a.id)) as "authorizationsWithoutEvent",
         (select count(*)::int from "AuthorizationEvent" e where e.type = 'REQUESTED' and not exists
            (select 1 from "AuditLog" l where l."entityId" = e."authorizationId"
               and l.action in ('authorization.request', 'authorization.renew'))) as "requestsWithoutAudit",
         (select count(*)::int from "Comment" c where not exists
            (select 1 from "CommentModeration" m where m."commentId" = c.id)) as "commentsWithoutModeration"`,
    );

    // The restarted app takes writes again.
    const after = await postComment(
      restarted.baseUrl,
      seed!.id,
      250,
      `Faults comment ${run} after the restart.`,
    );
    expect([201, 202]).toContain(after.status);

    const byKind = (kind: string) =>
      `${acknowledged.filter((w) => w.kind === kind).length}/${sent.filter((w) => w.kind === kind).length}`;
    reports.push(
      `kill -9 during ${sent.length} writes (${inFlight} under way at the kill) → ${acknowledged.length} acknowledged ` +
        `(articles ${byKind("create")}, saves ${byKind("save")}, authorizations ${byKind("authorization")}, ` +
        `comments ${byKind("comment")}), ${missing.length ? `${missing.length} MISSING` : "all present"}, ` +
        `${committedUnacknowledged} of those under way committed without an answer, ` +
        `${halfWritten.length} half-written`,
    );
    expect(missing).toEqual([]);
    expect(halfWritten).toEqual([]);
    expect(whole).toEqual({
      articlesWithoutFirstRevision: 0,
      savesWithoutRevision: 0,
      revisionsWithoutSave: 0,
      authorizationsWithoutEvent: 0,
      requestsWithoutAudit: 0,
      commentsWithoutModeration: 0,
    });
  }, 150_000);
});

// ─── PostgreSQL stopped and started again ────────────────────────────────────

describe("PostgreSQL stopped and started under a running app", () => {
  let postgres: PrivatePostgres | undefined;
  let dataDir: string;
  let app: AppServer | undefined;

  beforeAll(async () => {
    if (!postgresBinDir()) throw new Error(MISSING_POSTGRES_MESSAGE);
    postgres = await startPrivatePostgres();
    await adminQuery(postgres.url(), "create database crosscurrent");
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-faults-pg-"));
    app = await startAppServer(appEnv(postgres.url("crosscurrent"), dataDir));
  });

  afterAll(async () => {
    await app?.stop();
    await postgres?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Requests that need the database and no cache can answer: a new search, a new API query. */
  /** Requests no cache answers: each asks for something new, or is never kept. */
  const uncached = () => {
    const nonce = randomBytes(4).toString("hex");
    return [
      `/search?q=talks${nonce}`,
      `/api/v1/articles?updatedSince=2020-01-01T00:00:00.${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}Z&limit=${(parseInt(nonce, 16) % 100) + 1}`,
      "/login",
      "/api/health",
    ];
  };
  /** Public pages the launcher keeps in memory once read (page-memory.ts). */
  const keptPages = ["/", `/articles/${SEED_SLUG}`];

  async function timed(baseUrl: string, requestPath: string, init: RequestInit = {}) {
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}${requestPath}`, {
        ...init,
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      return { path: requestPath, status: response.status, ms: performance.now() - started, response, body };
    } catch (error) {
      return {
        path: requestPath,
        status: 0,
        ms: performance.now() - started,
        response: null,
        body: String(error),
      };
    }
  }

  it("answers 503 at once while it is down and recovers by itself once it is back", async () => {
    if (!postgres) throw new Error(MISSING_POSTGRES_MESSAGE);
    const baseUrl = app!.baseUrl;
    const pidsBefore = await appServerPids(baseUrl);
    const [seed] = await rows<{ id: string }>(
      postgres.url("crosscurrent"),
      `select id from "Article" where slug = $1`,
      [SEED_SLUG],
    );
    for (const p of [...uncached(), ...keptPages]) {
      const answer = await timed(baseUrl, p);
      expect(answer.status, `${p}: ${answer.body.slice(0, 300)}`).toBe(200);
    }

    // Stop PostgreSQL as a crash would: every connection is cut at once.
    await postgres.stop("immediate");
    const stoppedAt = performance.now();
    const beforeFirst503: { path: string; status: number; ms: number }[] = [];
    let first503Ms: number | null = null;
    while (performance.now() - stoppedAt < 10_000) {
      const answer = await timed(baseUrl, uncached()[0]!);
      if (answer.status === 503) {
        first503Ms = performance.now() - stoppedAt;
        break;
      }
      beforeFirst503.push({ path: answer.path, status: answer.status, ms: Math.round(answer.ms) });
      await sleep(100);
    }
    expect(first503Ms, `no 503 within 10 s; answers: ${JSON.stringify(beforeFirst503)}`).not.toBeNull();
    expect(first503Ms, "the first 503 came within 2 s of the outage").toBeLessThan(2000);

    // Every kind of request now answers 503 at once, a page for people and JSON for the API.
    const outage: { path: string; status: number; ms: number }[] = [];
    for (const round of [0, 1]) {
      if (round === 1) await sleep(3000); // still down a while later: probing never holds requests up
      const answers = await Promise.all([
        ...uncached().map((p) => timed(baseUrl, p)),
        timed(baseUrl, "/api/comments", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.19.9.9" },
          body: JSON.stringify({ articleId: seed!.id, name: "R", email: "r@example.com", body: "During." }),
        }),
      ]);
      for (const answer of answers) {
        outage.push({ path: answer.path, status: answer.status, ms: Math.round(answer.ms) });
        expect(answer.status, `${answer.path}: ${answer.body.slice(0, 300)}`).toBe(503);
        expect(answer.ms, answer.path).toBeLessThan(2000);
        expect(answer.response!.headers.get("retry-after"), answer.path).toMatch(/^\d+$/);
        if (answer.path.startsWith("/api/")) {
          expect(answer.response!.headers.get("content-type")).toMatch(/^application\/json/);
          const json = JSON.parse(answer.body) as {
            status?: string;
            database?: string;
            error?: { message: string };
          };
          // The launcher answers this itself while the database is down (availability.ts).
          if (answer.path === "/api/health") expect(json).toEqual({ status: "error", database: "down" });
          else expect(json.error?.message).toMatch(/database/);
        } else {
          expect(answer.response!.headers.get("content-type")).toMatch(/^text\/html/);
          expect(answer.body).toMatch(/temporarily unavailable/i);
        }
      }
    }

    // Pages already in memory keep reaching readers: nothing can change them while nothing can be
    // written, and their time-based expiry still holds.
    for (const p of keptPages) {
      const kept = await timed(baseUrl, p);
      expect(kept.status, `${p} during the outage`).toBe(200);
      expect(kept.ms, p).toBeLessThan(2000);
    }

    // Start it again: the same app process serves again within seconds, reads and writes.
    const recover = async () => {
      await postgres!.start();
      const startedAt = performance.now();
      while (performance.now() - startedAt < 30_000) {
        const [health, search] = await Promise.all([
          timed(baseUrl, "/api/health"),
          timed(baseUrl, uncached()[0]!),
        ]);
        if (health.status === 200 && search.status === 200) return performance.now() - startedAt;
        await sleep(200);
      }
      throw new Error("the app did not recover within 30 s of PostgreSQL's start");
    };
    const recoveredMs = await recover();
    for (const p of uncached()) expect((await timed(baseUrl, p)).status, p).toBe(200);
    const comment = await postComment(
      baseUrl,
      seed!.id,
      300,
      `Faults comment ${run} after PostgreSQL came back.`,
    );
    expect([201, 202]).toContain(comment.status);

    // Once more with no pooled connection left to notice the outage (as after 10 quiet seconds):
    // the first request to need the database finds it gone, and still answers 503.
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = 'crosscurrent' and pid <> pg_backend_pid()`,
    );
    await admin.end();
    await sleep(500); // the probe the dropped connections set off finds PostgreSQL still up
    await postgres.stop("immediate");
    const cold = await timed(baseUrl, uncached()[0]!);
    expect(cold.status, cold.body.slice(0, 300)).toBe(503);
    expect(cold.body).toMatch(/temporarily unavailable/i);
    const recoveredAgainMs = await recover();

    expect(await appServerPids(baseUrl), "the same app processes, never restarted").toEqual(pidsBefore);
    expect(app!.output().match(/Ready on/g)).toHaveLength(1);

    const slowest = Math.max(...outage.map((o) => o.ms));
    reports.push(
      `PostgreSQL stopped → 503 in ${Math.round(first503Ms!)} ms` +
        (beforeFirst503.length
          ? ` (before it: ${beforeFirst503.map((a) => `${a.status} in ${a.ms} ms`).join(", ")})`
          : "") +
        `, ${outage.length} uncached requests during the outage all 503 (slowest ${slowest} ms), pages in memory still 200, ` +
        `recovered in ${(recoveredMs / 1000).toFixed(1)} s without restart; ` +
        `again with an empty pool → first request ${cold.status} in ${Math.round(cold.ms)} ms, ` +
        `recovered in ${(recoveredAgainMs / 1000).toFixed(1)} s`,
    );
    expect(beforeFirst503.filter((a) => a.status >= 500 || a.status === 0)).toEqual([]);
  }, 120_000);
});
