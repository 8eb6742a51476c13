import type { SaveStatus } from "./use-autosave";

const LABELS: Record<SaveStatus["kind"], string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  failed: "Save failed",
  conflict: "Conflict: choose a version",
};

export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <span
      className={`save-status save-${status.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {LABELS[status.kind]}
      {status.kind === "failed" && ` — ${status.message}`}
    </span>
  );
}
