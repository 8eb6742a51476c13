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

export interface ReportRow {
  id: string;
  reason: string;
  trusted: boolean;
  /** Staff, or a saved commenter with an approved comment: their networks count toward hiding. */
  knownReader: boolean;
  /** ISO time. */
  createdAt: string;
  reporter: { kind: "staff" | "saved-commenter" | "anonymous"; name: string | null };
  /** Every report this reporter has made, and how many moderators upheld and dismissed. */
  reporterHistory: { reports: number; upheld: number; dismissed: number };
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
  /** Reader reports have taken it off the public page. */
  hiddenByReports: boolean;
  /** Its open reports, newest first. */
  reports: ReportRow[];
  /** ISO time. */
  createdAt: string;
  /** Set when a staff member wrote it. */
  staffName: string | null;
  article: { id: string; title: string; publicPath: string | null };
  parent: { id: string; authorName: string; body: string; status: CommentStatus } | null;
  history: { approved: number; spam: number };
  log: LogRow[];
}
