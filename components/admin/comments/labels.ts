import type { CommentStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<CommentStatus, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  SPAM: "Spam",
  TRASH: "Trash",
};

/** A stored time as "YYYY-MM-DD HH:MM" UTC, the admin's usual format. */
export function formatTime(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
