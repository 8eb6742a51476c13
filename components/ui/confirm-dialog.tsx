"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { TriangleAlert } from "lucide-react";
import { useCallback, useRef, useState, type ReactNode } from "react";

export interface Confirmation {
  /** The question: "Revoke this authorization?" */
  title: string;
  /** What follows, in words: "1 published article will be withdrawn. This cannot be undone." */
  description?: string;
  /** The confirm button names the action: "Revoke", "Delete", "Restore this revision". */
  confirmLabel: string;
  /** "danger" (the default) for what removes, withdraws or cannot be undone. */
  tone?: "danger" | "neutral";
}

/**
 * The desk's texts ask a question, then say what follows: "Delete X? This cannot be undone."
 * The question becomes the dialog's title, the rest its description.
 */
export function confirmationFromText(
  text: string,
  confirmLabel: string,
  tone?: Confirmation["tone"],
): Confirmation {
  const match = /^(.*?\?)\s+(.+)$/s.exec(text.trim());
  return match
    ? { title: match[1]!, description: match[2]!, confirmLabel, tone }
    : { title: text.trim(), confirmLabel, tone };
}

interface Asked extends Confirmation {
  onConfirm: () => void;
}

/**
 * One confirmation for the whole desk, on Radix's AlertDialog: Cancel has the focus when it
 * opens (a stray Enter does nothing harmful), Escape cancels, a click outside does nothing, and
 * the focus goes back to what opened it (`opener`: a form's submitter; else the focused element).
 * `ask(confirmation, onConfirm, opener?)` opens it; render `dialog` next to what asks.
 */
export function useConfirm(): [
  ask: (confirmation: Confirmation, onConfirm: () => void, opener?: HTMLElement | null) => void,
  dialog: ReactNode,
] {
  // The texts stay while the dialog closes, so nothing flickers empty.
  const [asked, setAsked] = useState<Asked | null>(null);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const ask = useCallback((confirmation: Confirmation, onConfirm: () => void, from?: HTMLElement | null) => {
    const focused = document.activeElement;
    opener.current = from ?? (focused instanceof HTMLElement && focused !== document.body ? focused : null);
    setAsked({ ...confirmation, onConfirm });
    setOpen(true);
  }, []);
  const dialog = (
    <ConfirmDialog
      open={open}
      confirmation={asked}
      onCancel={() => setOpen(false)}
      onConfirm={() => {
        setOpen(false);
        asked?.onConfirm();
      }}
      returnFocusTo={opener}
    />
  );
  return [ask, dialog];
}

export function ConfirmDialog({
  open,
  confirmation,
  onCancel,
  onConfirm,
  returnFocusTo,
}: {
  open: boolean;
  confirmation: Confirmation | null;
  onCancel: () => void;
  onConfirm: () => void;
  returnFocusTo?: { current: HTMLElement | null };
}) {
  const text = confirmation;
  const danger = (text?.tone ?? "danger") === "danger";
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-overlay" />
        <AlertDialog.Content
          className="confirm-dialog"
          data-tone={danger ? "danger" : "neutral"}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo?.current;
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <AlertDialog.Title className="confirm-title">
            {danger && <TriangleAlert aria-hidden size={20} className="confirm-icon" />}
            <span>{text?.title}</span>
          </AlertDialog.Title>
          {text?.description ? (
            <AlertDialog.Description className="confirm-description">
              {text.description}
            </AlertDialog.Description>
          ) : (
            <AlertDialog.Description className="visually-hidden">{text?.title}</AlertDialog.Description>
          )}
          <div className="confirm-buttons">
            <AlertDialog.Cancel className="button">Cancel</AlertDialog.Cancel>
            <AlertDialog.Action
              className={danger ? "button button-danger" : "button button-primary"}
              onClick={onConfirm}
            >
              {text?.confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
