"use client";

import { useEffect, useEffectEvent } from "react";
import { QUEUE_SHORTCUTS, type QueueCommand } from "./shortcuts";

// Inputs that take no typed text, so a letter pressed on them is still a shortcut.
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "image", "file", "range"]);

/** True when a key press goes into a text field (or editable region) and must be left alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** Calls `onCommand` for the queue's single-letter shortcuts, anywhere on the page but in fields. */
export function useQueueKeys(onCommand: (command: QueueCommand) => void): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    const shortcut = QUEUE_SHORTCUTS.find((s) => s.key === event.key);
    if (!shortcut) return;
    // Holding j or k keeps moving; holding a decision key must not decide on row after row.
    if (event.repeat && shortcut.command !== "next" && shortcut.command !== "previous") return;
    event.preventDefault();
    onCommand(shortcut.command);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
