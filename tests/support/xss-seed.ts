// Puts every payload of the XSS corpus through every place text enters Crosscurrent, through
// the real boundaries: the desk's server actions (each one's permission check, zod schema and
// work, run with runAction as an admin against the database of the app under test, which hears
// of every change through the app's own cache invalidation, PostgreSQL NOTIFY), and the public
// comment endpoint over HTTP. Import this module only once DATABASE_URL names that database.
//
// A payload a schema refuses is recorded as refused at that place (the field then gets a plain
// fallback, so the payload's other places are still tried). Whatever is accepted is stored
// exactly as the app stores it, and rendered by tests/e2e/xss.test.ts.
import { randomBytes } from "node:crypto";
import * as articleActions from "@/app/(admin)/admin/articles/actions";
import * as authorizationActions from "@/app/(admin)/admin/authorizations/actions";
import * as commentActions from "@/app/(admin)/admin/comments/actions";
import * as peopleActions from "@/app/(admin)/admin/people/actions";
import * as sourceActions from "@/app/(admin)/admin/sources/actions";
import * as tagActions from "@/app/(admin)/admin/tags/actions";
import { runAction, type ActionDefinition } from "@/lib/platform/actions/run-action";
import type { ActionResult } from "@/lib/platform/actions/result";
import { db } from "@/lib/platform/db";
import type { ArticleBlock, ArticleInline } from "@/lib/editor/body-schema";
import { validateArticleBody } from "@/lib/editor/body-schema";
import { openSession } from "@/lib/platform/auth/sessions";
import { userForSession, type CurrentUser } from "@/lib/platform/session";
import { TAG_KINDS } from "@/lib/taxonomy/kinds";
import { mapLimit } from "./map-limit";
import type { XssPayload } from "./xss-payloads";

/** Every place a payload is tried, in report order. */
export const PLACES = [
  "comment name",
  "comment website",
  "comment body",
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
  "tag description",
  "tag slug",
  "person name",
  "person native name",
  "person bio",
  "person slug",
  "source name",
  "source slug",
  "source web address",
  "source description",
  "source platform id",
  "source contact name",
  "source contact email",
  "source contact WeChat",
  "source notes",
  "authorization attribution text",
  "authorization grantor statement",
  "authorization territories",
  "authorization channels",
  "authorization scope author name",
  "authorization revocation reason",
  "evidence URL",
  "evidence note",
  "import text",
  "search query",
] as const;

export type Place = (typeof PLACES)[number];

/** What the boundary did with each payload at each place. */
export class Ledger {
  readonly accepted = new Map<Place, Set<number>>(PLACES.map((p) => [p, new Set<number>()]));
  readonly refused = new Map<Place, Map<number, string>>(PLACES.map((p) => [p, new Map<number, string>()]));
  /** Accepted payloads seen on at least one visited page, per place. */
  readonly rendered = new Map<Place, Set<number>>(PLACES.map((p) => [p, new Set<number>()]));

  accept(place: Place, n: number) {
    this.refused.get(place)!.delete(n);
    this.accepted.get(place)!.add(n);
  }

  refuse(place: Place, n: number, why: string) {
    this.accepted.get(place)!.delete(n);
    this.refused.get(place)!.set(n, why);
  }

  shown(place: Place, n: number) {
    if (this.accepted.get(place)!.has(n)) this.rendered.get(place)!.add(n);
  }

  count(map: Map<Place, Set<number> | Map<number, string>>): number {
    let total = 0;
    for (const value of map.values()) total += value.size;
    return total;
  }
}

/** Everything made for one payload. */
export interface PayloadEntities {
  payload: XssPayload;
  tag: { id: string; slug: string };
  person: { id: string; slug: string };
  source: { id: string; slug: string };
  /** The grant the reprint is published under (revoked later, keeping the article up). */
  grant: { id: string };
  /** A request scoped to an author, left undecided. */
  request: { id: string };
  /** The draft the import made; null when the importer refused the text. */
  imported: { id: string; blocks: ArticleBlock[] } | null;
  article: { id: string; slug: string; title: string };
  /** The body blocks carrying the payload (also collected into the corpus article). */
  blocks: ArticleBlock[];
  /** The reader's comment as the endpoint answered it (id, name, website, body...). */
  comment: Record<string, unknown> | null;
}

export interface Seeded {
  entities: PayloadEntities[];
  corpus: { id: string; slug: string };
}

// ---------------------------------------------------------------------------------------------

const run = randomBytes(3).toString("hex");

type Definition = ActionDefinition;
const def = (action: unknown): Definition => (action as { definition: Definition }).definition;

type Outcome<T> = ActionResult<T> | { ok: false; code: "THREW"; message: string };

/** Server errors where a refusal was due (an action threw, the endpoint answered 5xx). */
export const escapedErrors: Array<{ n: number | null; message: string }> = [];

async function act<T = unknown>(
  actor: CurrentUser,
  action: unknown,
  input: unknown,
  n: number | null = null,
): Promise<Outcome<T>> {
  for (let attempt = 1; ; attempt++) {
    let result: Outcome<T>;
    try {
      result = (await runAction(def(action), actor, input, "127.0.0.1")) as ActionResult<T>;
    } catch (error) {
      // A server error where a refusal was due: the work threw instead of answering.
      const message = (error as Error).message.split("\n").filter(Boolean).at(-1) ?? String(error);
      escapedErrors.push({ n, message });
      return { ok: false, code: "THREW", message };
    }
    // Two articles whose titles make the same slug, created at once, race for it and one is
    // refused as if it had been saved twice: a race with another payload, not a refusal of this
    // one. The desk's answer says to try again, which is what happens here.
    if (!result.ok && result.code === "CONFLICT" && /saved already/.test(result.message) && attempt < 4) {
      slugRaces.push({ n, message: result.message });
      continue;
    }
    return result;
  }
}

/** Article creations that lost a race for their slug to a parallel one (and were retried). */
export const slugRaces: Array<{ n: number | null; message: string }> = [];

function failure(result: Outcome<unknown>): string {
  return result.ok ? "" : `${result.code}: ${result.message}`;
}

interface FieldTry {
  place: Place;
  key: string;
  value: unknown;
  /** Used when the payload is refused; undefined leaves the field out. */
  fallback?: unknown;
}

/**
 * Which of `tries` the action's own schema refuses, each field tried alone on `base` (a valid
 * input): those are recorded as refused and replaced by their fallback. Returns the input with
 * every accepted payload in it.
 */
function screen(
  ledger: Ledger,
  n: number,
  action: unknown,
  base: Record<string, unknown>,
  tries: FieldTry[],
) {
  const schema = def(action).schema;
  const input: Record<string, unknown> = { ...base };
  for (const t of tries) {
    const parsed = schema.safeParse({ ...base, [t.key]: t.value });
    if (parsed.success) {
      ledger.accept(t.place, n);
      input[t.key] = t.value;
    } else {
      const issue = parsed.error.issues[0];
      ledger.refuse(t.place, n, `${issue?.path.join(".") || "input"}: ${issue?.message ?? "refused"}`);
      if (t.fallback === undefined) delete input[t.key];
      else input[t.key] = t.fallback;
    }
  }
  return input;
}

/** Runs the action with the screened input; if the work itself refuses, falls back entirely. */
async function create<T>(
  ledger: Ledger,
  n: number,
  actor: CurrentUser,
  action: unknown,
  base: Record<string, unknown>,
  tries: FieldTry[],
): Promise<T> {
  const input = screen(ledger, n, action, base, tries);
  const result = await act<T>(actor, action, input, n);
  if (result.ok) return result.data as T;
  // Refused past the schema (a name clash, say): every payload of this call counts as refused.
  const why = failure(result);
  for (const t of tries) if (ledger.accepted.get(t.place)!.has(n)) ledger.refuse(t.place, n, why);
  const plain: Record<string, unknown> = { ...base };
  for (const t of tries) if (t.fallback !== undefined) plain[t.key] = t.fallback;
  const retry = await act<T>(actor, action, plain, n);
  if (!retry.ok) throw new Error(`Could not create a plain fallback for payload ${n}: ${failure(retry)}`);
  return retry.data as T;
}

// Body blocks ---------------------------------------------------------------------------------

const bodyOk = (content: ArticleBlock[]) => validateArticleBody({ type: "doc", content });

function bodyTry(ledger: Ledger, place: Place, n: number, content: ArticleBlock[]): boolean {
  const checked = bodyOk(content);
  if (checked.ok) ledger.accept(place, n);
  else ledger.refuse(place, n, `body ${checked.path.join(".")}: ${checked.message}`);
  return checked.ok;
}

/** The payload as article body: text under every mark, a heading, a quote, a list, a link, an image. */
function payloadBlocks(ledger: Ledger, { n, text }: XssPayload): ArticleBlock[] {
  const marked: ArticleBlock[] = [
    {
      type: "paragraph",
      content: [
        { type: "text", text: `xsscorpus ${n}: ` },
        { type: "text", text, marks: [{ type: "bold" }, { type: "italic" }] },
      ],
    },
    {
      type: "heading",
      attrs: { level: 2 },
      content: [{ type: "text", text, marks: [{ type: "underline" }] }],
    },
    {
      type: "blockquote",
      content: [{ type: "paragraph", content: [{ type: "text", text, marks: [{ type: "strike" }] }] }],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }],
    },
  ];
  const blocks: ArticleBlock[] = bodyTry(ledger, "body text with marks", n, marked)
    ? marked
    : [{ type: "paragraph", content: [{ type: "text", text: `xsscorpus ${n}: (text refused)` }] }];

  const link = (href: string, title: string | null): ArticleBlock => ({
    type: "paragraph",
    content: [
      {
        type: "text",
        text: `link ${n}`,
        marks: [{ type: "link", attrs: { href, target: "_blank", rel: null, class: null, title } }],
      } as unknown as ArticleInline,
    ],
  });
  const fallbackHref = `https://example.org/xss/${n}`;
  const href = bodyTry(ledger, "body link href", n, [link(text, null)]) ? text : fallbackHref;
  const title = bodyTry(ledger, "body link title", n, [link(fallbackHref, text)]) ? text : null;
  blocks.push(link(href, title));

  const image = (src: string, alt: string, imageTitle: string | null): ArticleBlock => ({
    type: "image",
    attrs: { src, alt, title: imageTitle, width: null, height: null },
  });
  const fallbackSrc = `/media/xss/${n}.png`;
  const src = bodyTry(ledger, "body image src", n, [image(text, `image ${n}`, null)]) ? text : fallbackSrc;
  const altOk = bodyTry(ledger, "body image alt and title", n, [image(fallbackSrc, text, text)]);
  blocks.push(image(src, altOk ? text : `image ${n}`, altOk ? text : null));
  return blocks;
}

// Comments ------------------------------------------------------------------------------------

async function postComment(
  baseUrl: string,
  ledger: Ledger,
  { n, text }: XssPayload,
  articleId: string,
): Promise<Record<string, unknown> | null> {
  // A reader of their own (address and email), so no rate limit is shared; a new one per attempt.
  const post = async (fields: Record<string, string>, attempt: number) => {
    const address = `10.${70 + attempt}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    const response = await fetch(`${baseUrl}/api/comments`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": address, Origin: baseUrl },
      body: JSON.stringify({
        articleId,
        email: `xss-${run}-${n}-${attempt}@example.org`,
        website2: "",
        ...fields,
      }),
    });
    const json = (await response.json().catch(() => ({}))) as {
      comment?: Record<string, unknown>;
      error?: { code?: string; message?: string; fieldErrors?: Record<string, string> };
    };
    return { status: response.status, json };
  };
  const fields: Record<string, string> = { name: text, website: text, body: text };
  const places: Array<[string, Place, string]> = [
    ["name", "comment name", `Reader ${n}`],
    ["website", "comment website", ""],
    ["body", "comment body", `Comment ${n}.`],
  ];
  for (let attempt = 0; attempt < 4; attempt++) {
    const { status, json } = await post(fields, attempt);
    if (status === 201 || status === 202) {
      for (const [key, place] of places) if (fields[key] === text) ledger.accept(place, n);
      return json.comment ?? null;
    }
    const fieldErrors = json.error?.fieldErrors ?? {};
    const refusedKeys = Object.keys(fieldErrors).filter((key) => fields[key] === text);
    if (status >= 500) escapedErrors.push({ n, message: `POST /api/comments answered ${status}` });
    if (status !== 400 || refusedKeys.length === 0) {
      // Not a field refusal (a server error, say): every payload still in the form was refused.
      for (const [key, place, fallback] of places) {
        if (fields[key] === text) {
          ledger.refuse(
            place,
            n,
            `HTTP ${status} ${json.error?.code ?? ""}: ${json.error?.message ?? "no message"}`,
          );
          fields[key] = fallback;
        }
      }
      continue;
    }
    for (const [key, place, fallback] of places) {
      if (refusedKeys.includes(key)) {
        ledger.refuse(place, n, `HTTP 400: ${fieldErrors[key]}`);
        fields[key] = fallback;
      }
    }
  }
  throw new Error(`The comment for payload ${n} was refused even without its payload.`);
}

// ---------------------------------------------------------------------------------------------

export async function adminActor(email: string): Promise<CurrentUser> {
  const { id, sessionVersion } = await db.user.findUniqueOrThrow({ where: { email } });
  const actor = await userForSession(id, sessionVersion, await openSession(id));
  if (!actor) throw new Error(`${email} is not an active staff member.`);
  return actor;
}

const DAY = 24 * 60 * 60 * 1000;

async function seedPayload(
  actor: CurrentUser,
  ledger: Ledger,
  payload: XssPayload,
): Promise<Omit<PayloadEntities, "comment">> {
  const { n, text } = payload;

  const tag = await create<{ id: string; slug: string }>(
    ledger,
    n,
    actor,
    tagActions.createTag,
    { name: `xss tag ${n} ${run}`, kind: TAG_KINDS[n % TAG_KINDS.length] },
    [
      { place: "tag name", key: "name", value: text, fallback: `xss tag ${n} ${run}` },
      { place: "tag description", key: "description", value: text },
      { place: "tag slug", key: "slug", value: text },
    ],
  );

  const person = await create<{ id: string; slug: string; name: string }>(
    ledger,
    n,
    actor,
    peopleActions.createPerson,
    { name: `xss person ${n} ${run}` },
    [
      { place: "person name", key: "name", value: text, fallback: `xss person ${n} ${run}` },
      // Suffixed: an author page shows the native name only when it differs from the name.
      { place: "person native name", key: "nativeName", value: `${text} (native)` },
      { place: "person bio", key: "bio", value: text },
      { place: "person slug", key: "slug", value: text },
    ],
  );

  const source = await create<{ id: string; slug: string }>(
    ledger,
    n,
    actor,
    sourceActions.createSource,
    { name: `xss source ${n} ${run}`, kind: "WEBSITE" },
    [
      { place: "source name", key: "name", value: text, fallback: `xss source ${n} ${run}` },
      { place: "source slug", key: "slug", value: text },
      { place: "source web address", key: "url", value: text },
      { place: "source description", key: "description", value: text },
      { place: "source platform id", key: "platformId", value: text },
      { place: "source contact name", key: "contactName", value: text },
      { place: "source contact email", key: "contactEmail", value: text },
      { place: "source contact WeChat", key: "contactWechat", value: text },
      { place: "source notes", key: "notes", value: text },
    ],
  );

  // The grant the reprint goes out under: every term a payload, kept up when revoked.
  const validFrom = new Date(Date.now() - DAY);
  const grant = await create<{ id: string }>(
    ledger,
    n,
    actor,
    authorizationActions.recordRequest,
    {
      sourceId: source.id,
      scope: "WHOLE_SOURCE",
      validFrom,
      attributionRequired: true,
      attributionText: `Reprinted by permission ${n}.`,
      linkBackRequired: true,
      onTermination: "KEEP_EXISTING",
    },
    [
      {
        place: "authorization attribution text",
        key: "attributionText",
        value: text,
        fallback: `Reprinted by permission ${n}.`,
      },
      { place: "authorization grantor statement", key: "grantorStatement", value: text },
      { place: "authorization territories", key: "territories", value: [text] },
      { place: "authorization channels", key: "channels", value: [text] },
    ],
  );
  await create(
    ledger,
    n,
    actor,
    authorizationActions.addEvidenceUrl,
    { authorizationId: grant.id, url: `https://example.org/evidence/${n}` },
    [
      { place: "evidence URL", key: "url", value: text, fallback: `https://example.org/evidence/${n}` },
      { place: "evidence note", key: "note", value: text },
    ],
  );
  const { version } = await db.reprintAuthorization.findUniqueOrThrow({
    where: { id: grant.id },
    select: { version: true },
  });
  const granted = await act(actor, authorizationActions.grantAuthorization, { id: grant.id, version });
  if (!granted.ok) throw new Error(`Grant for payload ${n} refused: ${failure(granted)}`);

  // A second request, scoped to an author named by the payload, left undecided.
  const request = await create<{ id: string }>(
    ledger,
    n,
    actor,
    authorizationActions.recordRequest,
    {
      sourceId: source.id,
      scope: "AUTHOR",
      scopeAuthorName: `xss author ${n}`,
      validFrom,
      attributionRequired: false,
    },
    [
      {
        place: "authorization scope author name",
        key: "scopeAuthorName",
        value: text,
        fallback: `xss author ${n}`,
      },
    ],
  );

  // Pasted text: a title line, a source line naming the payload's source, a byline, a paragraph.
  const importText = `${text}\nSource: ${text}\nBy ${text}\n\n${text}\n\nxsscorpus import ${n}.\n`;
  const importResult = await act<never>(actor, articleActions.importReprint, { text: importText }, n);
  let imported: PayloadEntities["imported"] = null;
  if (importResult.ok && importResult.redirectTo) {
    ledger.accept("import text", n);
    const id = importResult.redirectTo.split("/").at(-1)!;
    const draft = await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } });
    imported = { id, blocks: (draft.body as { content: ArticleBlock[] }).content };
  } else {
    ledger.refuse("import text", n, failure(importResult));
  }

  const blocks = payloadBlocks(ledger, payload);
  const body = { type: "doc", content: blocks };
  const original = `https://example.org/original/${n}`;
  const article = await create<{ id: string; version: number; slug: string; title: string }>(
    ledger,
    n,
    actor,
    articleActions.createArticle,
    {
      title: `xss article ${n} ${run}`,
      body,
      kind: "REPRINT",
      sourceId: source.id,
      authorizationId: grant.id,
      originalUrl: original,
      bylines: [{ personId: person.id, role: "AUTHOR" }],
      tagIds: [tag.id],
    },
    [
      { place: "article title", key: "title", value: text, fallback: `xss article ${n} ${run}` },
      { place: "article excerpt", key: "excerpt", value: text },
      { place: "article slug", key: "slug", value: text },
      { place: "article original title", key: "originalTitle", value: text },
      { place: "article original URL", key: "originalUrl", value: text, fallback: original },
    ],
  );
  // A draft has no address until it goes public: the published state names it.
  const published = await act<{ server: { slug: string } }>(actor, articleActions.publishArticle, {
    id: article.id,
    version: article.version,
  });
  if (!published.ok) throw new Error(`Publishing payload ${n}'s article refused: ${failure(published)}`);

  // Revoked with the payload as the reason; the grant keeps existing reprints up.
  const current = await db.reprintAuthorization.findUniqueOrThrow({
    where: { id: grant.id },
    select: { version: true },
  });
  await create(
    ledger,
    n,
    actor,
    authorizationActions.revokeAuthorization,
    { id: grant.id, version: current.version, reason: `Revoked for the XSS corpus ${n}.` },
    [
      {
        place: "authorization revocation reason",
        key: "reason",
        value: text,
        fallback: `Revoked for the XSS corpus ${n}.`,
      },
    ],
  );

  return {
    payload,
    tag,
    person,
    source,
    grant,
    request,
    imported,
    article: { id: article.id, slug: published.data!.server.slug, title: article.title },
    blocks,
  };
}

/** Creates everything, posts the comments, and returns what the visits need. */
export async function seedCorpus(options: {
  baseUrl: string;
  actor: CurrentUser;
  ledger: Ledger;
  payloads: readonly XssPayload[];
}): Promise<Seeded> {
  const { actor, ledger, payloads, baseUrl } = options;
  const made = await mapLimit(payloads, 6, (payload) => seedPayload(actor, ledger, payload));

  // One article whose body holds every payload's blocks and every import's output.
  const content = made.flatMap((m) => [...m.blocks, ...(m.imported?.blocks ?? [])]);
  const corpusArticle = await act<{ id: string; version: number; slug: string }>(
    actor,
    articleActions.createArticle,
    {
      title: `XSS corpus ${run}: every payload in one body`,
      excerpt: "Every payload of the corpus as text, marks, links and images, and every import's output.",
      body: { type: "doc", content },
    },
  );
  if (!corpusArticle.ok) throw new Error(`Corpus article refused: ${failure(corpusArticle)}`);
  const publishedCorpus = await act<{ server: { slug: string } }>(actor, articleActions.publishArticle, {
    id: corpusArticle.data!.id,
    version: corpusArticle.data!.version,
  });
  if (!publishedCorpus.ok) throw new Error(`Corpus article not published: ${failure(publishedCorpus)}`);

  const comments = await mapLimit(made, 6, (m) => postComment(baseUrl, ledger, m.payload, m.article.id));
  return {
    entities: made.map((m, i) => ({ ...m, comment: comments[i] ?? null })),
    corpus: { id: corpusArticle.data!.id, slug: publishedCorpus.data!.server.slug },
  };
}

/** Approves the readers' comments (held as first comments) as an editor would, in bulk. */
export async function approveComments(actor: CurrentUser, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 200) {
    const result = await act(actor, commentActions.bulkModerateComments, {
      ids: ids.slice(i, i + 200),
      decision: "approve",
    });
    if (!result.ok) throw new Error(`Approving comments refused: ${failure(result)}`);
  }
}

export async function disconnect(): Promise<void> {
  await db.$disconnect();
}
