// Demo content for a new site: the first admin, a real reprint imported from the seed fixture
// with its source, a granted authorization, byline people and tags, and beside it the demo
// library (demo-library.ts): our own pieces and authorized reprints, images and comments.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Seeder, SeedResult } from "@/lib/platform/database/prepare";
import type { Db } from "@/lib/platform/db";
import { generatePassword, hashPassword } from "@/lib/platform/auth/password";
import { documentFromBlocks, documentToPlainText } from "@/lib/editor/document";
import { textMentions } from "@/lib/import/mentions";
import { importReprintText } from "@/lib/import/reprint-text";
import { slugify } from "@/lib/platform/slug";
import { discardDemoImages, drawDemoImages, seedDemoLibrary } from "./demo-library";
import { DEMO_TAGS } from "./demo-tags";

export const DEMO_FIXTURE = path.join(process.cwd(), "prisma/seed-data/reprint-china-japan-taiwan.txt");
const DEMO_PUBLISHED_AT = new Date("2022-07-08T08:00:00Z");

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [users, articles] = await Promise.all([db.user.count(), db.article.count()]);
  return users === 0 && articles === 0;
}

export async function seedDemoContent(
  db: Db,
  admin: { email?: string; password?: string } = {},
): Promise<SeedResult> {
  const adminEmail = (admin.email ?? "admin@crosscurrent.local").toLowerCase();
  const generatedPassword = admin.password ? undefined : generatePassword();
  // Files first: they cannot be part of the transaction, and are removed if it fails. Drawn
  // while the password hashes.
  const [passwordHash, images] = await Promise.all([
    hashPassword(admin.password ?? generatedPassword!),
    drawDemoImages(),
  ]);
  const draft = importReprintText(await readFile(DEMO_FIXTURE, "utf8"));
  if (!draft.source) throw new Error("The demo fixture lost its source line.");
  const body = documentFromBlocks(draft.blocks);
  const bodyText = documentToPlainText(body);
  const articleSlug = slugify(draft.title);

  await db
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: adminEmail, name: "Site admin", passwordHash, role: "ADMIN" },
      });
      const source = await tx.source.create({
        data: {
          name: draft.source!.name,
          slug: slugify(draft.source!.name),
          kind: draft.source!.platform ?? "WECHAT_ACCOUNT",
          platformId: "buyidao",
          description: "WeChat official account publishing commentary on China's foreign relations.",
        },
      });
      const authorization = await tx.reprintAuthorization.create({
        data: {
          sourceId: source.id,
          scope: "WHOLE_SOURCE",
          status: "GRANTED",
          validFrom: new Date("2022-01-01T00:00:00Z"),
          attributionRequired: true,
          attributionText: `Source: WeChat official account ${draft.source!.name}. Reprinted with authorization.`,
          translationAllowed: true,
          grantorStatement: draft.source!.line,
          requestedById: user.id,
          decidedAt: new Date("2022-01-01T00:00:00Z"),
          decidedById: user.id,
          evidence: {
            create: {
              kind: "URL",
              url: "https://mp.weixin.qq.com/",
              note: "Reprint authorization stated on the account's published pieces.",
              capturedAt: new Date("2022-01-01T00:00:00Z"),
              createdById: user.id,
            },
          },
          events: {
            create: { type: "GRANTED", fromStatus: "REQUESTED", toStatus: "GRANTED", actorId: user.id },
          },
        },
      });
      const tags = await Promise.all(
        DEMO_TAGS.map((tag) =>
          tx.tag.create({
            data: {
              name: tag.name,
              kind: tag.kind,
              slug: slugify(tag.name),
              description: tag.description ?? "",
            },
          }),
        ),
      );
      const people = await Promise.all(
        draft.bylines.map((byline) =>
          tx.person.create({ data: { name: byline.name, slug: slugify(byline.name) } }),
        ),
      );
      const article = await tx.article.create({
        data: {
          slug: articleSlug,
          title: draft.title,
          excerpt: draft.excerpt,
          body,
          bodyText,
          status: "PUBLISHED",
          publishedAt: DEMO_PUBLISHED_AT,
          kind: "REPRINT",
          sourceId: source.id,
          authorizationId: authorization.id,
          originalLanguage: "zh-Hans",
          isTranslation: true,
          createdById: user.id,
          bylines: {
            create: draft.bylines.map((byline, position) => ({
              personId: people[position]!.id,
              role: byline.role,
              position,
            })),
          },
          tags: {
            create: tags
              .filter((_tag, i) => {
                const { kind, name, aliases = [] } = DEMO_TAGS[i]!;
                return kind === "TOPIC" || [name, ...aliases].some((n) => textMentions(bodyText, n));
              })
              .map((tag, position) => ({ tagId: tag.id, position })),
          },
        },
      });
      await tx.articleRevision.create({
        data: {
          articleId: article.id,
          version: article.version,
          title: article.title,
          excerpt: article.excerpt,
          body,
          reason: "IMPORT",
          authorId: user.id,
        },
      });
      await tx.auditLog.create({
        data: { actorId: user.id, action: "seed.demo", entityType: "Article", entityId: article.id },
      });
      await seedDemoLibrary(tx, { adminId: user.id, images });
    })
    .catch(async (error: unknown) => {
      await discardDemoImages(images);
      throw error;
    });

  return { adminEmail, generatedPassword, articleSlug };
}

/** The demo content as the start-up's seeder: used only when the database is empty. */
export function demoSeeder(admin: { email?: string; password?: string } = {}): Seeder {
  return { isEmpty: isDatabaseEmpty, seed: (db) => seedDemoContent(db, admin) };
}
