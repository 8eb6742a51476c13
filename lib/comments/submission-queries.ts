// The submission pipeline's two trips to the database (lib/comments/submit.ts): one statement
// reads everything its checks decide on, one writes the comment with its first moderation-log
// row. A comment post is the one public write readers make in bursts, so each is a single SQL
// statement rather than a query per fact (and a transaction of four for the write), prepared once
// per connection: planning the read costs PostgreSQL several times what running it does.
import cuid from "@bugsnag/cuid";
import { publicArticleSql } from "@/lib/articles/visibility";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { preparedSql } from "@/lib/platform/database/prepared-statements";
import { db, type Db, type DbTransaction } from "@/lib/platform/db";
import type { ArticleCommentSettings } from "./effective-rules";
import { MAX_THREAD_DEPTH } from "./policy";
import { publicCommentSelect, type PublicCommentRow } from "./public-comments";
import { DEFAULTS_KEY, WORDS_KEY } from "./settings";

/** A Date as the `timestamp(3)` columns hold it (UTC; the driver sends Dates in UTC). */
const timestamp = (at: Date) => Prisma.sql`${at}::timestamp(3)`;

export interface SubmissionContext extends ArticleCommentSettings {
  articleId: string;
  articleTitle: string;
  /** The stored site settings as they are (the caller parses them tolerantly); null when unset. */
  storedDefaults: unknown;
  storedWords: unknown;
  /** Bodies of the email's comments since `duplicatesSince`. */
  recentBodies: string[];
  /** The email's approved comments, counted up to `trustedAfter`. */
  approvedBefore: number;
  /** The comment replied to, when there is one: its article and status. */
  parentArticleId: string | null;
  parentStatus: CommentStatus | null;
  /** The replied-to comment's level in its thread (1 = top level), counted up to MAX_THREAD_DEPTH. */
  parentLevel: number | null;
}

/**
 * What the pipeline decides on, read together: the article (null unless it exists and is public),
 * the site's comment settings, the email's recent comments and approved count, and the parent.
 */
export async function readSubmissionContext(query: {
  articleId: string;
  email: string;
  parentId: string | null;
  at: Date;
  duplicatesSince: Date;
  trustedAfter: number;
}): Promise<SubmissionContext | null> {
  const { articleId, email, parentId, at } = query;
  const [row] = await db.$queryRaw<SubmissionContext[]>(
    preparedSql(Prisma.sql`
    select a."id" as "articleId", a."title" as "articleTitle", a."publishedAt",
      a."commentMode"::text as "commentMode", a."commentAutoCloseDays", a."commentLinkLimit",
      a."commentMaxLength", a."commentSlowModeSeconds",
      (select s."value" from "Setting" s where s."key" = ${DEFAULTS_KEY}) as "storedDefaults",
      (select s."value" from "Setting" s where s."key" = ${WORDS_KEY}) as "storedWords",
      array(select c."body" from "Comment" c
        where c."authorEmail" = ${email} and c."createdAt" >= ${timestamp(query.duplicatesSince)}
      ) as "recentBodies",
      (select count(*)::int from (
        select 1 from "Comment" c where c."authorEmail" = ${email} and c."status" = 'APPROVED'
        limit ${query.trustedAfter}) approved
      ) as "approvedBefore",
      p."articleId" as "parentArticleId", p."status"::text as "parentStatus",
      (with recursive thread("parentId", "level") as (
        select c."parentId", 1 from "Comment" c where c."id" = ${parentId}
        union all
        select c."parentId", thread."level" + 1
        from thread join "Comment" c on c."id" = thread."parentId"
        where thread."level" < ${MAX_THREAD_DEPTH}
      ) select max(thread."level") from thread) as "parentLevel"
    from "Article" a
    left join "Comment" p on p."id" = ${parentId}
    where a."id" = ${articleId} and ${publicArticleSql(at)}`),
  );
  return row ?? null;
}

export interface NewComment {
  articleId: string;
  parentId: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  ipHash: string | null;
  userAgent: string | null;
  status: CommentStatus;
  holdReasons: string[];
  at: Date;
}

export type StoredComment = PublicCommentRow & { status: CommentStatus };

// What the insert hands back: the public allowlist's columns (public-comments.ts), and the status.
const RETURNED_COLUMNS = Prisma.join(
  Object.keys(publicCommentSelect).map((column) => Prisma.raw(`"${column}"`)),
);

/**
 * Stores the comment and its "submitted" moderation-log row in one statement (so both or
 * neither), through `client`: the app's client, or a transaction that records more with it.
 */
export async function insertSubmittedComment(
  client: Db | DbTransaction,
  comment: NewComment,
): Promise<StoredComment> {
  const status = Prisma.sql`${comment.status}::"CommentStatus"`;
  const reasons = Prisma.sql`${comment.holdReasons}::text[]`;
  const at = timestamp(comment.at);
  const [row] = await client.$queryRaw<StoredComment[]>(
    preparedSql(Prisma.sql`
    with stored as (
      insert into "Comment" ("id", "articleId", "parentId", "authorName", "authorEmail", "authorUrl",
        "body", "status", "holdReasons", "ipHash", "userAgent", "createdAt", "updatedAt")
      values (${cuid()}, ${comment.articleId}, ${comment.parentId}, ${comment.authorName},
        ${comment.authorEmail}, ${comment.authorUrl}, ${comment.body}, ${status}, ${reasons},
        ${comment.ipHash}, ${comment.userAgent}, ${at}, ${at})
      returning ${RETURNED_COLUMNS}, "status"::text as "status"
    ), logged as (
      insert into "CommentModeration" ("id", "commentId", "actorId", "action", "fromStatus",
        "toStatus", "reasons", "createdAt")
      select ${cuid()}, stored."id", null, 'submitted', null, ${status}, ${reasons}, ${at} from stored
    )
    select * from stored`),
  );
  return row!;
}
