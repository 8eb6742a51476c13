// Real rows for the boundary fuzz, so generated ids sometimes name something that exists and the
// handlers get past their lookups. Fuzzed actions delete, merge, archive and erase, so the pool
// is topped up before each boundary, and re-read so ids, slugs and emails are current.
import sharp from "sharp";
import { runAction, type ActionDefinition } from "@/lib/platform/actions/run-action";
import { publishArticle } from "@/lib/articles/workflow";
import { addEvidenceFile } from "@/lib/rights/authorizations/lifecycle";
import { db } from "@/lib/platform/db";
import { processUpload } from "@/lib/media/process-upload";
import type { CurrentUser } from "@/lib/platform/session";
import { context, createTestArticle } from "./articles";
import { createTestUser } from "./users";

export type Table =
  | "article"
  | "revision"
  | "tag"
  | "person"
  | "source"
  | "authorization"
  | "evidence"
  | "comment"
  | "media"
  | "user";

export interface Pool {
  ids: Record<Table, string[]>;
  publishedArticleIds: string[];
  /** The current version of every article and authorization, by id. */
  versions: Record<string, number>;
  /** Every revision with its article, for restores that name a matching pair. */
  revisions: Array<{ id: string; articleId: string }>;
  slugs: { article: string[]; tag: string[]; person: string[]; source: string[] };
  /** Commenters' and staff addresses: what the commenter-data actions look up. */
  emails: string[];
  /** Storage keys of media originals and variants, as /media/<…> serves them. */
  mediaKeys: string[];
}

export interface GoodFile {
  bytes: Uint8Array;
  name: string;
  type: string;
}

/** A small real PNG and JPEG (decodable by sharp) and a minimal PDF. */
export async function goodFiles(): Promise<GoodFile[]> {
  const pixels = Buffer.alloc(24 * 16 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 256;
  const image = () => sharp(pixels, { raw: { width: 24, height: 16, channels: 3 } });
  return [
    { bytes: new Uint8Array(await image().png().toBuffer()), name: "photo.png", type: "image/png" },
    { bytes: new Uint8Array(await image().jpeg().toBuffer()), name: "photo.jpg", type: "image/jpeg" },
    {
      bytes: new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
      name: "letter.pdf",
      type: "application/pdf",
    },
  ];
}

export interface FixtureActions {
  createTag: ActionDefinition;
  createPerson: ActionDefinition;
  createSource: ActionDefinition;
  recordRequest: ActionDefinition;
}

let serial = 0;
const next = () => ++serial;

async function must(definition: ActionDefinition, actor: CurrentUser, input: unknown) {
  const result = await runAction(definition, actor, input, "127.0.0.1");
  if (!result.ok) throw new Error(`fixture refused: ${result.message}`);
  return result;
}

/** Tops the database up to a few rows of every kind the fuzzed boundaries look up. */
export async function ensureFixtures(admin: CurrentUser, actions: FixtureActions, files: GoodFile[]) {
  const ctx = context(admin);
  const png = files[0]!;
  const pdf = files.find((f) => f.type === "application/pdf")!;
  const need = async (count: Promise<number>, min: number, make: () => Promise<unknown>) => {
    for (let have = await count; have < min; have++) await make();
  };

  await need(db.user.count({ where: { active: true, role: { not: "ADMIN" } } }), 2, () =>
    createTestUser(next() % 2 ? "EDITOR" : "WRITER"),
  );
  await need(db.tag.count(), 4, () => must(actions.createTag, admin, { name: `Fixture tag ${next()}` }));
  await need(db.person.count(), 4, () =>
    must(actions.createPerson, admin, { name: `Fixture person ${next()}` }),
  );
  await need(db.source.count(), 3, () =>
    must(actions.createSource, admin, { name: `Fixture source ${next()}`, kind: "NEWSPAPER" }),
  );
  await need(db.article.count({ where: { status: "DRAFT" } }), 3, () =>
    createTestArticle(admin, { title: `Fixture draft ${next()}` }),
  );
  await need(db.article.count({ where: { status: "PUBLISHED" } }), 3, async () => {
    const article = await createTestArticle(admin, { title: `Fixture story ${next()}` });
    await publishArticle(article, ctx);
  });
  const source = await db.source.findFirstOrThrow({ select: { id: true } });
  await need(db.reprintAuthorization.count({ where: { status: "REQUESTED" } }), 2, () =>
    must(actions.recordRequest, admin, {
      sourceId: source.id,
      validFrom: "2026-01-01",
      attributionText: "First published by the source.",
    }),
  );
  await need(db.authorizationEvidence.count({ where: { storageKey: { not: null } } }), 2, async () => {
    const request = await db.reprintAuthorization.findFirstOrThrow({ select: { id: true } });
    const file = new File([pdf.bytes as Uint8Array<ArrayBuffer>], pdf.name, { type: pdf.type });
    await addEvidenceFile(
      { authorizationId: request.id, kind: "FILE", file, capturedAt: null, note: "" },
      ctx,
    );
  });
  await need(db.media.count(), 2, () =>
    processUpload(new File([png.bytes as Uint8Array<ArrayBuffer>], png.name), png.name, "A fixture", admin),
  );
  const published = await db.article.findFirstOrThrow({
    where: { status: "PUBLISHED" },
    select: { id: true },
  });
  for (const status of ["APPROVED", "PENDING"] as const) {
    await need(db.comment.count({ where: { status } }), 3, () =>
      db.comment.create({
        data: {
          articleId: published.id,
          authorName: `Reader ${next()}`,
          authorEmail: `reader-${serial}@fixture.example`,
          body: `A fixture comment, number ${serial}.`,
          status,
        },
      }),
    );
  }
}

/** The ids, slugs, emails and storage keys of what exists now. */
export async function readPool(): Promise<Pool> {
  const [articles, revisions, authorizations, evidence, tags, people, sources, comments, users, media] =
    await Promise.all([
      db.article.findMany({ select: { id: true, slug: true, status: true, version: true } }),
      db.articleRevision.findMany({ select: { id: true, articleId: true } }),
      db.reprintAuthorization.findMany({ select: { id: true, version: true } }),
      db.authorizationEvidence.findMany({ select: { id: true } }),
      db.tag.findMany({ select: { id: true, slug: true } }),
      db.person.findMany({ select: { id: true, slug: true } }),
      db.source.findMany({ select: { id: true, slug: true } }),
      db.comment.findMany({ select: { id: true, authorEmail: true } }),
      db.user.findMany({ select: { id: true, email: true } }),
      db.media.findMany({ select: { id: true, storageKey: true, variants: true } }),
    ]);
  const variantKeys = media.flatMap((m) =>
    Array.isArray(m.variants) ? m.variants.map((v) => (v as { storageKey?: string }).storageKey ?? "") : [],
  );
  return {
    ids: {
      article: articles.map((a) => a.id),
      revision: revisions.map((r) => r.id),
      tag: tags.map((t) => t.id),
      person: people.map((p) => p.id),
      source: sources.map((s) => s.id),
      authorization: authorizations.map((a) => a.id),
      evidence: evidence.map((e) => e.id),
      comment: comments.map((c) => c.id),
      media: media.map((m) => m.id),
      user: users.map((u) => u.id),
    },
    publishedArticleIds: articles.filter((a) => a.status === "PUBLISHED").map((a) => a.id),
    versions: Object.fromEntries([...articles, ...authorizations].map((row) => [row.id, row.version])),
    revisions,
    slugs: {
      article: articles.map((a) => a.slug),
      tag: tags.map((t) => t.slug),
      person: people.map((p) => p.slug),
      source: sources.map((s) => s.slug),
    },
    emails: [...new Set([...comments.map((c) => c.authorEmail), ...users.map((u) => u.email)])],
    mediaKeys: [...media.map((m) => m.storageKey), ...variantKeys.filter(Boolean)],
  };
}
