// Behind a load balancer a form rendered by one instance is posted to whichever instance comes
// next. Two instances started from the same build with the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
// on one database: the action id that instance A's page carries is accepted by instance B. An
// instance configured with another key than its build's refuses to start (build-identity.ts).
// Both keep media in PostgreSQL (MEDIA_STORAGE=postgres): an image uploaded through A is served by B.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBuildIdentity } from "@/lib/platform/server/build-identity";
import { startAppServer, type AppServer } from "../support/app-server";
import { adminQuery } from "../support/int-global-setup";
import { callServerAction, distDir, serverActionId, signInOverHttp } from "../support/server-actions";
import { testServerUrl, withDatabase } from "../support/test-database-url";

const ADMIN = { email: "cluster-admin@crosscurrent.test", password: "a long cluster password" };
const AUTH_SECRET = "cluster-test-secret-cluster-test-secret-0";

const serverUrl = testServerUrl();
if (!serverUrl) throw new Error("Two instances need a PostgreSQL server: set TEST_DATABASE_URL.");
const database = `crosscurrent_cluster_${randomBytes(6).toString("hex")}`;
const databaseUrl = withDatabase(serverUrl, database);
const buildKey = readBuildIdentity(distDir()).encryptionKey!;
const dataDirs: string[] = [];
const servers: AppServer[] = [];

async function startInstance(env: Record<string, string | undefined> = {}): Promise<AppServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-cluster-"));
  dataDirs.push(dataDir);
  const server = await startAppServer({
    DATABASE_URL: databaseUrl,
    TEST_DATABASE_URL: undefined,
    DATA_DIR: dataDir,
    AUTH_SECRET,
    SEED_ADMIN_EMAIL: ADMIN.email,
    SEED_ADMIN_PASSWORD: ADMIN.password,
    TRUSTED_PROXY: undefined,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: buildKey,
    MEDIA_STORAGE: "postgres",
    ...env,
  });
  servers.push(server);
  return server;
}

let a: AppServer;
let b: AppServer;
beforeAll(async () => {
  await adminQuery(serverUrl, `create database ${database}`);
  // One after the other: the first applies the migrations and seeds.
  a = await startInstance();
  b = await startInstance();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await adminQuery(serverUrl, `drop database if exists ${database} with (force)`);
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Every script the page at `pagePath` loads from `baseUrl`, with the page itself. */
async function pageAndScripts(baseUrl: string, pagePath: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}${pagePath}`, { headers: { Cookie: cookie } })).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  const scripts = await Promise.all(sources.map(async (src) => (await fetch(new URL(src, baseUrl))).text()));
  return [html, ...scripts].join("\n");
}

describe("server actions across instances", () => {
  it("runs, on instance B, the form that instance A rendered", async () => {
    const cookie = await signInOverHttp(a.baseUrl, ADMIN.email, ADMIN.password);
    const createTag = await serverActionId("app/(admin)/admin/tags/actions.ts", "createTag");
    // The tag form as instance A sends it to the browser carries this action's id.
    expect(await pageAndScripts(a.baseUrl, "/admin/tags", cookie)).toContain(createTag);

    const name = `Posted to B ${randomBytes(3).toString("hex")}`;
    const posted = await callServerAction<{ ok: boolean; message: string }>(
      b.baseUrl,
      "/admin/tags",
      createTag,
      [{ name, kind: "TOPIC" }],
      { cookie },
    );
    expect(posted.status, posted.body.slice(0, 300)).toBe(200);
    expect(posted.result?.ok, posted.body.slice(0, 300)).toBe(true);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`select count(*)::int as n from "Tag" where name = $1`, [name]);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("serves through instance B an image uploaded through instance A", async () => {
    const cookie = await signInOverHttp(a.baseUrl, ADMIN.email, ADMIN.password);
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "shared.png");
    form.set("alt", "A blue rectangle");
    const upload = await fetch(`${a.baseUrl}/api/admin/media`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: a.baseUrl },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { data } = (await upload.json()) as {
      data: { url: string; sha256: string; variants: { url: string }[] };
    };
    const original = await fetch(`${b.baseUrl}${data.url}`);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = new Uint8Array(await original.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(data.sha256);
    const variant = await fetch(`${b.baseUrl}${data.variants[0]!.url}`);
    expect(variant.status).toBe(200);
    expect(variant.headers.get("content-type")).toBe("image/webp");
  });

  it("refuses to start an instance whose key differs from its build's", async () => {
    const otherKey = randomBytes(32).toString("base64");
    const failure = await startInstance({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: otherKey }).then(
      () => "started",
      (error: Error) => error.message,
    );
    expect(failure).toContain(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY differs from the key this build was made with",
    );
  });
});
