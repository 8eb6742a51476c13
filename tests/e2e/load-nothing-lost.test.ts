// Nothing is lost under load: 200 readers comment on one article at the same moment, while 50
// editors' saves land on 50 other articles and the public pages are under read load (wrk).
// Afterwards every write the app accepted is in the database exactly once, every one it turned
// down got a 4xx/429 with a reason (a server action's refusal is its { ok: false, code, message }
// answer), and nothing answered 5xx. The app runs on a database of its own, started here.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appServerCpuSeconds } from "../support/app-processes";
import { startAppServer, type AppServer } from "../support/app-server";
import { mapLimit } from "../support/map-limit";
import { adminQuery } from "../support/int-global-setup";
import { callServerAction, serverActionId, signInOverHttp } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const SEED_SLUG = "today-there-is-a-special-background-for-high-level-calls-between-china-and-japan";
const ADMIN = { email: "load-admin@crosscurrent.test", password: "load test admin password, long enough" };
const ACTIONS_FILE = "app/(admin)/admin/articles/actions.ts";
const COMMENTS = 200;
const SAVES = 50;
const run = randomBytes(4).toString("hex");

function paragraph(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

// ─── Read load with wrk ──────────────────────────────────────────────────────

interface ReadLoad {
  /** Stops wrk (SIGINT: it prints its summary) and returns its counts. */
  stop(): Promise<{ requests: number; status4xx: number; status5xx: number; socketErrors: number }>;
}

const WRK_SCRIPT = (paths: string[]) => `
paths = { ${paths.map((p) => JSON.stringify(p)).join(", ")} }
threads = {}
counter = 0
s4 = 0
s5 = 0
function setup(thread) table.insert(threads, thread) end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1 elseif status >= 400 then s4 = s4 + 1 end
end
function done(summary, latency, requests)
  local t4, t5 = 0, 0
  for _, thread in ipairs(threads) do t4 = t4 + thread:get("s4"); t5 = t5 + thread:get("s5") end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d s4=%d s5=%d socket=%d\\n",
    summary.requests, t4, t5, e.connect + e.read + e.write + e.timeout))
end
`;

async function startReadLoad(baseUrl: string, paths: string[], dir: string): Promise<ReadLoad> {
  const script = path.join(dir, "reads.lua");
  await writeFile(script, WRK_SCRIPT(paths));
  const wrk = spawn("wrk", ["-t1", "-c8", "-d120s", "--timeout", "10s", "-s", script, baseUrl], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  wrk.stdout.on("data", (chunk) => (output += chunk));
  wrk.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => wrk.on("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    wrk.once("spawn", resolve);
    wrk.once("error", (error) =>
      reject(new Error(`wrk could not run (${error.message}): apt-get install -y wrk`)),
    );
  });
  return {
    async stop() {
      wrk.kill("SIGINT");
      await exited;
      const result = /RESULT requests=(\d+) s4=(\d+) s5=(\d+) socket=(\d+)/.exec(output);
      if (!result) throw new Error(`wrk printed no result:\n${output}`);
      const [requests, status4xx, status5xx, socketErrors] = result.slice(1).map(Number) as [
        number,
        number,
        number,
        number,
      ];
      return { requests, status4xx, status5xx, socketErrors };
    },
  };
}

// ─── The test ────────────────────────────────────────────────────────────────

describe("load with nothing lost", () => {
  const serverUrl = testServerUrl();
  const database = `crosscurrent_load_${process.pid}`;
  let dataDir: string;
  let app: AppServer | undefined;
  let sql: pg.Client | undefined;

  beforeAll(async () => {
    if (!serverUrl) throw new Error("This test needs PostgreSQL: set TEST_DATABASE_URL.");
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-load-"));
    await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    await adminQuery(serverUrl, `create database ${database}`);
    app = await startAppServer({
      DATABASE_URL: withDatabase(serverUrl, database),
      DATA_DIR: dataDir,
      AUTH_SECRET: "load-secret-load-secret-load-secret-load-secret",
      SEED_ADMIN_EMAIL: ADMIN.email,
      SEED_ADMIN_PASSWORD: ADMIN.password,
      TRUSTED_PROXY: "127.0.0.1",
      LOG_LEVEL: "warn",
    });
    sql = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps every accepted comment and save exactly once, refuses with reasons, never answers 5xx", async () => {
    const baseUrl = app!.baseUrl;
    const db = sql!;
    const [seed] = (await db.query<{ id: string }>(`select id from "Article" where slug = $1`, [SEED_SLUG]))
      .rows;
    expect(seed, "the seeded article").toBeDefined();
    const cookie = await signInOverHttp(baseUrl, ADMIN.email, ADMIN.password);
    const createId = await serverActionId(ACTIONS_FILE, "createArticle");
    const saveId = await serverActionId(ACTIONS_FILE, "saveArticle");

    // 50 drafts for the editors, made through the desk's own action before the load starts.
    const articleIds = Array.from({ length: SAVES }, () => `c${randomBytes(16).toString("hex")}`);
    const created = await mapLimit(articleIds, 4, (id) =>
      callServerAction<{ ok: boolean; message?: string }>(
        baseUrl,
        "/admin/articles/new",
        createId,
        [{ id, title: `Load draft ${run} ${id}`, body: paragraph("Before the load.") }],
        { cookie },
      ),
    );
    for (const answer of created) expect(answer.result?.ok, answer.body.slice(0, 500)).toBe(true);

    // Warm the pages the readers load, then keep them under load through the writes.
    const readPaths = ["/", `/articles/${SEED_SLUG}`, "/search?q=china", "/api/v1/articles"];
    for (const p of readPaths) expect((await fetch(`${baseUrl}${p}`)).status, p).toBe(200);
    const reads = await startReadLoad(baseUrl, readPaths, dataDir);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const started = performance.now();
    const cpuBefore = await appServerCpuSeconds(baseUrl);
    let timings = "";
    const commentAnswers = Promise.all(
      Array.from({ length: COMMENTS }, async (_, i) => {
        const body = `Load comment ${run} number ${i}: the talks matter more than the headlines.`;
        const response = await fetch(`${baseUrl}/api/comments`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            // A reader of their own, behind the trusted proxy: 198.18.0.0/15 is for benchmarks.
            "X-Forwarded-For": `198.18.${i >> 8}.${(i & 255) + 1}`,
          },
          body: JSON.stringify({
            articleId: seed!.id,
            name: `Reader ${i}`,
            email: `load-${run}-${i}@example.com`,
            body,
            website2: "",
          }),
        });
        const answer = (await response.json().catch(() => null)) as {
          comment?: { id: string };
          error?: { code: string; message: string };
        } | null;
        return { status: response.status, body, answer };
      }),
    );
    const saveAnswers = Promise.all(
      articleIds.map(async (id, i) => {
        const title = `Load save ${run} ${i}`;
        const manual = i % 2 === 1; // autosaves, and saves with the button (which keep a revision)
        const answer = await callServerAction<{ ok: boolean; code?: string; message?: string }>(
          baseUrl,
          `/admin/articles/${id}`,
          saveId,
          [{ id, version: 1, manual, title, body: paragraph(`Saved under load, ${i}.`) }],
          { cookie },
        );
        return { id, title, manual, ...answer };
      }),
    );
    const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
    const [comments, saves] = await Promise.all([
      commentAnswers.then((answers) => ({ answers, took: seconds(started) })),
      saveAnswers.then((answers) => ({ answers, took: seconds(started) })),
    ]).then(([c, s]) => {
      timings = `comments done in ${c.took} s, saves in ${s.took} s`;
      return [c.answers, s.answers] as const;
    });
    const readCounts = await reads.stop();
    const cpu = (await appServerCpuSeconds(baseUrl)) - cpuBefore;

    // ── Comments: each accepted one stored once, under the id the answer gave. ──
    const accepted = comments.filter((c) => c.status === 201 || c.status === 202);
    const refused = comments.filter((c) => c.status >= 400 && c.status < 500);
    const failed = comments.filter((c) => c.status >= 500 || (c.status < 400 && !accepted.includes(c)));
    const stored = (
      await db.query<{ id: string; body: string; moderations: number }>(
        `select c.id, c.body,
           (select count(*)::int from "CommentModeration" m where m."commentId" = c.id and m.action = 'submitted') as moderations
         from "Comment" c where c.body like $1`,
        [`Load comment ${run} %`],
      )
    ).rows;
    const storedByBody = new Map<string, typeof stored>();
    for (const row of stored) storedByBody.set(row.body, [...(storedByBody.get(row.body) ?? []), row]);
    const lostComments = accepted.filter(
      (c) => storedByBody.get(c.body)?.[0]?.id !== c.answer?.comment?.id || !c.answer?.comment?.id,
    );
    const duplicatedComments = [...storedByBody.values()].filter((rows) => rows.length > 1);
    const strayComments = stored.filter((row) => !accepted.some((c) => c.body === row.body));
    const unexplained = refused.filter((c) => !c.answer?.error?.message);

    // ── Saves: each accepted one is the article's new version, audited once (and kept as a
    //    revision when saved with the button); each refused one changed nothing. ──
    const articles = new Map(
      (
        await db.query<{ id: string; version: number; title: string; audits: number; revisions: number }>(
          `select a.id, a.version, a.title,
             (select count(*)::int from "AuditLog" l where l."entityId" = a.id
                and l.action in ('article.save', 'article.autosave')) as audits,
             (select count(*)::int from "ArticleRevision" r where r."articleId" = a.id and r.version = 2) as revisions
           from "Article" a where a.id = any($1)`,
          [articleIds],
        )
      ).rows.map((row) => [row.id, row]),
    );
    const savesAccepted = saves.filter((s) => s.status === 200 && s.result?.ok === true);
    const savesRefused = saves.filter((s) => s.status < 500 && s.result?.ok === false);
    const savesFailed = saves.filter((s) => !savesAccepted.includes(s) && !savesRefused.includes(s));
    const lostSaves = savesAccepted.filter((s) => {
      const row = articles.get(s.id);
      return (
        !row ||
        row.version !== 2 ||
        row.title !== s.title ||
        row.audits !== 1 ||
        row.revisions !== (s.manual ? 1 : 0)
      );
    });
    const strayChanges = savesRefused.filter((s) => {
      const row = articles.get(s.id);
      return !row || row.version !== 1 || row.audits !== 0 || row.revisions !== 0;
    });
    const unexplainedSaves = savesRefused.filter((s) => !s.result?.message);

    const report =
      `Load: comments ${COMMENTS} sent, ${accepted.length} accepted, ${refused.length} rejected (4xx/429), ` +
      `${failed.length} 5xx, ${lostComments.length} lost, ${duplicatedComments.length} duplicated; ` +
      `editor saves ${SAVES} sent, ${savesAccepted.length} accepted, ${savesRefused.length} rejected, ` +
      `${savesFailed.length} 5xx, ${lostSaves.length} lost; ` +
      `${timings} (app CPU ${cpu.toFixed(1)} s); reads ${readCounts.requests} ` +
      `(${readCounts.status5xx} 5xx, ${readCounts.status4xx} 4xx, ${readCounts.socketErrors} socket errors)`;
    console.log(report);
    const detail = (label: string, rows: unknown[]) =>
      rows.length ? `${label}: ${JSON.stringify(rows.slice(0, 5)).slice(0, 1500)}` : "";
    const details = [
      detail(
        "5xx comments",
        failed.map((c) => ({ status: c.status, answer: c.answer })),
      ),
      detail(
        "refusals",
        refused.map((c) => ({ status: c.status, answer: c.answer?.error })),
      ),
      detail(
        "5xx saves",
        savesFailed.map((s) => ({ status: s.status, body: s.body.slice(0, 300) })),
      ),
      detail(
        "refused saves",
        savesRefused.map((s) => s.result),
      ),
    ]
      .filter(Boolean)
      .join("\n");
    if (details) console.log(details);
    if (failed.length || savesFailed.length) {
      const serverErrors = app!
        .output()
        .split("\n")
        .filter((line) => /error|failed|timed out|timeout/i.test(line));
      console.log(
        `Server errors (${serverErrors.length} lines):\n${[...new Set(serverErrors)].slice(0, 20).join("\n")}`,
      );
    }

    expect(failed, `${report}\n${details}`).toEqual([]);
    expect(savesFailed, `${report}\n${details}`).toEqual([]);
    expect(lostComments).toEqual([]);
    expect(duplicatedComments).toEqual([]);
    expect(strayComments).toEqual([]);
    expect(
      stored.every((row) => row.moderations === 1),
      "one moderation-log row per comment",
    ).toBe(true);
    expect(unexplained).toEqual([]);
    expect(lostSaves).toEqual([]);
    expect(strayChanges).toEqual([]);
    expect(unexplainedSaves).toEqual([]);
    expect(accepted.length + refused.length).toBe(COMMENTS);
    expect(savesAccepted.length + savesRefused.length).toBe(SAVES);
    expect(readCounts.requests).toBeGreaterThan(0);
    expect(readCounts.status5xx).toBe(0);
    expect(readCounts.socketErrors).toBe(0);
  }, 170_000);
});
