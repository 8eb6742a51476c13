// The reader's own recent comments on an article, kept in sessionStorage so that a held comment
// (which the shared, cached page does not show) is still there for them after a reload.
import { useSyncExternalStore } from "react";
import type { PublicComment } from "@/lib/comments/public-comments";

export interface OwnComment extends PublicComment {
  /** Held for moderation (or caught as spam: the reader cannot tell, by design). */
  pending: boolean;
}

const EMPTY: OwnComment[] = [];
const storageKey = (articleId: string) => `crosscurrent:comments:${articleId}`;
const listeners = new Set<() => void>();
// useSyncExternalStore wants the same array back while the stored text is unchanged.
const snapshots = new Map<string, { raw: string | null; list: OwnComment[] }>();

function isOwnComment(value: unknown): value is OwnComment {
  const c = value as Partial<OwnComment> | null;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.id === "string" &&
    (c.parentId === null || typeof c.parentId === "string") &&
    typeof c.authorName === "string" &&
    (c.authorUrl === null || typeof c.authorUrl === "string") &&
    typeof c.body === "string" &&
    typeof c.createdAt === "string" &&
    typeof c.pending === "boolean"
  );
}

export function readOwnComments(articleId: string): OwnComment[] {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(storageKey(articleId));
  } catch {
    // Storage disabled: the comment still shows until the page is left.
  }
  const cached = snapshots.get(articleId);
  if (cached && cached.raw === raw) return cached.list;
  let list = EMPTY;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) list = parsed.filter(isOwnComment).map((c) => ({ ...c, isStaff: false }));
  } catch {
    // Unreadable: start over.
  }
  snapshots.set(articleId, { raw, list });
  return list;
}

function writeOwnComments(articleId: string, list: OwnComment[]): void {
  const raw = JSON.stringify(list);
  snapshots.set(articleId, { raw, list });
  try {
    window.sessionStorage.setItem(storageKey(articleId), raw);
  } catch {
    // Full or disabled: the in-memory copy above still shows it on this page.
  }
  for (const listener of listeners) listener();
}

export function addOwnComment(articleId: string, comment: OwnComment): void {
  writeOwnComments(articleId, [...readOwnComments(articleId).filter((c) => c.id !== comment.id), comment]);
}

export function dropOwnComments(articleId: string, ids: ReadonlySet<string>): void {
  const list = readOwnComments(articleId);
  if (list.some((c) => ids.has(c.id)))
    writeOwnComments(
      articleId,
      list.filter((c) => !ids.has(c.id)),
    );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOwnComments(articleId: string): OwnComment[] {
  return useSyncExternalStore(
    subscribe,
    () => readOwnComments(articleId),
    () => EMPTY,
  );
}
