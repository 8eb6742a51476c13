// The plain, serializable shapes the moderation screens hand to their client components.
import type { CommentQueue } from "@/lib/comments/queues";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

export interface LogRow {
  id: string;
  action: string;
  fromStatus: CommentStatus | null;
  toStatus: CommentStatus | null;
  reasons: string[];
  note: string;
  previousBody: string | null;
  /** ISO time. */
  createdAt: string;
  /** The staff member, or null for the submission pipeline. */
  actor: string | null;
}

export interface QueueRow {
  id: string;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: CommentStatus;
  queue: CommentQueue;
  holdReasons: string[];
  reportCount: number;
  reportReasons: string[];
  /** ISO time. */
  createdAt: string;
  /** Set when a staff member wrote it. */
  staffName: string | null;
  article: { id: string; title: string; publicPath: string | null };
  parent: { id: string; authorName: string; body: string; status: CommentStatus } | null;
  history: { approved: number; spam: number };
  log: LogRow[];
}
