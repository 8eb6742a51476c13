import type { DbTransaction } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisionReason } from "@/lib/generated/prisma/enums";

export async function writeRevision(
  tx: DbTransaction,
  article: { id: string; version: number; title: string; excerpt: string; body: Prisma.JsonValue },
  reason: RevisionReason,
  authorId: string | null,
): Promise<void> {
  await tx.articleRevision.create({
    data: {
      articleId: article.id,
      version: article.version,
      title: article.title,
      excerpt: article.excerpt,
      body: article.body as Prisma.InputJsonValue,
      reason,
      authorId,
    },
  });
}
