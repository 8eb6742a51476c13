// The CDN purge contract (docs/production.md): with CDN_PURGE_URL set, every invalidation queues a
// purge job naming its tags in the form the answers carry them; the job POSTs { "tags": [...] },
// signed, to a real HTTP receiver on this machine, and is retried after a failure; a withdrawal's
// purge goes ahead of ordinary ones waiting with it; without CDN_PURGE_URL nothing is queued.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidateArticle, invalidateWithdrawnArticle } from "@/lib/platform/cache/article-changes";
import { CDN_PURGE_JOB, PURGE_PRIORITY } from "@/lib/platform/cache/cdn-purge-job";
import { invalidate } from "@/lib/platform/cache/invalidate";
import { cacheTag } from "@/lib/platform/cache/tags";
import { db } from "@/lib/platform/db";
import { publishArticle } from "@/lib/articles/workflow";
import { resetClock, setClock } from "@/lib/platform/clock";
import { env } from "@/lib/platform/env";
import { startJobQueue, stopJobQueue } from "@/lib/platform/jobs/job-queue";
import { revokeAuthorization } from "@/lib/rights/authorizations/lifecycle";
import { context, createTestArticle } from "../support/articles";
import { startSignedReceiver, type SignedRequest } from "../support/signed-receiver";
import { createTestUser } from "../support/users";

const SECRET = "a-purge-secret-of-at-least-32-characters";

/** A purge receiver: see tests/support/signed-receiver.ts. */
const startReceiver = (statuses: number[], hold = false) =>
  startSignedReceiver({ secret: SECRET, statuses, path: "/purge", hold });

const tagsOf = (request: SignedRequest) => (JSON.parse(request.body) as { tags: string[] }).tags;

async function until(check: () => Promise<boolean> | boolean, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

interface JobRow {
  data: { tags: string[] };
  priority: number;
  state: string;
  retry_count: number;
}

function purgeJobs(): Promise<JobRow[]> {
  return db.$queryRaw<JobRow[]>`
    SELECT data, priority, state::text, retry_count FROM pgboss.job
    WHERE name = ${CDN_PURGE_JOB} ORDER BY created_on, id`;
}

const saved = { url: env.CDN_PURGE_URL, secret: env.CDN_PURGE_SECRET, auth: env.CDN_PURGE_AUTHORIZATION };
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

beforeAll(async () => {
  await startJobQueue(process.env.DATABASE_URL!, () => {});
});
afterAll(async () => {
  await stopJobQueue();
});
beforeEach(() => {
  env.CDN_PURGE_SECRET = SECRET;
});
afterEach(async () => {
  // Let every queued purge finish before the next test counts jobs.
  await until(
    async () => (await purgeJobs()).every((job) => job.state === "completed"),
    "the purges to finish",
  );
  receiver?.release();
  await receiver?.close();
  receiver = undefined;
  await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${CDN_PURGE_JOB}`;
  env.CDN_PURGE_URL = saved.url;
  env.CDN_PURGE_SECRET = saved.secret;
  env.CDN_PURGE_AUTHORIZATION = saved.auth;
});

describe("the CDN purge", () => {
  it("queues nothing without CDN_PURGE_URL", async () => {
    env.CDN_PURGE_URL = undefined;
    await invalidateArticle("no-cdn");
    await invalidateWithdrawnArticle("no-cdn-either");
    expect(await purgeJobs()).toEqual([]);
  });

  it("queues the invalidated tags in CDN form, and POSTs them signed to the purge endpoint", async () => {
    receiver = await startReceiver([200]);
    env.CDN_PURGE_URL = receiver.url;
    env.CDN_PURGE_AUTHORIZATION = "Bearer a-cdn-token";
    await invalidate([cacheTag.article("a1"), cacheTag.articles, cacheTag.comments("a 1")]);

    const [job] = await purgeJobs();
    expect(job?.data.tags).toEqual(["article:a1", "articles", "comments:a%201", "comments"]);
    expect(job?.priority).toBe(PURGE_PRIORITY.ordinary);

    await until(() => receiver!.received.length === 1, "the purge request");
    const [request] = receiver.received;
    expect(request!.valid).toBe(true);
    expect(JSON.parse(request!.body)).toEqual({
      tags: ["article:a1", "articles", "comments:a%201", "comments"],
    });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.authorization).toBe("Bearer a-cdn-token");
    await until(async () => (await purgeJobs())[0]?.state === "completed", "the job to complete");
  });

  it("retries a purge the endpoint refused, until it answers 2xx", async () => {
    receiver = await startReceiver([500, 204]);
    env.CDN_PURGE_URL = receiver.url;
    await invalidateArticle("retried");

    await until(() => receiver!.received.length === 2, "the retry");
    expect(receiver.received.map(tagsOf)).toEqual([
      ["articles", "article:retried"],
      ["articles", "article:retried"],
    ]);
    expect(receiver.received.every((r) => r.valid)).toBe(true);
    await until(async () => (await purgeJobs())[0]?.state === "completed", "the job to complete");
    expect((await purgeJobs())[0]?.retry_count).toBe(1);
  });

  it("retries when the endpoint cannot be reached", async () => {
    const gone = await startReceiver([]);
    env.CDN_PURGE_URL = gone.url;
    await gone.close(); // nothing listens there any more
    await invalidateArticle("unreachable");
    await until(async () => (await purgeJobs())[0]?.state === "retry", "a failed attempt");

    // The receiver comes back on another port; the retry reads the setting afresh.
    receiver = await startReceiver([200]);
    env.CDN_PURGE_URL = receiver.url;
    await until(() => receiver!.received.length === 1, "the retried purge");
    expect(tagsOf(receiver.received[0]!)).toEqual(["articles", "article:unreachable"]);
  });

  it("purges a withdrawal ahead of an ordinary purge queued before it", async () => {
    receiver = await startReceiver([], true);
    env.CDN_PURGE_URL = receiver.url;
    // The worker is busy with a first purge (held by the receiver) while the next two are queued.
    await invalidate([cacheTag.site]);
    await until(() => receiver!.received.length === 1, "the first purge to arrive");
    await invalidateArticle("ordinary");
    await invalidateWithdrawnArticle("withdrawn");
    expect((await purgeJobs()).map((job) => job.priority)).toEqual([
      PURGE_PRIORITY.ordinary,
      PURGE_PRIORITY.ordinary,
      PURGE_PRIORITY.withdrawal,
    ]);
    receiver.release();

    await until(() => receiver!.received.length === 3, "all three purges");
    expect(receiver.received.map(tagsOf)).toEqual([
      ["site"],
      ["articles", "article:withdrawn"],
      ["articles", "article:ordinary"],
    ]);
  });

  it("queues a revocation's purge as a withdrawal", async () => {
    receiver = await startReceiver([]);
    env.CDN_PURGE_URL = receiver.url;
    const admin = await createTestUser("ADMIN");
    const source = await db.source.create({
      data: { name: `Source ${Date.now()}`, slug: `source-${Date.now().toString(36)}`, kind: "WEBSITE" },
    });
    const authorization = await db.reprintAuthorization.create({
      data: {
        sourceId: source.id,
        status: "GRANTED",
        validFrom: new Date(Date.now() - 86_400_000),
        attributionText: "Reprinted with permission.",
        evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
      },
    });
    await revokeAuthorization(
      { id: authorization.id, version: authorization.version, reason: "The grantor withdrew it." },
      { actor: admin, ip: "203.0.113.9" },
    );

    const jobs = await purgeJobs();
    expect(jobs.map((job) => [job.priority, job.data.tags])).toEqual([
      [PURGE_PRIORITY.withdrawal, ["articles", `source:${source.id}`]],
    ]);
    await until(() => receiver!.received.length === 1, "the revocation's purge");
  });

  it("is queued by the sweep cron runs (npm run rights:sweep) as a withdrawal, for the instances to send", async () => {
    receiver = await startReceiver([200]);
    env.CDN_PURGE_URL = receiver.url;
    const editor = await createTestUser("EDITOR");
    const hour = 3_600_000;
    const source = await db.source.create({
      data: { name: `Source ${Date.now()}`, slug: `source-${Date.now().toString(36)}`, kind: "WEBSITE" },
    });
    // Granted until an hour ago; the reprint was published while it held.
    await db.reprintAuthorization.create({
      data: {
        sourceId: source.id,
        status: "GRANTED",
        validFrom: new Date(Date.now() - 3 * hour),
        validUntil: new Date(Date.now() - hour),
        attributionText: "Reprinted with permission.",
        evidence: { create: { kind: "URL", url: "https://example.com/permission" } },
      },
    });
    setClock(new Date(Date.now() - 2 * hour));
    const draft = await createTestArticle(editor, { title: "Lapsed", kind: "REPRINT", sourceId: source.id });
    const article = await publishArticle({ id: draft.id, version: draft.version }, context(editor));
    resetClock();
    await until(
      async () => (await purgeJobs()).every((job) => job.state === "completed"),
      "the publication's purge",
    );
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = ${CDN_PURGE_JOB}`;
    receiver.received.length = 0;

    const sweep = await promisify(execFile)(
      path.resolve("node_modules/.bin/tsx"),
      ["scripts/rights-sweep.ts"],
      {
        env: { ...process.env, CDN_PURGE_URL: receiver.url, CDN_PURGE_SECRET: SECRET },
      },
    );
    expect(sweep.stdout).toContain("withdrew 1");

    const jobs = await purgeJobs();
    expect(jobs.map((job) => [job.priority, job.data.tags])).toEqual([
      [PURGE_PRIORITY.withdrawal, ["articles", `article:${article.id}`]],
    ]);
    // Sent by this process's worker, as by any instance's.
    await until(() => receiver!.received.length === 1, "the sweep's purge");
    expect(tagsOf(receiver.received[0]!)).toEqual(["articles", `article:${article.id}`]);
  });
});
