// The moderation queue's keyboard shortcuts, shared by the key handler and the list on the page.
export type QueueCommand = "next" | "previous" | "approve" | "spam" | "trash";

export const QUEUE_SHORTCUTS: ReadonlyArray<{ key: string; command: QueueCommand; label: string }> = [
  { key: "j", command: "next", label: "Next comment" },
  { key: "k", command: "previous", label: "Previous comment" },
  { key: "a", command: "approve", label: "Approve" },
  { key: "s", command: "spam", label: "Mark as spam" },
  { key: "d", command: "trash", label: "Move to the trash" },
];
