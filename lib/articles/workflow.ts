// Moving an article through its life: draft → in review → scheduled / published → archived.
// Each move checks the version the editor saw, runs in a transaction and is audited.
import { ActionFailure } from "@/lib/actions/result";
import type { ActionContext } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type DbTransaction } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { checkPublishable, RIGHTS_REASON_TEXT } from "@/lib/rights/check-publishable";
import { canEditArticle } from "./access";
import { writeRevision } from "./revisions";
import { articleVersionSelect, conflict, type ArticleVersion } from "./save-article";

interface Move {
  action: string;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  publishedAt?: (current: Date | null) => Date | null;
  checkRights?: boolean;
  revision?: boolean;
}

const STATUS_LABEL: Record<ArticleStatus, string> = {
  DRAFT: "a draft",
  IN_REVIEW: "in review",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  ARCHIVED: "archived",
};

async function move(
  tx: DbTransaction,
  target: { id: string; version: number },
  step: Move,
  { actor, ip }: ActionContext,
): Promise<ArticleVersion> {
  const current = await tx.article.findUnique({
    where: { id: target.id },
    select: { ...articleVersionSelect, createdById: true, kind: true, sourceId: true, publishedAt: true },
  });
  if (!current) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
  if (!canEditArticle(actor, current))
    throw new ActionFailure("FORBIDDEN", "You cannot change this article now.");
  if (current.version !== target.version) throw conflict(current);
  if (!step.from.includes(current.status)) {
    throw new ActionFailure(
      "CONFLICT",
      `This article is ${STATUS_LABEL[current.status]}; it cannot be ${step.action}.`,
    );
  }
  if (step.checkRights) {
    const decision = checkPublishable(current);
    if (!decision.allowed) {
      throw new ActionFailure(
        "CONFLICT",
        decision.reasons.map((r) => RIGHTS_REASON_TEXT[r]).join(" "),
        undefined,
        {
          reasons: decision.reasons,
        },
      );
    }
  }
  const { count } = await tx.article.updateMany({
    where: { id: current.id, version: target.version },
    data: {
      status: step.to,
      version: { increment: 1 },
      ...(step.publishedAt ? { publishedAt: step.publishedAt(current.publishedAt) } : {}),
    },
  });
  if (count === 0) throw conflict(current);
  const moved = await tx.article.findUniqueOrThrow({
    where: { id: current.id },
    select: articleVersionSelect,
  });
  if (step.revision) await writeRevision(tx, moved, "PUBLISH", actor.id);
  await recordAudit(tx, {
    actorId: actor.id,
    action: `article.${step.action}`,
    entityType: "Article",
    entityId: current.id,
    before: { status: current.status, version: current.version, publishedAt: current.publishedAt },
    after: { status: moved.status, version: moved.version },
    ip,
  });
  return moved;
}

export function submitForReview(target: { id: string; version: number }, context: ActionContext) {
  return db.$transaction((tx) =>
    move(tx, target, { action: "submitted", from: ["DRAFT"], to: "IN_REVIEW" }, context),
  );
}

export function publishArticle(target: { id: string; version: number }, context: ActionContext) {
  const at = now();
  return db.$transaction((tx) =>
    move(
      tx,
      target,
      {
        action: "published",
        from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED"],
        to: "PUBLISHED",
        publishedAt: () => at,
        checkRights: true,
        revision: true,
      },
      context,
    ),
  );
}

export async function scheduleArticle(
  target: { id: string; version: number; publishAt: Date },
  context: ActionContext,
) {
  if (target.publishAt <= now()) {
    throw new ActionFailure("INVALID", "Choose a time in the future, or publish now.", {
      publishAt: ["Choose a time in the future."],
    });
  }
  return db.$transaction((tx) =>
    move(
      tx,
      target,
      {
        action: "scheduled",
        from: ["DRAFT", "IN_REVIEW", "SCHEDULED"],
        to: "SCHEDULED",
        publishedAt: () => target.publishAt,
        checkRights: true,
        revision: true,
      },
      context,
    ),
  );
}

export function unpublishArticle(target: { id: string; version: number }, context: ActionContext) {
  return db.$transaction((tx) =>
    move(tx, target, { action: "unpublished", from: ["PUBLISHED", "SCHEDULED"], to: "DRAFT" }, context),
  );
}

export function archiveArticle(target: { id: string; version: number }, context: ActionContext) {
  return db.$transaction((tx) =>
    move(
      tx,
      target,
      { action: "archived", from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED"], to: "ARCHIVED" },
      context,
    ),
  );
}

/** Archives many at once: all or nothing. */
export async function bulkArchive(ids: string[], context: ActionContext): Promise<number> {
  return db.$transaction(async (tx) => {
    const articles = await tx.article.findMany({
      where: { id: { in: ids }, status: { not: "ARCHIVED" } },
      select: { id: true, version: true },
    });
    for (const article of articles) {
      await move(
        tx,
        article,
        { action: "archived", from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED"], to: "ARCHIVED" },
        context,
      );
    }
    return articles.length;
  });
}
