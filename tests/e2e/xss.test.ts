// Cross-site scripting (issue #8, item 1). Every payload of the corpus (tests/support/
// xss-payloads.ts: the families of the OWASP XSS Filter Evasion Cheat Sheet) is sent through
// every place text enters, through the real boundaries (tests/support/xss-seed.ts): the comment
// endpoint over HTTP; the desk's server actions for articles (fields and body JSON), imports,
// tags, people, sources, authorizations and evidence; the search page's query string. A payload
// a schema refuses counts as refused at that place. What is accepted is rendered in Chromium:
// - per payload: its article page (every article field, its body, tag, byline, source,
//   attribution and comment, and the reader's own copy of the comment, which the browser
//   renders from session storage as after posting) and its search page;
// - for every other payload, one page about one of its things, each kind in turn: the admin
//   source and authorization records, the tag, author and source archives, the editor of its
//   article and of its import's draft (XSS_VISIT_ALL=1: all of them, for every payload);
// - pages that show many, every page of them: the home page, search results, the admin lists of
//   articles, tags, people and sources, the pending comment queue, the audit log of what was
//   created (every field, as JSON), and the corpus article (every payload's body blocks and
//   import output in one body) on the site, in the editor, in the preview and its revisions.
// Every accepted payload must have been rendered at least once at every place it was accepted.
// Feeds are fetched, parsed as XML and searched for active content. The test fails if any
// script runs: the marker is called, a dialog opens, a request leaves for a host other than the
// app's, or an uncaught error names the marker (tests/support/xss-browser.ts).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { E2E_ADMIN } from "../support/e2e-global-setup";
import { adminQuery } from "../support/int-global-setup";
import { signIn } from "../support/staff-session";
import { testServerUrl, withDatabase } from "../support/test-database-url";
import { launchWitnessBrowser, XssWitness, type Tab } from "../support/xss-browser";
import { familyCounts, XSS_PAYLOADS } from "../support/xss-payloads";
import type * as SeedModule from "../support/xss-seed";
import type { Ledger, PayloadEntities, Place, Seeded } from "../support/xss-seed";

// The actions also revalidate the desk's own (dynamic) pages through Next, which does not run in
// this process; the public pages hear of every change through the invalidation they broadcast.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const VISIT_ALL = process.env.XSS_VISIT_ALL === "1";
/** Pages open at once; each worker has a reader's tab and the signed-in admin's tab. */
const WORKERS = 4;

type Seed = typeof SeedModule;

interface Job {
  path: string;
  /** The places and payloads this page shows. */
  shows: Array<[Place, number]>;
  /** Further pages of a paginated list: visit "?page=2".. up to the page count the page states. */
  paginated?: boolean;
  check?: (page: Page) => Promise<string | null>;
}

const normalize = (text: string) => text.replace(/\s+/gu, " ").trim();

function everyPayload(ledger: Ledger, ...places: Place[]): Array<[Place, number]> {
  return places.flatMap((place) => [...ledger.accepted.get(place)!].map((n): [Place, number] => [place, n]));
}

function withPage(path: string, page: number): string {
  if (page <= 1) return path;
  return `${path}${path.includes("?") ? "&" : "?"}page=${page}`;
}

describe("cross-site scripting", () => {
  let server: AppServer;
  let baseUrl: string;
  let dropDatabase: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  let seed: Seed;
  let ledger: Ledger;
  let seeded: Seeded;
  let browser: Browser;
  let witness: XssWitness;
  let admin: BrowserContext;
  const started = Date.now();
  let seedSeconds = 0;

  beforeAll(async () => {
    // An app and a database of its own: a few hundred published payload articles would crowd
    // out what the other end-to-end files expect on the shared app's home page and feeds.
    const serverUrl = testServerUrl();
    if (!serverUrl) throw new Error("This test needs PostgreSQL: set TEST_DATABASE_URL.");
    const name = `crosscurrent_e2e_xss_${randomBytes(4).toString("hex")}`;
    await adminQuery(serverUrl, `create database ${name}`);
    dropDatabase = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    const databaseUrl = withDatabase(serverUrl, name);
    dataDir = await mkdtemp(path.join(tmpdir(), "crosscurrent-e2e-xss-"));
    server = await startAppServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-xss-secret-e2e-xss-secret-e2e-xss-secret",
      SEED_ADMIN_EMAIL: E2E_ADMIN.email,
      SEED_ADMIN_PASSWORD: E2E_ADMIN.password,
      // Readers are told apart by X-Forwarded-For, as behind a reverse proxy on this machine.
      TRUSTED_PROXY: "127.0.0.1",
      LOG_LEVEL: "warn",
    });
    baseUrl = server.baseUrl;

    // The desk's actions run here against that database; lib/platform/env reads it on first import.
    process.env.DATABASE_URL = databaseUrl;
    seed = await import("../support/xss-seed");
    ledger = new seed.Ledger();
    browser = await launchWitnessBrowser();
    witness = new XssWitness(baseUrl);
    const actor = await seed.adminActor(E2E_ADMIN.email);
    const seedStart = Date.now();
    seeded = await seed.seedCorpus({ baseUrl, actor, ledger, payloads: XSS_PAYLOADS });
    seedSeconds = (Date.now() - seedStart) / 1000;

    // Signed in once through the form; every admin tab shares the session.
    const signInContext = await witness.newContext(browser);
    const signInTab = await witness.newTab(signInContext);
    await signIn(signInTab.page, baseUrl, E2E_ADMIN.email, E2E_ADMIN.password);
    admin = await witness.newContext(browser, { storageState: await signInContext.storageState() });
    await signInContext.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await seed?.disconnect();
    await server?.stop();
    await dropDatabase?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Runs the jobs from one queue, one page at a time per worker: /admin pages in its admin tab. */
  async function visitAll(workers: Array<{ reader: Tab | null; admin: Tab }>, jobs: Job[]) {
    const queue = [...jobs];
    await Promise.all(
      workers.map(async (worker) => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const tab = job.path.startsWith("/admin") ? worker.admin : worker.reader;
          if (!tab) throw new Error(`No reader's tab for ${job.path}`);
          const page = await witness.visit(tab, baseUrl, job.path);
          if (!page) continue;
          for (const [place, n] of job.shows) ledger.shown(place, n);
          const problem = job.check ? await job.check(page) : null;
          if (problem) witness.problems.push({ visit: job.path, problem });
          if (job.paginated && !/[?&]page=/.test(job.path)) {
            const text = await page.locator("body").innerText();
            const pages = Number(/page \d+ of (\d+)/i.exec(text)?.[1] ?? 1);
            for (let p = 2; p <= pages; p++)
              queue.push({ ...job, path: withPage(job.path, p), paginated: false });
          }
        }
      }),
    );
  }

  it("runs no payload anywhere it is shown", async () => {
    const entities = seeded.entities;
    const byN = new Map(entities.map((e) => [e.payload.n, e]));
    const all = (...places: Place[]) => everyPayload(ledger, ...places);

    // 1. The pending queue, before the comments are approved.
    const adminTabs = await Promise.all(Array.from({ length: WORKERS }, () => witness.newTab(admin)));
    await visitAll(
      adminTabs.map((tab) => ({ admin: tab, reader: null })),
      [
        {
          path: "/admin/comments?queue=PENDING",
          paginated: true,
          shows: all("comment name", "comment website", "comment body", "article title"),
        },
      ],
    );
    const commentIds = entities.flatMap((e) => (e.comment ? [String(e.comment.id)] : []));
    await seed.approveComments(await seed.adminActor(E2E_ADMIN.email), commentIds);

    // 2. Readers, with their own comment in session storage as after posting it.
    const own: Record<string, { key: string; value: string }> = {};
    for (const e of entities) {
      if (!e.comment) continue;
      own[`/articles/${e.article.slug}`] = {
        key: `crosscurrent:comments:${e.article.id}`,
        value: JSON.stringify([{ ...e.comment, pending: true }]),
      };
    }
    const reader = await witness.newContext(browser, {
      initScript: `(() => {
          const own = ${JSON.stringify(own)}[decodeURIComponent(location.pathname)];
          if (own) { try { sessionStorage.setItem(own.key, own.value); } catch {} }
        })();`,
    });
    const workers = await Promise.all(
      adminTabs.map(async (tab) => ({ admin: tab, reader: await witness.newTab(reader) })),
    );

    const jobs: Job[] = [];
    const shows = (n: number, ...places: Place[]) => places.map((place): [Place, number] => [place, n]);
    for (const [index, e] of entities.entries()) {
      const n = e.payload.n;
      // The article page shows the payload in every article field, its body, its tag, byline,
      // source, attribution and comment (and the browser renders the reader's own copy).
      jobs.push({
        path: `/articles/${e.article.slug}`,
        shows: shows(n, ...ARTICLE_PAGE_PLACES),
        check: async (page) => {
          const h1 = normalize((await page.locator("h1").first().textContent()) ?? "");
          if (h1 !== normalize(e.article.title)) return `h1 shows ${JSON.stringify(h1)}`;
          if (!e.comment) return null;
          // The published comment is on the page, by its author's name as text...
          const label = `Comment by ${String(e.comment.authorName)}`;
          const shown = await page.evaluate(
            (label) => [...document.querySelectorAll("#comments article")].some((a) => a.ariaLabel === label),
            label,
          );
          if (!shown) return `no comment labelled ${JSON.stringify(label)}`;
          // ...and the reader's stored copy was rendered, then dropped as published (after hydration).
          const key = `crosscurrent:comments:${e.article.id}`;
          const dropped = await page
            .waitForFunction((key) => sessionStorage.getItem(key) === "[]", key, { timeout: 5_000 })
            .then(() => true)
            .catch(() => false);
          return dropped ? null : "the reader's own copy of the comment was never taken up";
        },
      });
      // The query, with the payload's tag and source as filters (named back when they are listed).
      ledger.accept("search query", n);
      jobs.push({
        path: `/search?${new URLSearchParams({ q: e.payload.text, tag: e.tag.slug, source: e.source.slug })}`,
        shows: shows(n, "search query"),
        check: async (page) => {
          // A search box drops line breaks (and the query loses invisible characters): compare
          // without any white space, control or format character.
          const bare = (text: string) => text.replace(/[\s\p{Cc}\p{Cf}]+/gu, "");
          const value = bare(await page.getByLabel("Search articles").inputValue());
          return value && bare(e.payload.text).startsWith(value)
            ? null
            : `the search box holds ${JSON.stringify(value)}`;
        },
      });
      // A page about one of its things (an archive, an admin record, an editor) for every other
      // payload, each kind in turn; XSS_VISIT_ALL=1 visits all of them for every payload.
      const kinds = VISIT_ALL ? ROTATION : index % 2 ? [] : [ROTATION[(index / 2) % ROTATION.length]!];
      for (const kind of kinds) {
        const job = singlePage(kind, e);
        if (job) jobs.push(job);
      }
    }

    // The corpus article: every payload's body blocks and every import's output in one body.
    const corpusShows = all(
      "body text with marks",
      "body link href",
      "body link title",
      "body image src",
      "body image alt and title",
      "import text",
    );
    // Lists and the corpus first: they are the longest visits, and lists add their further pages.
    const first: Job[] = [];
    first.push({ path: `/articles/${seeded.corpus.slug}`, shows: corpusShows });
    first.push(
      // The editor also offers every tag, person and source by name.
      {
        path: `/admin/articles/${seeded.corpus.id}`,
        shows: [...corpusShows, ...all("tag name", "person name", "source name")],
      },
      { path: `/admin/articles/${seeded.corpus.id}/preview`, shows: corpusShows },
      { path: `/admin/articles/${seeded.corpus.id}/revisions`, shows: [] },
    );
    // Lists, every page of them.
    const cards = all("article title", "article excerpt", "tag name", "person name", "source name");
    first.push(
      { path: "/", paginated: true, shows: cards },
      { path: "/search?q=xsscorpus", paginated: true, shows: all("article title") },
    );
    first.push(
      { path: "/admin", shows: [] },
      { path: "/admin/articles", paginated: true, shows: all("article title", "import text") },
      // Each row carries its rename form, with the description or native name and bio in it.
      { path: "/admin/tags", paginated: true, shows: all("tag name", "tag description") },
      {
        path: "/admin/people",
        paginated: true,
        shows: all("person name", "person native name", "person bio"),
      },
      { path: "/admin/sources", paginated: true, shows: all("source name", "source platform id") },
      // The audit log shows every field of what was made, as JSON in the row's details.
      {
        path: "/admin/audit?action=source.create",
        paginated: true,
        shows: all(...SOURCE_PLACES),
      },
      {
        path: "/admin/audit?action=authorization.revoke",
        paginated: true,
        shows: all(
          "authorization attribution text",
          "authorization grantor statement",
          "authorization territories",
          "authorization channels",
          "authorization revocation reason",
        ),
      },
      {
        path: "/admin/audit?action=authorization.request",
        paginated: true,
        shows: all("authorization scope author name"),
      },
      {
        path: "/admin/audit?action=authorization.addEvidence",
        paginated: true,
        shows: all("evidence URL", "evidence note"),
      },
    );

    await visitAll(workers, [...first, ...jobs]);
    const visitSeconds = (Date.now() - started) / 1000;

    // Feeds are XML for feed readers: well-formed, and no active content in the HTML they carry.
    const feedProblems = await checkFeeds(baseUrl, workers[0]!.reader.page, entities);

    const payloads = XSS_PAYLOADS.length;
    const places = seed.PLACES.length;
    const refused = ledger.count(ledger.refused);
    const rendered = ledger.count(ledger.rendered);
    const notRendered = seed.PLACES.flatMap((place) =>
      [...ledger.accepted.get(place)!]
        .filter((n) => !ledger.rendered.get(place)!.has(n))
        .map((n) => `${place} #${n}`),
    );
    const line =
      `XSS: ${payloads} payloads × ${places} places = ${payloads * places} tried ` +
      `(${refused} refused at the boundary, ${rendered} rendered on ${witness.visits} page visits); ` +
      `executions: ${witness.executions.length}`;
    console.log(
      [
        line,
        `  families: ${Object.entries(familyCounts())
          .map(([f, c]) => `${f} ${c}`)
          .join(", ")}`,
        "  refused per place:",
        ...seed.PLACES.filter((p) => ledger.refused.get(p)!.size > 0).map((p) => {
          const reasons = new Map<string, number[]>();
          for (const [n, why] of ledger.refused.get(p)!) reasons.set(why, [...(reasons.get(why) ?? []), n]);
          const why = [...reasons].map(
            ([text, ns]) => `${ns.length}× ${text} [#${ns.slice(0, 6).join(", #")}]`,
          );
          return `    ${p}: ${ledger.refused.get(p)!.size}: ${why.join("; ")}`;
        }),
        `  server errors instead of refusals: ${seed.escapedErrors.length}${seed.escapedErrors
          .slice(0, 5)
          .map((e) => `\n    #${e.n}: ${e.message}`)
          .join("")}`,
        `  article creations that lost a race for their slug (retried): ${seed.slugRaces.length}` +
          seed.slugRaces
            .slice(0, 3)
            .map((r) => `\n    #${r.n}: ${r.message}`)
            .join(""),
        `  feeds: ${feedProblems.fetched} fetched, ${feedProblems.problems.length} problems`,
        `  time: ${seedSeconds.toFixed(0)} s writing, ${witness.visits} visits done ${visitSeconds.toFixed(0)} s into the file ` +
          `(per visit ${(witness.loadMs / witness.visits).toFixed(0)} ms to load, ` +
          `${(witness.settleMs / witness.visits).toFixed(0)} ms to settle; ${WORKERS} pages at a time)`,
        ...witness.executions.map(
          (e) =>
            `  EXECUTION ${e.how} on ${e.visit}: ${e.detail}${e.n ? ` ← ${JSON.stringify(byN.get(e.n)?.payload.text ?? "?")}` : ""}`,
        ),
        ...witness.problems.slice(0, 20).map((p) => `  problem on ${p.visit}: ${p.problem}`),
        ...feedProblems.problems.slice(0, 20).map((p) => `  feed problem: ${p}`),
      ].join("\n"),
    );

    expect(payloads).toBeGreaterThanOrEqual(150);
    expect(witness.executions).toEqual([]);
    expect(witness.problems).toEqual([]);
    expect(feedProblems.problems).toEqual([]);
    expect(notRendered, "every accepted payload was rendered somewhere").toEqual([]);
  }, 600_000);
});

/** Every field of a source, each shown on its admin page and in its audit entry. */
const SOURCE_PLACES: Place[] = [
  "source name",
  "source slug",
  "source web address",
  "source description",
  "source platform id",
  "source contact name",
  "source contact email",
  "source contact WeChat",
  "source notes",
];

const ARTICLE_PAGE_PLACES: Place[] = [
  "article title",
  "article excerpt",
  "article slug",
  "article original title",
  "article original URL",
  "body text with marks",
  "body link href",
  "body link title",
  "body image src",
  "body image alt and title",
  "tag name",
  "tag slug",
  "person name",
  "person slug",
  "source name",
  "source slug",
  "source web address",
  "authorization attribution text",
  "comment name",
  "comment website",
  "comment body",
];

const ROTATION = [
  "admin source",
  "admin authorization",
  "tag archive",
  "author archive",
  "source archive",
  "admin editor",
  "admin import",
] as const;

/** The page about one of a payload's things. */
function singlePage(kind: (typeof ROTATION)[number], e: PayloadEntities): Job | null {
  const n = e.payload.n;
  const shows = (...places: Place[]) => places.map((place): [Place, number] => [place, n]);
  switch (kind) {
    case "admin source":
      return {
        path: `/admin/sources/${e.source.id}`,
        shows: shows(...SOURCE_PLACES, "authorization scope author name", "article title"),
      };
    case "admin authorization":
      return {
        path: `/admin/authorizations/${e.grant.id}`,
        shows: shows(
          "source name",
          "authorization attribution text",
          "authorization grantor statement",
          "authorization territories",
          "authorization channels",
          "authorization revocation reason",
          "evidence URL",
          "evidence note",
          "article title",
        ),
      };
    case "tag archive":
      return { path: `/tags/${e.tag.slug}`, shows: shows("tag name", "tag description", "tag slug") };
    case "author archive":
      return {
        path: `/authors/${e.person.slug}`,
        shows: shows("person name", "person native name", "person bio", "person slug"),
      };
    case "source archive":
      return {
        path: `/sources/${e.source.slug}`,
        shows: shows("source name", "source slug", "source description", "source web address"),
      };
    case "admin editor":
      return {
        path: `/admin/articles/${e.article.id}`,
        shows: shows("article title", "article excerpt", "article original title", "article original URL"),
      };
    case "admin import":
      return e.imported ? { path: `/admin/articles/${e.imported.id}`, shows: shows("import text") } : null;
  }
}

/** Fetches the feeds that carry the payloads and checks them in the browser's strict XML parser. */
async function checkFeeds(
  baseUrl: string,
  page: Page,
  entities: PayloadEntities[],
): Promise<{ fetched: number; problems: string[] }> {
  const paths = [
    "/feed.xml",
    "/feeds/comments",
    ...entities.flatMap((e) => [`/feeds/tags/${e.tag.slug}`, `/feeds/comments/${e.article.slug}`]),
  ];
  const feeds: Array<{ path: string; status: number; xml: string; title: string | null }> = [];
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let path = queue.shift(); path; path = queue.shift()) {
        const response = await fetch(`${baseUrl}${path}`);
        const entity = entities.find((e) => path === `/feeds/tags/${e.tag.slug}`);
        feeds.push({
          path,
          status: response.status,
          xml: await response.text(),
          title: entity?.article.title ?? null,
        });
      }
    }),
  );
  await page.goto("about:blank");
  const problems = await page.evaluate((feeds) => {
    const found: string[] = [];
    const DANGEROUS = new Set(
      "script iframe frame frameset object embed applet base meta link style svg math form input button textarea select video audio source marquee isindex template portal".split(
        " ",
      ),
    );
    const URL_ATTRIBUTES = new Set([
      "href",
      "src",
      "action",
      "formaction",
      "data",
      "xlink:href",
      "background",
      "poster",
      "srcset",
    ]);
    for (const feed of feeds) {
      if (feed.status !== 200) {
        found.push(`${feed.path} answered ${feed.status}`);
        continue;
      }
      const doc = new DOMParser().parseFromString(feed.xml, "application/xml");
      if (doc.getElementsByTagName("parsererror").length) {
        found.push(`${feed.path} is not well-formed XML`);
        continue;
      }
      const items = [...doc.getElementsByTagName("item")];
      if (
        feed.title !== null &&
        !items.some((item) => item.getElementsByTagName("title")[0]?.textContent === feed.title)
      ) {
        // Exactly: titles are plain text with "<" as "&#x3C;", read back as written.
        found.push(`${feed.path} does not carry the title exactly`);
      }
      const htmlParts = items.flatMap((item) =>
        [...item.children]
          .filter((c) => c.localName === "description" || c.localName === "encoded")
          .map((c) => c.textContent ?? ""),
      );
      for (const part of htmlParts) {
        const html = new DOMParser().parseFromString(part, "text/html");
        for (const element of html.body.querySelectorAll("*")) {
          if (DANGEROUS.has(element.localName)) found.push(`${feed.path}: <${element.localName}> in an item`);
          for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            if (name.startsWith("on")) found.push(`${feed.path}: ${name}= on <${element.localName}>`);
            const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
            // A link may go anywhere http(s) (a payload that is a valid URL is one); nothing may load
            // from the payloads' host, and no URL may be a script.
            const loads = URL_ATTRIBUTES.has(name) && name !== "href" && value.includes("xss.invalid");
            if ((URL_ATTRIBUTES.has(name) && /^(javascript|data|vbscript):/.test(value)) || loads) {
              found.push(`${feed.path}: ${name}="${attribute.value}" on <${element.localName}>`);
            }
          }
        }
      }
    }
    return found;
  }, feeds);
  return { fetched: feeds.length, problems };
}
