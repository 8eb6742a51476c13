// The name half of "Save my name and email": a readable cookie set by the comment route. The
// email sits in an HttpOnly cookie this code cannot see, which is the point.
import { useSyncExternalStore } from "react";
import { COMMENTER_NAME_COOKIE } from "@/lib/comments/cookie-names";

const listeners = new Set<() => void>();

function readSavedName(): string | null {
  const prefix = `${COMMENTER_NAME_COOKIE}=`;
  const entry = document.cookie.split("; ").find((part) => part.startsWith(prefix));
  if (!entry) return null;
  try {
    return decodeURIComponent(entry.slice(prefix.length)).trim() || null;
  } catch {
    return null;
  }
}

/** Call after a response may have set or cleared the cookies. */
export function savedCommenterChanged(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSavedCommenterName(): string | null {
  return useSyncExternalStore(subscribe, readSavedName, () => null);
}
