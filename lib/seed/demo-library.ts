// Writes the demo library (demo-library-data.ts) beside the seed reprint: its tags, people,
// sources with the authorizations that cover their pieces, the pieces themselves with their first
// revision, two featured images drawn here and stored like uploads, and approved comments with
// replies. Few round trips: it runs on the first start of every empty database, tests included.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import type { Prisma } from "@/lib/generated/prisma/client";
import { documentFromBlocks, documentToPlainText } from "@/lib/editor/document";
import { removeFiles, storeImage, type StoredImage } from "@/lib/media/process-upload";
import { slugify } from "@/lib/platform/slug";
import { DEFAULT_SITE_IDENTITY } from "@/lib/site/identity-fields";
import {
  DEMO_LIBRARY_PEOPLE,
  DEMO_LIBRARY_PIECES,
  DEMO_LIBRARY_SOURCES,
  DEMO_LIBRARY_TAGS,
  type DemoComment,
  type DemoPiece,
} from "./demo-library-data";

type Tx = Prisma.TransactionClient;

const CARD = { width: 1200, height: 630 } as const;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Greedy line breaks at `max` characters: enough for a title on a card. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** A typographic card: a diagonal gradient, a kicker, the title and the site's name. */
function cardSvg(piece: DemoPiece & { card: NonNullable<DemoPiece["card"]> }): string {
  const title = wrap(piece.title, 26)
    .map((line, i) => `<tspan x="80" dy="${i === 0 ? 0 : 84}">${escapeXml(line)}</tspan>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${piece.card.from}"/><stop offset="1" stop-color="${piece.card.to}"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <rect x="80" y="96" width="72" height="6" fill="#fdfcf9"/>
  <text x="80" y="160" font-family="DejaVu Sans, sans-serif" font-size="30" letter-spacing="4" fill="#fdfcf9">${escapeXml(piece.card.kicker.toUpperCase())}</text>
  <text x="80" y="270" font-family="DejaVu Serif, serif" font-weight="bold" font-size="68" fill="#fdfcf9">${title}</text>
  <text x="80" y="560" font-family="DejaVu Serif, serif" font-size="30" fill="#fdfcf9" opacity="0.85">${escapeXml(DEFAULT_SITE_IDENTITY.title)}</text>
</svg>`;
}

/** Draws each piece's card and stores it through the media storage, as an upload would be. */
export async function drawDemoImages(): Promise<Map<string, StoredImage>> {
  const pieces = DEMO_LIBRARY_PIECES.filter(
    (piece): piece is DemoPiece & { card: NonNullable<DemoPiece["card"]> } => piece.card !== undefined,
  );
  const stored = await Promise.all(
    pieces.map(async (piece) => {
      const jpeg = await sharp(Buffer.from(cardSvg(piece)))
        .jpeg({ quality: 85 })
        .toBuffer();
      return [piece.key, await storeImage(new Uint8Array(jpeg), `${piece.key}.jpg`, piece.card.alt)] as const;
    }),
  );
  return new Map(stored);
}

/** Removes the drawn images' files when the seed's transaction did not commit. */
export async function discardDemoImages(images: Map<string, StoredImage>): Promise<void> {
  await removeFiles([...images.values()].flatMap((image) => image.keys));
}

function hoursAfter(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}

/** Ids by name, for rows created by name (tags, people). */
async function idsByName(
  rows: Promise<Array<{ id: string; name: string }>>,
  names: readonly string[],
  what: string,
): Promise<Map<string, string>> {
  const map = new Map((await rows).map((row) => [row.name, row.id]));
  const missing = names.filter((name) => !map.has(name));
  if (missing.length)
    throw new Error(`The demo library names ${what} that do not exist: ${missing.join(", ")}`);
  return map;
}

export async function seedDemoLibrary(
  tx: Tx,
  { adminId, images }: { adminId: string; images: Map<string, StoredImage> },
): Promise<void> {
  const pieces = DEMO_LIBRARY_PIECES;
  const tagNames = [...new Set(pieces.flatMap((piece) => piece.tags))];
  const personNames = [
    ...new Set(pieces.flatMap((piece) => [...piece.authors, ...(piece.translators ?? [])])),
  ];

  await tx.tag.createMany({
    data: DEMO_LIBRARY_TAGS.map((tag) => ({ ...tag, slug: slugify(tag.name) })),
    skipDuplicates: true,
  });
  await tx.person.createMany({
    data: DEMO_LIBRARY_PEOPLE.map((person) => ({ ...person, slug: slugify(person.name) })),
    skipDuplicates: true,
  });
  const [tagIds, personIds] = await Promise.all([
    idsByName(
      tx.tag.findMany({ where: { name: { in: tagNames } }, select: { id: true, name: true } }),
      tagNames,
      "tags",
    ),
    idsByName(
      tx.person.findMany({ where: { name: { in: personNames } }, select: { id: true, name: true } }),
      personNames,
      "people",
    ),
  ]);

  const sources = new Map<string, { sourceId: string; authorizationId: string }>();
  for (const source of DEMO_LIBRARY_SOURCES) {
    const { authorization: terms } = source;
    const coveredPiece = terms.pieceKey ? pieces.find((piece) => piece.key === terms.pieceKey) : undefined;
    const validFrom = new Date(terms.validFrom);
    const created = await tx.source.create({
      data: {
        name: source.name,
        slug: slugify(source.name),
        kind: source.kind,
        url: source.url,
        description: source.description,
        authorizations: {
          create: {
            scope: terms.scope,
            scopeUrl: coveredPiece?.reprint?.originalUrl ?? null,
            status: "GRANTED",
            validFrom,
            attributionRequired: true,
            attributionText: terms.attributionText,
            linkBackRequired: terms.linkBackRequired,
            modificationAllowed: terms.modificationAllowed,
            translationAllowed: terms.translationAllowed,
            grantorStatement: terms.grantorStatement,
            requestedAt: validFrom,
            requestedById: adminId,
            decidedAt: validFrom,
            decidedById: adminId,
            evidence: {
              create: {
                kind: "URL",
                url: source.url,
                note: terms.evidenceNote,
                capturedAt: validFrom,
                createdById: adminId,
              },
            },
            events: {
              create: { type: "GRANTED", fromStatus: "REQUESTED", toStatus: "GRANTED", actorId: adminId },
            },
          },
        },
      },
      select: { id: true, authorizations: { select: { id: true } } },
    });
    sources.set(source.key, { sourceId: created.id, authorizationId: created.authorizations[0]!.id });
  }

  if (images.size) {
    await tx.media.createMany({
      data: [...images.values()].map(({ row }) => ({
        ...row,
        variants: row.variants,
        uploadedById: adminId,
      })),
    });
  }

  const comments: Prisma.CommentCreateManyInput[] = [];
  const replies: Prisma.CommentCreateManyInput[] = [];
  const audit: Prisma.AuditLogCreateManyInput[] = [];
  for (const piece of pieces) {
    const body = documentFromBlocks(piece.body);
    const publishedAt = new Date(piece.publishedAt);
    const source = piece.reprint ? sources.get(piece.reprint.sourceKey) : undefined;
    if (piece.reprint && !source) throw new Error(`No demo source "${piece.reprint.sourceKey}".`);
    const image = images.get(piece.key);
    const bylines = [
      ...piece.authors.map((name) => ({ name, role: "AUTHOR" as const })),
      ...(piece.translators ?? []).map((name) => ({ name, role: "TRANSLATOR" as const })),
    ];
    const article = await tx.article.create({
      data: {
        slug: slugify(piece.title),
        title: piece.title,
        excerpt: piece.excerpt,
        body,
        bodyText: documentToPlainText(body),
        status: "PUBLISHED",
        publishedAt,
        kind: piece.reprint ? "REPRINT" : "ORIGINAL",
        sourceId: source?.sourceId,
        authorizationId: source?.authorizationId,
        originalUrl: piece.reprint?.originalUrl,
        originalTitle: piece.reprint?.originalTitle,
        originalLanguage: piece.reprint?.originalLanguage,
        isTranslation: Boolean(piece.translators?.length),
        alignedOriginalRevision: piece.original ? 1 : null,
        // The demo's original is published beside its translation, so a newcomer sees both versions.
        originalPublished: Boolean(piece.original),
        featuredImageId: image?.row.id,
        featuredImageAlt: image?.row.alt,
        createdById: adminId,
        createdAt: publishedAt,
        bylines: {
          createMany: {
            data: bylines.map(({ name, role }, position) => ({
              personId: personIds.get(name)!,
              role,
              position,
            })),
          },
        },
        tags: {
          createMany: { data: piece.tags.map((name, position) => ({ tagId: tagIds.get(name)!, position })) },
        },
        originalRevisions: piece.original
          ? {
              create: {
                revision: 1,
                language: piece.original.language,
                title: piece.original.title,
                body: documentFromBlocks(piece.original.body),
                bodyText: documentToPlainText(documentFromBlocks(piece.original.body)),
                url: piece.reprint?.originalUrl,
                authorLine: piece.original.authorLine,
                publishedOn: new Date(`${piece.original.publishedOn}T00:00:00Z`),
                createdById: adminId,
                createdAt: publishedAt,
              },
            }
          : undefined,
        revisions: {
          create: {
            version: 1,
            title: piece.title,
            excerpt: piece.excerpt,
            body,
            reason: "PUBLISH",
            authorId: adminId,
          },
        },
      },
      select: { id: true },
    });
    audit.push({ actorId: adminId, action: "seed.demo", entityType: "Article", entityId: article.id });
    const commentRow = (comment: DemoComment, parentId: string | null): Prisma.CommentCreateManyInput => ({
      id: randomUUID(),
      articleId: article.id,
      parentId,
      authorName: comment.name,
      authorEmail: comment.email,
      authorUrl: comment.website ?? null,
      body: comment.body,
      status: "APPROVED",
      createdAt: hoursAfter(publishedAt, comment.afterHours),
    });
    for (const comment of piece.comments ?? []) {
      const row = commentRow(comment, null);
      comments.push(row);
      for (const reply of comment.replies ?? []) replies.push(commentRow(reply, row.id!));
    }
  }
  await tx.comment.createMany({ data: comments });
  await tx.comment.createMany({ data: replies });
  // Every comment has its moderation history, as one posted through the site would.
  await tx.commentModeration.createMany({
    data: [...comments, ...replies].map((comment) => ({
      commentId: comment.id!,
      actorId: null,
      action: "submitted",
      toStatus: "APPROVED" as const,
      createdAt: comment.createdAt,
    })),
  });
  await tx.auditLog.createMany({ data: audit });
}
