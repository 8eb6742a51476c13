import Link from "next/link";
import { KeyboardHelp } from "@/components/admin/comments/keyboard-help";
import { ModerationQueue } from "@/components/admin/comments/moderation-queue";
import { QueueTabs } from "@/components/admin/comments/queue-tabs";
import type { QueueRow } from "@/components/admin/comments/types";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/list-filters";
import { hrefWith, Pagination } from "@/components/ui/pagination";
import { articlePath } from "@/lib/articles/paths";
import { now } from "@/lib/platform/clock";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { QUEUE_LABELS } from "@/lib/comments/queues";
import {
  articlesWithComments,
  commentQueueCounts,
  listCommentQueue,
  type QueueComment,
} from "@/lib/comments/moderation-list";
import { CommentQueueFiltersSchema } from "@/lib/comments/moderation-schema";

export const metadata = { title: "Comments" };

function toRow(comment: QueueComment): QueueRow {
  const { article, log, commenterHistory, createdAt, reports, ...rest } = comment;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    reports: reports.map((report) => ({ ...report, createdAt: report.createdAt.toISOString() })),
    article: {
      id: article.id,
      title: article.title,
      publicPath: article.isPublic ? articlePath(article.slug) : null,
    },
    history: commenterHistory,
    log: log.map(({ actor, createdAt: at, commentId: _commentId, ...entry }) => ({
      ...entry,
      createdAt: at.toISOString(),
      actor: actor?.name ?? null,
    })),
  };
}

export default async function CommentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("comment.moderate", "/admin/comments");
  const filters = CommentQueueFiltersSchema.parse(await searchParams);
  const [counts, { comments, total, pages }, articles] = await Promise.all([
    commentQueueCounts(filters),
    listCommentQueue(filters, now()),
    articlesWithComments(),
  ]);
  return (
    <>
      <h1>Comments</h1>
      <p>
        <Link href="/admin/comments/log">Moderation log</Link>
      </p>
      <QueueTabs current={filters.queue} counts={counts} filters={filters} />
      <FilterForm label="Filter comments">
        <input type="hidden" name="queue" value={filters.queue} />
        <SelectFilter
          label="Article"
          name="article"
          value={filters.article}
          options={articles.map((a) => ({ value: a.id, label: a.title || "(untitled)" }))}
        />
        <TextFilter label="Commenter email" name="email" value={filters.email} />
        <TextFilter label="From" name="from" type="date" value={filters.from} />
        <TextFilter label="To" name="to" type="date" value={filters.to} />
      </FilterForm>
      <KeyboardHelp />
      <h2>
        {QUEUE_LABELS[filters.queue]} <span className="meta">({total})</span>
      </h2>
      {/* A new queue, filter or page starts with a fresh selection. */}
      <ModerationQueue
        key={hrefWith("/admin/comments", filters)}
        queue={filters.queue}
        rows={comments.map(toRow)}
      />
      <Pagination path="/admin/comments" filters={filters} page={filters.page} pages={pages} />
    </>
  );
}
