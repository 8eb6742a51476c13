// A copy of unsaved work in this browser, so a failed save, a crash or a closed tab loses
// nothing: on the next load the editor offers it back when it is newer than the server's.
import type { EditorFields } from "@/lib/articles/editor-types";

export interface LocalDraft {
  fields: EditorFields;
  baseVersion: number | null;
  savedAt: number;
}

const key = (articleId: string) => `crosscurrent:draft:${articleId}`;

export function readLocalDraft(articleId: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(articleId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(articleId: string, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(key(articleId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server copy and the retry loop still protect the text.
  }
}

export function clearLocalDraft(articleId: string): void {
  try {
    window.localStorage.removeItem(key(articleId));
  } catch {}
}
