// Moving an article through its life: draft → in review → scheduled / published → archived.
// Each move checks the version the editor saw, runs in a transaction and is audited; once it has
// committed, readers' caches forget an article that is public now or was until now.
import { ActionFailure } from "@/lib/platform/actions/result";
import type { ActionContext } from "@/lib/platform/actions/run-action";
import { recordAudit } from "@/lib/platform/audit/record";
import { invalidateArticle } from "@/lib/platform/cache/article-changes";
import { now } from "@/lib/platform/clock";
import { db, type DbTransaction } from "@/lib/platform/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { evaluateRights, RIGHTS_REASON_TEXT, type RightsReason } from "@/lib/rights/check-publishable";
import { emitArticleEvent } from "@/lib/webhooks/emit";
import { canEditArticle } from "./access";
import { outOfDateStatus, type OutOfDate } from "./out-of-date";
import { writeRevision } from "./revisions";
import { hasOwnAddress, uniqueArticleSlug } from "./slugs";
import { articleVersionSelect, conflict, type ArticleVersion } from "./save-article";

interface Move {
  action: string;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  /** The publish time to set, given the current one. */
  publishedAt?: (current: Date | null, status: ArticleStatus) => Date | null;
  /** Run the reprint-rights check (and record it) before moving. */
  rights?: "PUBLISH" | "SCHEDULE";
  revision?: boolean;
  /** The editor saw that the translation is out of date with its original and goes ahead. */
  confirmOutOfDate?: boolean;
}

/** The refusal that asks the editor to confirm publishing a translation its original has outgrown. */
function outOfDateRefusal(outOfDate: OutOfDate): ActionFailure {
  const changed = outOfDate.changedParagraphs;
  const what =
    changed.length === 0
      ? "no paragraph changed in substance"
      : `paragraph${changed.length === 1 ? "" : "s"} ${changed.join(", ")} changed`;
  return new ActionFailure(
    "CONFLICT",
    `The original was re-imported: the translation follows revision ${outOfDate.follows} and the latest is revision ${outOfDate.latest} (${what}). Update the translation, or confirm to publish it as it is.`,
    undefined,
    { outOfDate },
  );
}

type MoveOutcome = { moved: ArticleVersion } | { refused: RightsReason[] };

const STATUS_LABEL: Record<ArticleStatus, string> = {
  DRAFT: "a draft",
  IN_REVIEW: "in review",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  ARCHIVED: "archived",
};

const LIVE_OR_EARLIER: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED"];

async function move(
  tx: DbTransaction,
  target: { id: string; version: number },
  step: Move,
  { actor, ip }: ActionContext,
  at: Date,
): Promise<MoveOutcome> {
  const current = await tx.article.findUnique({
    where: { id: target.id },
    select: {
      ...articleVersionSelect,
      createdById: true,
      publishedAt: true,
      withdrawnAt: true,
      withdrawnNotice: { select: { caseNumber: true } },
    },
  });
  if (!current) throw new ActionFailure("NOT_FOUND", "This article no longer exists.");
  if (!canEditArticle(actor, current))
    throw new ActionFailure("FORBIDDEN", "You cannot change this article now.");
  if (current.version !== target.version) throw conflict(current);
  // A takedown notice's withdrawal ends only through its case (a counter-notice and its wait).
  if (current.withdrawnNotice && (step.to === "PUBLISHED" || step.to === "SCHEDULED")) {
    throw new ActionFailure(
      "CONFLICT",
      `This article was withdrawn after takedown notice ${current.withdrawnNotice.caseNumber}. It can come back only through that case (Rights → Takedown notices).`,
    );
  }
  // Publishing a published article is only for one withdrawn over its rights (a re-grant).
  const republishing =
    step.to === "PUBLISHED" && current.status === "PUBLISHED" && current.withdrawnAt !== null;
  if (!step.from.includes(current.status) && !republishing) {
    throw new ActionFailure(
      "CONFLICT",
      `This article is ${STATUS_LABEL[current.status]}; it cannot be ${step.action}.`,
    );
  }
  let authorizationId: string | null | undefined;
  const outOfDate = step.rights ? await outOfDateStatus(tx, current.id) : null;
  if (outOfDate && !step.confirmOutOfDate) throw outOfDateRefusal(outOfDate);
  if (step.rights) {
    const decision = await evaluateRights(tx, {
      articleId: current.id,
      trigger: step.rights,
      actorId: actor.id,
      at,
    });
    // The evaluation is recorded either way: the caller commits it, then reports the refusal.
    if (!decision.allowed) return { refused: decision.reasons };
    authorizationId = decision.authorizationId;
  }
  // Going public gives a draft without an address of its own the one its title makes.
  const goingPublic = step.to === "PUBLISHED" || step.to === "SCHEDULED";
  const slug =
    goingPublic && !hasOwnAddress(current)
      ? await uniqueArticleSlug(tx, current.title, current.id)
      : undefined;
  const { count } = await tx.article.updateMany({
    where: { id: current.id, version: target.version },
    data: {
      status: step.to,
      slug,
      version: { increment: 1 },
      ...(step.publishedAt ? { publishedAt: step.publishedAt(current.publishedAt, current.status) } : {}),
      // Publishing records which authorization allows it, and ends an earlier withdrawal.
      ...(authorizationId !== undefined ? { authorizationId, withdrawnAt: null, withdrawnReason: null } : {}),
    },
  });
  if (count === 0) throw conflict(current);
  const moved = await tx.article.findUniqueOrThrow({
    where: { id: current.id },
    select: articleVersionSelect,
  });
  if (step.revision) await writeRevision(tx, moved, "PUBLISH", actor.id);
  if (outOfDate) {
    await recordAudit(tx, {
      actorId: actor.id,
      action: "article.out_of_date_confirmed",
      entityType: "Article",
      entityId: current.id,
      after: { ...outOfDate, move: step.action },
      ip,
    });
  }
  await recordAudit(tx, {
    actorId: actor.id,
    action: `article.${step.action}`,
    entityType: "Article",
    entityId: current.id,
    before: { status: current.status, version: current.version, publishedAt: current.publishedAt },
    after: { status: moved.status, version: moved.version },
    ip,
  });
  const event = webhookEvent(current, moved.status, republishing);
  if (event) await emitArticleEvent(tx, event, current.id);
  return { moved };
}

/** What downstream copies hear of a move: going public, coming back, or leaving. */
function webhookEvent(
  before: { status: ArticleStatus; withdrawnAt: Date | null },
  after: ArticleStatus,
  republishing: boolean,
) {
  if (republishing) return "article.restored" as const;
  if (after === "PUBLISHED" && before.status !== "PUBLISHED") return "article.published" as const;
  if (before.status === "PUBLISHED" && after !== "PUBLISHED" && before.withdrawnAt === null) {
    return "article.unpublished" as const;
  }
  return null;
}

async function runMove(
  target: { id: string; version: number },
  step: Move,
  context: ActionContext,
  at = now(),
): Promise<ArticleVersion> {
  const outcome = await db.$transaction((tx) => move(tx, target, step, context, at));
  if ("refused" in outcome) {
    throw new ActionFailure(
      "CONFLICT",
      outcome.refused.map((r) => RIGHTS_REASON_TEXT[r]).join(" "),
      undefined,
      {
        reasons: outcome.refused,
      },
    );
  }
  return outcome.moved;
}

export function submitForReview(target: { id: string; version: number }, context: ActionContext) {
  return runMove(target, { action: "submitted", from: ["DRAFT"], to: "IN_REVIEW" }, context);
}

/** Runs `moves`, then invalidates what readers see of the article. */
async function runPublicMove(...moves: Parameters<typeof runMove>): Promise<ArticleVersion> {
  const moved = await runMove(...moves);
  await invalidateArticle(moved.id);
  return moved;
}

export function publishArticle(
  target: { id: string; version: number; confirmOutOfDate?: boolean },
  context: ActionContext,
) {
  const at = now();
  return runPublicMove(
    target,
    {
      action: "published",
      from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED"],
      to: "PUBLISHED",
      // A republished (re-granted) article keeps its original date.
      publishedAt: (current, status) => (status === "PUBLISHED" && current ? current : at),
      rights: "PUBLISH",
      revision: true,
      confirmOutOfDate: target.confirmOutOfDate,
    },
    context,
    at,
  );
}

export async function scheduleArticle(
  target: { id: string; version: number; publishAt: Date; confirmOutOfDate?: boolean },
  context: ActionContext,
) {
  if (target.publishAt <= now()) {
    throw new ActionFailure("INVALID", "Choose a time in the future, or publish now.", {
      publishAt: ["Choose a time in the future."],
    });
  }
  // Checked now, and again by the rights sweep when the time comes.
  return runPublicMove(
    target,
    {
      action: "scheduled",
      from: ["DRAFT", "IN_REVIEW", "SCHEDULED"],
      to: "SCHEDULED",
      publishedAt: () => target.publishAt,
      rights: "SCHEDULE",
      revision: true,
      confirmOutOfDate: target.confirmOutOfDate,
    },
    context,
  );
}

export function unpublishArticle(target: { id: string; version: number }, context: ActionContext) {
  return runPublicMove(
    target,
    { action: "unpublished", from: ["PUBLISHED", "SCHEDULED"], to: "DRAFT" },
    context,
  );
}

export function archiveArticle(target: { id: string; version: number }, context: ActionContext) {
  return runPublicMove(target, { action: "archived", from: LIVE_OR_EARLIER, to: "ARCHIVED" }, context);
}

/** Archives many at once: all or nothing. */
export async function bulkArchive(ids: string[], context: ActionContext): Promise<number> {
  const at = now();
  const count = await db.$transaction(async (tx) => {
    const articles = await tx.article.findMany({
      where: { id: { in: ids }, status: { not: "ARCHIVED" } },
      select: { id: true, version: true },
    });
    for (const article of articles) {
      await move(tx, article, { action: "archived", from: LIVE_OR_EARLIER, to: "ARCHIVED" }, context, at);
    }
    return articles.length;
  });
  await invalidateArticle(...ids);
  return count;
}
