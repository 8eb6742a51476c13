// Every zod schema at a server boundary, fed generated input (fast-check, fixed seed): each server
// action and mutating route found by reading app/ (tests/support/mutations.ts), the public comment
// routes, the GET routes that read a query or a path (content API, feeds, media, admin downloads),
// the /search page and the query schemas the admin pages parse. Input is well-formed (made from the
// schema, with real ids so handlers get past their lookups), broken one field at a time, or junk.
// Whatever comes in, a boundary answers success or a 4xx with a message a person can read: never a
// throw, never a 5xx, and a refused input leaves every table (and the stored files) as they were.
// FUZZ_SEED=<n> explores another seed; FUZZ_RUNS=<factor> scales the number of inputs.
import { mkdtempSync } from "node:fs";
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { createElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import type { ActionDefinition } from "@/lib/platform/actions/run-action";
import type { CurrentUser } from "@/lib/platform/session";
import {
  articleBody,
  asFormValue,
  boundaryInput,
  dateInput,
  fileInput,
  fromJsonSchema,
  hostileString,
  inputJsonSchema,
  isRecord,
  isUnconstrained,
  type Hints,
  type JsonSchema,
  type Variant,
} from "../support/fuzz-arbitraries";
import {
  decodedBody,
  decodedSegment,
  ORIGIN,
  outcomeOf,
  queryInput,
  requestOf,
  routeInput,
  searchParamsOf,
  segmentInput,
  tagged,
  urlWith,
  type RouteInput,
  type Tagged,
} from "../support/fuzz-requests";
import type { GoodFile, Pool } from "../support/fuzz-fixtures";
import type { Boundary } from "../support/fuzz-runner";

// Actions refresh cached pages; outside a request there are none.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
}));
// Guarded routes ask next-auth who is signed in: here, always the fuzzing admin.
const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/platform/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/platform/session")>()),
  getCurrentUser: async () => signedIn.user,
}));
// Pages call connection() to opt out of prerendering; outside a request it would throw.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

// lib/platform/env reads DATA_DIR when first imported: set it, then import the app's modules.
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "crosscurrent-fuzz-"));
process.env.DATA_DIR = DATA_DIR;
const UPLOADS = path.join(DATA_DIR, "uploads");

const { ERROR_STATUS } = await import("@/lib/platform/http/json-errors");
const { runAction } = await import("@/lib/platform/actions/run-action");
const { resetClock, setClock } = await import("@/lib/platform/clock");
const { encodeCursor } = await import("@/lib/content-api/content-api");
const { CommentInputSchema } = await import("@/lib/comments/schema");
const { ReportInputSchema } = await import("@/lib/comments/report");
const { discoverMutations, SELF_GUARDED_ROUTES } = await import("../support/mutations");
const { changedTables, fingerprint, RIGHTS_REFUSAL_RECORDS } = await import("../support/fuzz-db");
const { fuzz, report } = await import("../support/fuzz-runner");
const { ensureFixtures, goodFiles, readPool } = await import("../support/fuzz-fixtures");
const { createTestUser, TEST_PASSWORD } = await import("../support/users");

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_801);
const RUNS_FACTOR = Number(process.env.FUZZ_RUNS ?? 1);
const T0 = new Date("2031-06-01T09:00:00.000Z");

let admin: CurrentUser;
let files: GoodFile[];
let fixtureActions: Parameters<typeof ensureFixtures>[1];
let ipCounter = 0;
/** A new client address for each request, so per-address limits do not throttle the run. */
const nextIp = () => {
  ipCounter += 1;
  return `198.18.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;
};

// ─── Hints: what JSON Schema cannot say ───────────────────────────────────────

/** Id fields whose table the name alone tells. */
const ID_FIELDS: Record<string, keyof Pool["ids"]> = {
  articleId: "article",
  revisionId: "revision",
  tagId: "tag",
  personId: "person",
  authorizationId: "authorization",
  renewsId: "authorization",
  evidenceId: "evidence",
  commentId: "comment",
  parentId: "comment",
  mediaId: "media",
  featuredImageId: "media",
  userId: "user",
};
/** `id`, `ids`, `sourceId` and `targetId` mean the table of the screen the action belongs to. */
const SCREEN_TABLES: Record<string, keyof Pool["ids"]> = {
  articles: "article",
  authorizations: "authorization",
  comments: "comment",
  tags: "tag",
  people: "person",
  sources: "source",
  users: "user",
  media: "media",
};
const DATE_FIELDS = /^(publishAt|validFrom|validUntil|capturedAt)$/;

function tableOf(field: string, boundaryId: string): keyof Pool["ids"] | undefined {
  if (field in ID_FIELDS) return ID_FIELDS[field];
  const screen = SCREEN_TABLES[/admin\/([a-z]+)\//.exec(boundaryId)?.[1] ?? ""];
  if (field === "id" || field === "ids") return screen;
  if (field === "sourceId" || field === "targetId")
    return screen === "tag" || screen === "person" ? screen : "source";
  return undefined;
}

function hintsFor(boundaryId: string, pool: Pool): Hints {
  return (name, schema) => {
    const unconstrained = isUnconstrained(schema);
    const text = schema.type === "string" || unconstrained;
    const table = tableOf(name, boundaryId);
    const ids = table ? pool.ids[table] : [];
    if (text && ids.length > 0) return fc.constantFrom(...ids);
    if (text && /email/i.test(name)) return fc.oneof(fc.constantFrom(...pool.emails), fc.emailAddress());
    if (text && /(url|website)$/i.test(name)) return fc.webUrl({ withQueryParameters: true });
    if (name === "version") return fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom("1", "2"));
    if (name === "text" && boundaryId.endsWith("#importReprint")) return pastedReprint;
    if (!unconstrained) return undefined;
    if (DATE_FIELDS.test(name)) return dateInput();
    if (name === "body") return articleBody();
    if (name === "file") return fileInput(files);
    return undefined;
  };
}

/** A reprint pasted from a web page: title, byline, paragraphs (see lib/import/reprint-text.ts). */
const pastedReprint = fc
  .tuple(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
    fc.constantFrom("Pen / Rosa Lin", "Author: Tiger knife", "文 / 李明", ""),
    fc.array(fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 6 }),
  )
  .map(([title, byline, paragraphs]) => [title, byline, ...paragraphs].join("\n\n"));

/**
 * Fields that must agree with each other, made to agree half the time: the current version of
 * the row an id names, a revision of the article named, a confirmed password.
 */
function agree(pool: Pool) {
  return (value: unknown, coin: boolean, pick: number): unknown => {
    if (!coin || !isRecord(value)) return value;
    const copy = { ...value };
    if ("revisionId" in copy && pool.revisions.length > 0) {
      const revision = pool.revisions[pick % pool.revisions.length]!;
      copy.articleId = revision.articleId;
      copy.revisionId = revision.id;
    }
    const target =
      typeof copy.id === "string" ? copy.id : typeof copy.articleId === "string" ? copy.articleId : "";
    if ("version" in copy && pool.versions[target] !== undefined) copy.version = pool.versions[target];
    if ("newPassword" in copy) {
      copy.currentPassword = TEST_PASSWORD;
      copy.confirmPassword = copy.newPassword;
    }
    return copy;
  };
}

function schemaInput(schema: z.ZodType, boundaryId: string, pool: Pool): fc.Arbitrary<[Variant, unknown]> {
  const json: JsonSchema = inputJsonSchema(schema);
  const agreeing = agree(pool);
  const wellFormed = fc
    .tuple(fromJsonSchema(json, hintsFor(boundaryId, pool)), fc.boolean(), fc.nat())
    .map(([value, coin, pick]) => agreeing(value, coin, pick));
  return boundaryInput(wellFormed);
}

// ─── Server actions: runAction as an admin ────────────────────────────────────

/** Actions that hash or verify a password (argon2) cost more per input. */
const SLOW_ACTIONS = /#(createUser|resetUserPassword|changeOwnPassword)$/;

function actionBoundary(id: string, definition: ActionDefinition): Boundary {
  return {
    id,
    runs: SLOW_ACTIONS.test(id) ? 20 : 45,
    input: (pool) => schemaInput(definition.schema, id, pool),
    accepts: (input) => definition.schema.safeParse(input).success,
    async send(input) {
      const result = await runAction(definition, admin, input, nextIp());
      if (result.ok) return { status: 200, message: result.message ?? "" };
      const status = ERROR_STATUS[result.code];
      if (status === undefined)
        return { status: 500, message: `unknown failure code ${String(result.code)}` };
      const fieldsOk = Object.values(result.fieldErrors ?? {}).every(
        (messages) => Array.isArray(messages) && messages.every((m) => typeof m === "string" && m.trim()),
      );
      const rightsRefusal = result.code === "CONFLICT" && isRecord(result.data) && "reasons" in result.data;
      return {
        status,
        message: fieldsOk ? result.message : "",
        records: rightsRefusal ? RIGHTS_REFUSAL_RECORDS : [],
      };
    },
  };
}

// ─── Routes: real requests to the exported handlers ───────────────────────────

type Params = Record<string, unknown>;

/** A POST route: a generated body (JSON, form, multipart or raw), sometimes from another site. */
function postBoundary(options: {
  id: string;
  schema: z.ZodType;
  url: string;
  handler: (request: NextRequest, params: Params) => Promise<Response>;
  /** The well-formed bodies, when the schema alone does not make good ones. */
  body?: (pool: Pool) => fc.Arbitrary<Tagged<unknown>>;
  params?: (pool: Pool) => fc.Arbitrary<Params>;
  runs?: number;
}): Boundary {
  const { id, schema, url, handler } = options;
  const body = options.body ?? ((pool: Pool) => schemaInput(schema, id, pool));
  const params = options.params ?? (() => fc.constant({}));
  return {
    id,
    runs: options.runs ?? 40,
    input: (pool) =>
      fc
        .tuple(routeInput(body(pool)), params(pool))
        .map(([[variant, input], values]) => tagged(variant, { ...input, params: values })),
    async accepts(input) {
      const routeIn = input as RouteInput;
      return !routeIn.foreignOrigin && schema.safeParse(await decodedBody(routeIn)).success;
    },
    async send(input) {
      const { params: values, ...routeIn } = input as RouteInput & { params: Params };
      return outcomeOf(await handler(requestOf(url, routeIn, nextIp()), values));
    },
  };
}

// ─── GET routes and pages: query strings and path segments ────────────────────

const searchText = fc.oneof(
  fc.constantFrom("trade", "taiwan", "fixture", '"fixture story"', "-trade or fixture", "story*"),
  // Chinese and Japanese take the substring path (lib/search/substring-search.ts).
  fc.constantFrom("台湾海峡", "岸田 trade", "50%_の", "「海警」、ひらがな"),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
const pageNumber = fc
  .oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -5, max: 10 ** 7 }))
  .map(String);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers' contexts differ
type RouteHandler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
interface GetInput {
  url: string;
  params?: Params;
}

/** A GET route (or any read): a generated URL and route params. */
function getBoundary(options: {
  id: string;
  handler: RouteHandler;
  input: (pool: Pool) => fc.Arbitrary<Tagged<GetInput>>;
  /** Whether the route's own parsing accepts the URL; without one, well-formed input counts as valid. */
  accepts?: (input: GetInput) => boolean;
  runs?: number;
}): Boundary {
  const { id, handler } = options;
  const wellFormed = new WeakSet<object>();
  return {
    id,
    runs: options.runs ?? 40,
    input: (pool) =>
      options.input(pool).map(([variant, value]) => {
        if (variant === "well-formed") wellFormed.add(value);
        return tagged(variant, value);
      }),
    accepts: (value) =>
      options.accepts ? options.accepts(value as GetInput) : wellFormed.has(value as GetInput),
    async send(value) {
      const { url, params = {} } = value as GetInput;
      const request = new NextRequest(url, { headers: { "x-forwarded-for": nextIp() } });
      return outcomeOf(await handler(request, { params: Promise.resolve(params) }));
    },
  };
}

// ─── The boundaries ───────────────────────────────────────────────────────────

const mutations = await discoverMutations();
const { GET: commentThreads, POST: postComment } = await import("@/app/api/comments/route");
const { POST: reportComment } = await import("@/app/api/comments/[id]/report/route");
const { POST: unlockSignIn } = await import("@/app/api/login/unlock/route");
const { POST: postNotice } = await import("@/app/api/rights/notices/route");
const { NoticeFieldsSchema } = await import("@/lib/rights/notices/schema");
const { UnlockInputSchema } = await import("@/lib/platform/auth/unlock");
const { POST: confirmReplies } = await import("@/app/api/comments/notifications/confirm/route");
const { POST: unsubscribeReplies } = await import("@/app/api/comments/notifications/unsubscribe/route");
const { ReplyTokenSchema } = await import("@/lib/comments/reply-notifications");
const { GET: listArticles } = await import("@/app/api/v1/articles/route");
const { GET: getArticle } = await import("@/app/api/v1/articles/[slug]/route");
const { GET: listTags } = await import("@/app/api/v1/tags/route");
const { GET: tagFeed } = await import("@/app/feeds/tags/[slug]/route");
const { GET: sourceFeed } = await import("@/app/feeds/sources/[slug]/route");
const { GET: commentFeed } = await import("@/app/feeds/comments/[slug]/route");
const { GET: mediaFile } = await import("@/app/media/[...key]/route");
const { GET: evidenceFile } = await import("@/app/api/admin/authorizations/evidence/[evidenceId]/route");
const { GET: listMedia } = await import("@/app/api/admin/media/route");
const { GET: exportAuthorizations } = await import("@/app/(admin)/admin/authorizations/export/route");
const { GET: authorizationPolicy } =
  await import("@/app/(admin)/admin/authorizations/[id]/policy.jsonld/route");
const searchPage = await import("@/app/(site)/search/page");
const { searchPagePath } = await import("@/lib/search/page-key");
const { SearchParamsSchema } = await import("@/lib/search/query");
const { parseArticleListQuery } = await import("@/lib/content-api/content-api");

const v1Query = (pool: Pool) =>
  fc.record(
    {
      tag: fc.constantFrom(...pool.slugs.tag, "no-such-tag"),
      source: fc.constantFrom(...pool.slugs.source),
      author: fc.constantFrom(...pool.slugs.person),
      updatedSince: fc.oneof(
        dateInput().map((d) => new Date(d as string).toISOString()),
        fc.constantFrom(
          "2026-05-01",
          "0000-01-01",
          "9999-12-31T23:59:59Z",
          "2026-02-30",
          "2026-05-01T08:00:00+14:00",
        ),
      ),
      limit: fc.integer({ min: 0, max: 101 }).map(String),
      cursor: fc
        .tuple(
          fc.date({ noInvalidDate: true }),
          fc.oneof(fc.constantFrom(...pool.publishedArticleIds), fc.string({ maxLength: 30 })),
        )
        .map(([publishedAt, id]) => encodeCursor({ publishedAt, id })),
    },
    { requiredKeys: [] },
  );

const feeds = [
  ["app/feeds/tags/[slug]/route.ts#GET", tagFeed, "tag"],
  ["app/feeds/sources/[slug]/route.ts#GET", sourceFeed, "source"],
  ["app/feeds/comments/[slug]/route.ts#GET", commentFeed, "article"],
] as const;

/** Every boundary below is named "file#METHOD" after the route method it fuzzes. */
const routeBoundaries: Boundary[] = [
  postBoundary({
    id: "app/api/comments/route.ts#POST",
    schema: CommentInputSchema,
    url: "/api/comments",
    handler: (request) => postComment(request),
    // Comments for published articles, mostly with the honeypot left empty.
    body: (pool) =>
      boundaryInput(
        fc
          .tuple(
            fromJsonSchema(inputJsonSchema(CommentInputSchema), hintsFor("comments", pool)),
            fc.constantFrom(...pool.publishedArticleIds),
            fc.constantFrom("", "", "", "bot-filled"),
          )
          .map(([value, articleId, website2]) => ({ ...(value as object), articleId, website2 })),
      ),
  }),
  getBoundary({
    id: "app/api/comments/route.ts#GET",
    handler: commentThreads,
    input: (pool) =>
      queryInput(
        fc.record(
          {
            article: fc.constantFrom(...pool.publishedArticleIds),
            order: fc.constantFrom("oldest", "newest", "random"),
            after: fc
              .tuple(
                fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constant(999_999_999_999_999)),
                fc.constantFrom(...pool.ids.comment),
              )
              .map(([at, id]) => `${at}.${id}`),
          },
          { requiredKeys: ["article"] },
        ),
      ).map(([v, q]) => tagged(v, { url: urlWith("/api/comments", q) })),
  }),
  postBoundary({
    id: "app/api/comments/[id]/report/route.ts#POST",
    schema: ReportInputSchema,
    url: "/api/comments/x/report",
    handler: (request, params) =>
      reportComment(request, { params: Promise.resolve(params as { id: string }) }),
    params: (pool) => segmentInput(pool.ids.comment).map(([, id]) => ({ id: decodedSegment(id) })),
  }),
  postBoundary({
    id: "app/api/rights/notices/route.ts#POST",
    schema: NoticeFieldsSchema,
    url: "/api/rights/notices",
    handler: (request) => postNotice(request),
  }),
  postBoundary({
    id: "app/api/login/unlock/route.ts#POST",
    schema: UnlockInputSchema,
    url: "/api/login/unlock",
    handler: (request) => unlockSignIn(request),
  }),
  postBoundary({
    id: "app/api/comments/notifications/confirm/route.ts#POST",
    schema: ReplyTokenSchema,
    url: "/api/comments/notifications/confirm",
    handler: (request) => confirmReplies(request),
  }),
  postBoundary({
    id: "app/api/comments/notifications/unsubscribe/route.ts#POST",
    schema: ReplyTokenSchema,
    url: "/api/comments/notifications/unsubscribe",
    handler: (request) => unsubscribeReplies(request),
  }),
  getBoundary({
    id: "app/api/v1/articles/route.ts#GET",
    handler: listArticles,
    input: (pool) =>
      queryInput(v1Query(pool)).map(([v, q]) => tagged(v, { url: urlWith("/api/v1/articles", q) })),
    accepts: ({ url }) => parseArticleListQuery(new URL(url).searchParams).ok,
  }),
  getBoundary({
    id: "app/api/v1/articles/[slug]/route.ts#GET",
    handler: getArticle,
    input: (pool) =>
      fc
        .tuple(segmentInput(pool.slugs.article), fc.constantFrom("", "", "", "?x=1"))
        .map(([[v, slug], query]) =>
          tagged(v, { url: `${ORIGIN}/api/v1/articles/x${query}`, params: { slug } }),
        ),
  }),
  getBoundary({
    id: "app/api/v1/tags/route.ts#GET",
    handler: listTags,
    input: () => queryInput(fc.constant({})).map(([v, q]) => tagged(v, { url: urlWith("/api/v1/tags", q) })),
    accepts: ({ url }) => new URL(url).search === "",
    runs: 25,
  }),
  ...feeds.map(([id, handler, kind]) =>
    getBoundary({
      id,
      handler,
      input: (pool) =>
        segmentInput(pool.slugs[kind]).map(([v, slug]) =>
          tagged(v, { url: `${ORIGIN}/feeds/x`, params: { slug } }),
        ),
      runs: 30,
    }),
  ),
  getBoundary({
    id: "app/media/[...key]/route.ts#GET",
    handler: mediaFile,
    input: (pool) =>
      fc
        .oneof(
          fc.constantFrom(...pool.mediaKeys).map((k) => tagged("well-formed", k.split("/").slice(1))),
          fc.array(hostileString(), { minLength: 1, maxLength: 4 }).map((key) => tagged("junk", key)),
          fc
            .constantFrom([".."], ["..", "..", "etc", "passwd"], ["%2e%2e", "x"], [""], ["a\u0000b"])
            .map((key) => tagged("broken", key)),
        )
        .map(([v, key]) => tagged(v, { url: `${ORIGIN}/media/x`, params: { key } })),
  }),
  getBoundary({
    id: "app/api/admin/authorizations/evidence/[evidenceId]/route.ts#GET",
    handler: evidenceFile,
    input: (pool) =>
      segmentInput(pool.ids.evidence).map(([v, id]) =>
        tagged(v, {
          url: `${ORIGIN}/api/admin/evidence/x`,
          params: { evidenceId: decodedSegment(id) },
        }),
      ),
    runs: 30,
  }),
  getBoundary({
    id: "app/(admin)/admin/authorizations/[id]/policy.jsonld/route.ts#GET",
    handler: authorizationPolicy,
    input: (pool) =>
      segmentInput(pool.ids.authorization).map(([v, id]) =>
        tagged(v, {
          url: `${ORIGIN}/admin/authorizations/x/policy.jsonld`,
          params: { id: decodedSegment(id) },
        }),
      ),
    runs: 30,
  }),
  getBoundary({
    id: "app/api/admin/media/route.ts#GET",
    handler: listMedia,
    input: (pool) =>
      queryInput(
        fc.record(
          {
            q: searchText,
            // The picker's cursors are base64url of "<ISO time>|<id>": real ids, NULs and junk inside.
            cursor: fc
              .tuple(
                fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                fc.oneof(fc.constantFrom(...pool.ids.media), hostileString()),
              )
              .map(([time, id]) => Buffer.from(`${time}|${id}`).toString("base64url")),
            limit: fc.integer({ min: -1, max: 70 }).map(String),
          },
          { requiredKeys: [] },
        ),
      ).map(([v, q]) => tagged(v, { url: urlWith("/api/admin/media", q) })),
  }),
  getBoundary({
    id: "app/(admin)/admin/authorizations/export/route.ts#GET",
    handler: exportAuthorizations,
    input: (pool) =>
      queryInput(
        fc.record(
          {
            what: fc.constantFrom("authorizations", "articles", "other"),
            status: fc.constantFrom("REQUESTED", "GRANTED", "EXPIRED", "REVOKED", "DENIED", "x"),
            source: fc.constantFrom(...pool.ids.source),
            endingBefore: fc.constantFrom("2026-01-01", "2031-12-31", "2026-13-45", "0000-00-00"),
            withoutEvidence: fc.constantFrom("1", "true", "on", "0"),
            page: pageNumber,
          },
          { requiredKeys: [] },
        ),
      ).map(([v, q]) => tagged(v, { url: urlWith("/admin/authorizations/export", q) })),
  }),
];

/**
 * /search, as the proxy rewrites it to its cached page and Next renders that: metadata, then the
 * page, then its markup.
 */
const searchBoundary: Boundary = {
  id: "app/(site)/search/page.tsx",
  runs: 40,
  input: (pool) =>
    queryInput(
      fc.record(
        {
          q: searchText,
          tag: fc.constantFrom(...pool.slugs.tag, "No Such Tag"),
          source: fc.constantFrom(...pool.slugs.source),
          page: pageNumber,
        },
        { requiredKeys: [] },
      ),
    ).map(([v, query]) => tagged(v, searchParamsOf(query))),
  accepts: (input) => SearchParamsSchema.safeParse(input).success,
  async send(input) {
    const query = new URLSearchParams();
    for (const [name, values] of Object.entries(input as Record<string, string | string[]>)) {
      for (const value of [values].flat()) query.append(name, value);
    }
    // The page proxy.ts renders the request at: /search itself, or /search/<key>.
    const path = searchPagePath(query);
    const key = path === "/search" ? undefined : path.slice("/search/".length);
    const props = { params: Promise.resolve({ key }) };
    await searchPage.generateMetadata(props);
    const page = await searchPage.default(props);
    await renderPage(page);
    return { status: 200, message: "" };
  },
};

/** Renders a page's element; async components inside are awaited as React's server renderer would. */
async function renderPage(element: ReactNode): Promise<string> {
  const { prerender } = await import("react-dom/static");
  const { prelude } = await prerender(createElement("div", null, element));
  return new Response(prelude).text();
}

/**
 * The query schemas the admin and archive pages parse their searchParams with, and the read each
 * page then makes with what was parsed. Each schema is meant to drop what is malformed rather than
 * fail, so neither `.parse` nor the read may throw: a throw there is a 500.
 */
const { listArticlesForDesk } = await import("@/lib/articles/desk-list");
const { listAuthorizations } = await import("@/lib/rights/authorizations/list");
const { listAuditEntries } = await import("@/lib/platform/audit/list");
const { listMedia: listMediaPage } = await import("@/lib/media/list-media");
const { listSources } = await import("@/lib/sources/list");
const { commentQueueCounts, listCommentQueue, listModerationLog } =
  await import("@/lib/comments/moderation-list");
const { listTags: listTagsPage } = await import("@/lib/taxonomy/tags");
const { listPeople } = await import("@/lib/taxonomy/people");
const { listNotices } = await import("@/lib/rights/notices/desk");
const { listJobs } = await import("@/lib/platform/jobs/job-list");
const { listOutbox, outboxKinds } = await import("@/lib/platform/outbox/list");
const { now } = await import("@/lib/platform/clock");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each read takes its own schema's output
type PageRead = (filters: any) => Promise<unknown>;
const PAGE_QUERIES: Record<string, { schema: z.ZodType; read: PageRead }> = {
  ArticleListFiltersSchema: {
    schema: (await import("@/lib/articles/schema")).ArticleListFiltersSchema,
    read: (filters) => listArticlesForDesk(admin, filters),
  },
  AuthorizationFiltersSchema: {
    schema: (await import("@/lib/rights/authorizations/schema")).AuthorizationFiltersSchema,
    read: (filters) => listAuthorizations(filters, now()),
  },
  AuditFiltersSchema: {
    schema: (await import("@/lib/platform/audit/filters")).AuditFiltersSchema,
    read: listAuditEntries,
  },
  ListMediaQuerySchema: {
    schema: (await import("@/lib/media/rules")).ListMediaQuerySchema,
    read: listMediaPage,
  },
  SourceListFiltersSchema: {
    schema: (await import("@/lib/sources/schema")).SourceListFiltersSchema,
    read: (filters) => listSources(filters),
  },
  CommentQueueFiltersSchema: {
    schema: (await import("@/lib/comments/moderation-schema")).CommentQueueFiltersSchema,
    read: (filters) => Promise.all([commentQueueCounts(filters), listCommentQueue(filters, new Date())]),
  },
  ModerationLogFiltersSchema: {
    schema: (await import("@/lib/comments/moderation-schema")).ModerationLogFiltersSchema,
    read: listModerationLog,
  },
  TagListFiltersSchema: {
    schema: (await import("@/lib/taxonomy/schema")).TagListFiltersSchema,
    read: (filters) => listTagsPage(filters),
  },
  PersonListFiltersSchema: {
    schema: (await import("@/lib/taxonomy/schema")).PersonListFiltersSchema,
    read: (filters) => listPeople(filters),
  },
  NoticeFiltersSchema: {
    schema: (await import("@/lib/rights/notices/schema")).NoticeFiltersSchema,
    read: (filters) => listNotices(filters, now()),
  },
  JobFiltersSchema: {
    schema: (await import("@/lib/platform/jobs/job-list")).JobFiltersSchema,
    read: listJobs,
  },
  OutboxFiltersSchema: {
    schema: (await import("@/lib/platform/outbox/filters")).OutboxFiltersSchema,
    read: (filters) => Promise.all([listOutbox(filters), outboxKinds()]),
  },
  ArchiveSearchParamsSchema: {
    schema: (await import("@/lib/articles/archives")).ArchiveSearchParamsSchema,
    read: async () => undefined,
  },
};

function pageQueryBoundary(name: string, { schema, read }: { schema: z.ZodType; read: PageRead }): Boundary {
  return {
    id: `page query ${name}`,
    runs: 40,
    input: (pool) => {
      const wellFormed = fromJsonSchema(inputJsonSchema(schema), hintsFor("", pool)).map((value) =>
        isRecord(value)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(asFormValue(v))]))
          : {},
      );
      return queryInput(wellFormed).map(([v, query]) => tagged(v, searchParamsOf(query)));
    },
    accepts: (input) => schema.safeParse(input).success,
    async send(input) {
      await read(schema.parse(input));
      return { status: 200, message: "" };
    },
  };
}

/** Route methods that read no input a caller controls (or are another library's), and why. */
const NO_INPUT: Record<string, string> = {
  "app/api/health/route.ts#GET": "no input",
  "app/feed.xml/route.ts#GET": "no input",
  "app/feeds/comments/route.ts#GET": "no input",
  "app/api/comments/route.ts#DELETE": "reads only the Origin header; answers 204 or 403",
  "app/api/v1/articles/route.ts#OPTIONS": "CORS preflight: echoes one header",
  "app/api/v1/articles/[slug]/route.ts#OPTIONS": "CORS preflight: echoes one header",
  "app/api/v1/tags/route.ts#OPTIONS": "CORS preflight: echoes one header",
  "app/api/auth/[...nextauth]/route.ts#GET": SELF_GUARDED_ROUTES["app/api/auth/[...nextauth]/route.ts"]!,
  "app/api/auth/[...nextauth]/route.ts#POST": SELF_GUARDED_ROUTES["app/api/auth/[...nextauth]/route.ts"]!,
  ...Object.fromEntries(
    ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].map((method) => [
      `app/api/[...path]/route.ts#${method}`,
      SELF_GUARDED_ROUTES["app/api/[...path]/route.ts"]!,
    ]),
  ),
};

const mutationBoundaries: Boundary[] = mutations.map((mutation) => {
  if (!mutation.definition) throw new Error(`${mutation.id} is not made with defineAction/defineRoute`);
  if (mutation.kind === "action") return actionBoundary(mutation.id, mutation.definition);
  const handler = mutation.handler as (request: NextRequest) => Promise<Response>;
  const url = `/${path
    .dirname(mutation.id.split("#")[0]!)
    .replace(/^app\//, "")
    .replace(/\([^)]+\)\//g, "")}`;
  return postBoundary({ id: mutation.id, schema: mutation.definition.schema, url, handler, runs: 30 });
});

const boundaries: Boundary[] = [
  ...mutationBoundaries,
  ...routeBoundaries,
  searchBoundary,
  ...Object.entries(PAGE_QUERIES).map(([name, query]) => pageQueryBoundary(name, query)),
];

// ─── The run ──────────────────────────────────────────────────────────────────

beforeAll(async () => {
  setClock(T0);
  files = await goodFiles();
  const definitionOf = (suffix: string) => mutations.find((m) => m.id.endsWith(suffix))!.definition!;
  fixtureActions = {
    createTag: definitionOf("tags/actions.ts#createTag"),
    createPerson: definitionOf("people/actions.ts#createPerson"),
    createSource: definitionOf("sources/actions.ts#createSource"),
    recordRequest: definitionOf("authorizations/actions.ts#recordRequest"),
  };
});

afterAll(async () => {
  resetClock();
  console.log(report({ seed: SEED, runsFactor: RUNS_FACTOR }));
  await rm(DATA_DIR, { recursive: true, force: true });
});

describe("boundary fuzz", () => {
  it("covers every route method that reads input, and every page query schema", async () => {
    const entries = await readdir("app", { recursive: true });
    const covered = new Set([
      ...mutations.map((m) => m.id),
      ...routeBoundaries.map((b) => b.id),
      ...Object.keys(NO_INPUT),
    ]);
    const missing: string[] = [];
    for (const entry of entries) {
      const file = path.join("app", entry);
      if (!file.endsWith(".ts") && !file.endsWith(".tsx")) continue;
      const source = await readFile(file, "utf8");
      if (path.basename(file) === "route.ts") {
        const methods =
          /export (?:async function|function|const) (GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g;
        for (const [, method] of source.matchAll(methods)) {
          if (!covered.has(`${file}#${method}`)) missing.push(`${file}#${method}`);
        }
        for (const [, names] of source.matchAll(/export \{([^}]+)\}/g)) {
          for (const [, method] of names!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) {
            if (!covered.has(`${file}#${method}`)) missing.push(`${file}#${method}`);
          }
        }
      }
      if (path.basename(file) === "page.tsx") {
        for (const [, name] of source.matchAll(/(\w+Schema)\.parse\(/g)) {
          if (!(name! in PAGE_QUERIES)) missing.push(`${file}: ${name}`);
        }
      }
    }
    expect(missing, "fuzz these boundaries, or say why they read no input").toEqual([]);
  });

  it("notices an insert, an update, a delete and a stored file", async () => {
    const { db } = await import("@/lib/platform/db");
    const step = async (write: () => Promise<unknown>) => {
      const before = await fingerprint(UPLOADS);
      await write();
      return changedTables(before, await fingerprint(UPLOADS));
    };
    const tag = { name: "Fingerprint probe", slug: "fingerprint-probe" };
    expect(await step(() => db.tag.create({ data: tag }))).toEqual(["Tag"]);
    expect(await step(() => db.tag.update({ where: { slug: tag.slug }, data: { name: "Renamed" } }))).toEqual(
      ["Tag"],
    );
    expect(await step(() => db.tag.delete({ where: { slug: tag.slug } }))).toEqual(["Tag"]);
    expect(await step(() => mkdir(path.join(UPLOADS, "probe"), { recursive: true }))).toEqual(["files"]);
    expect(await step(async () => undefined)).toEqual([]);
  });

  for (const boundary of boundaries) {
    it(boundary.id, { timeout: 120_000 }, async () => {
      // A fresh admin each time: earlier boundaries may have reset, demoted or signed out the last one.
      admin = await createTestUser("ADMIN");
      signedIn.user = admin;
      await ensureFixtures(admin, fixtureActions, files);
      const problems = await fuzz(boundary, await readPool(), {
        seed: SEED,
        runsFactor: RUNS_FACTOR,
        filesRoot: UPLOADS,
      });
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
});
