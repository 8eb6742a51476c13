import "server-only";
// Changes to stored media, each in a transaction with its audit entry.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { db, type DbTransaction } from "@/lib/platform/db";
import { removeFiles } from "./process-upload";
import { AltTextSchema, MEDIA_MESSAGES } from "./rules";
import { mediaItemSelect, parseVariants, toMediaItem, type MediaItem } from "./types";

async function lockMedia(tx: DbTransaction, id: string) {
  // FOR UPDATE: an article cannot start pointing at this row until the transaction ends.
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Media" where id = ${id} for update`;
  if (locked.length === 0) throw new ActionFailure("NOT_FOUND", MEDIA_MESSAGES.notFound);
  return tx.media.findUniqueOrThrow({ where: { id }, select: mediaItemSelect });
}

function titles(articles: { title: string }[]): string {
  return articles.map((a) => `“${a.title}”`).join(", ");
}

export async function updateMediaAlt(
  id: string,
  alt: string,
  { actor, ip }: ActionContext,
): Promise<MediaItem> {
  const parsed = AltTextSchema.safeParse(alt);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? MEDIA_MESSAGES.altRequired;
    throw new ActionFailure("INVALID", message, { alt: [message] });
  }
  return db.$transaction(async (tx) => {
    const before = await lockMedia(tx, id);
    if (before.alt === parsed.data) return toMediaItem(before);
    const after = await tx.media.update({
      where: { id },
      data: { alt: parsed.data },
      select: mediaItemSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "media.updateAlt",
      entityType: "Media",
      entityId: id,
      before: { alt: before.alt },
      after: { alt: after.alt },
      ip,
    });
    return toMediaItem(after);
  });
}

/**
 * Deletes an image and its files. Refused (CONFLICT) while an article uses it as featured
 * image or shows it in its body, since that article would lose the picture.
 */
export async function deleteMedia(id: string, { actor, ip }: ActionContext): Promise<void> {
  const deleted = await db.$transaction(async (tx) => {
    const media = await lockMedia(tx, id);
    const featured = await tx.article.findMany({
      where: { featuredImageId: id },
      select: { title: true },
      orderBy: { updatedAt: "desc" },
      take: 3,
    });
    if (featured.length > 0) {
      throw new ActionFailure(
        "CONFLICT",
        `This image is the featured image of ${titles(featured)}. Choose another image there first.`,
      );
    }
    const pattern = `%/media/${id.replace(/[\\%_]/g, "\\$&")}/%`;
    const inBody = await tx.$queryRaw<{ title: string }[]>`
      select title from "Article" where body::text like ${pattern} order by "updatedAt" desc limit 3`;
    if (inBody.length > 0) {
      throw new ActionFailure(
        "CONFLICT",
        `This image appears in the text of ${titles(inBody)}. Remove it there first.`,
      );
    }
    await tx.media.delete({ where: { id } });
    const { variants, ...snapshot } = media;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "media.delete",
      entityType: "Media",
      entityId: id,
      before: { ...snapshot, variants: parseVariants(variants) },
      ip,
    });
    return media;
  });
  // The row is gone for good; only now may its files go.
  await removeFiles([deleted.storageKey, ...parseVariants(deleted.variants).map((v) => v.storageKey)]);
}
