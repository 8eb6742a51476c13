"use client";

// Saves the editor's fields a moment after each change, keeps a local copy until the server
// has it, retries failed saves with backoff, and stops at a conflict until the editor decides.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/platform/actions/result";
import { clearLocalDraft, writeLocalDraft } from "./local-draft";
import type { EditorFields, ServerArticle } from "@/lib/articles/editor-types";

export type SaveStatus =
  | { kind: "saved" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "failed"; message: string; retrying: boolean }
  | { kind: "conflict"; server: ServerArticle };

type SaveAction = (input: unknown) => Promise<ActionResult>;

const AUTOSAVE_DELAY_MS = 1500;
const MAX_RETRY_DELAY_MS = 30_000;

export function useAutosave(options: {
  articleId: string;
  article: ServerArticle | null;
  fields: EditorFields;
  create: SaveAction;
  save: SaveAction;
  onSaved: (article: ServerArticle) => void;
}) {
  const { articleId, fields, create, save, onSaved } = options;
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved" });
  const article = useRef(options.article);
  const lastSaved = useRef(JSON.stringify(fields));
  const latest = useRef(fields);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryDelay = useRef(2000);
  const blocked = useRef(false);

  latest.current = fields;

  const run = useCallback(
    async (manual: boolean, onScreen?: EditorFields): Promise<boolean> => {
      if (onScreen) latest.current = onScreen;
      if (blocked.current) return false;
      if (inFlight.current) {
        // A save is on its way: this one follows it rather than racing it.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return run(manual, onScreen);
      }
      const sending = latest.current;
      const sendingJson = JSON.stringify(sending);
      if (!manual && sendingJson === lastSaved.current) return true;
      inFlight.current = true;
      setStatus({ kind: "saving" });
      const current = article.current;
      let result: ActionResult;
      try {
        result = current
          ? await save({ ...sending, id: current.id, version: current.version, manual })
          : await create({ ...sending, id: articleId });
      } catch {
        inFlight.current = false;
        scheduleRetry("The server could not be reached. Your text is kept here; retrying…");
        return false;
      }
      inFlight.current = false;
      if (result.ok) {
        const saved = result.data as ServerArticle;
        article.current = saved;
        lastSaved.current = sendingJson;
        retryDelay.current = 2000;
        onSaved(saved);
        if (JSON.stringify(latest.current) === sendingJson) {
          clearLocalDraft(articleId);
          setStatus({ kind: "saved" });
        } else {
          setStatus({ kind: "unsaved" });
          schedule();
        }
        return true;
      }
      if (
        result.code === "CONFLICT" &&
        result.data &&
        typeof result.data === "object" &&
        "server" in result.data
      ) {
        blocked.current = true;
        setStatus({ kind: "conflict", server: (result.data as { server: ServerArticle }).server });
        return false;
      }
      if (result.code === "INVALID" || result.code === "FORBIDDEN" || result.code === "NOT_FOUND") {
        setStatus({ kind: "failed", message: result.message, retrying: false });
        return false;
      }
      scheduleRetry(result.message);
      return false;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [create, save, onSaved],
  );

  function schedule(delay = AUTOSAVE_DELAY_MS) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(false), delay);
  }

  function scheduleRetry(message: string) {
    setStatus({ kind: "failed", message, retrying: true });
    const delay = retryDelay.current;
    retryDelay.current = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
    schedule(delay);
  }

  // Every change: keep a local copy at once, save to the server shortly after.
  useEffect(() => {
    const json = JSON.stringify(fields);
    if (json === lastSaved.current) return;
    writeLocalDraft(articleId, {
      fields,
      baseVersion: article.current?.version ?? null,
      savedAt: Date.now(),
    });
    if (!blocked.current) {
      setStatus((s) => (s.kind === "saving" ? s : { kind: "unsaved" }));
      schedule();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fields]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // Warn before leaving with unsaved work.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(latest.current) !== lastSaved.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  /** After a conflict, keep this editor's text: save it on top of the server's newer version. */
  const keepMine = useCallback(
    (server: ServerArticle) => {
      article.current = server;
      blocked.current = false;
      return run(true);
    },
    [run],
  );

  /** After a conflict, take the server's version: drop the local copy and load it. */
  const takeTheirs = useCallback(() => {
    clearLocalDraft(articleId);
    lastSaved.current = JSON.stringify(latest.current);
    window.location.reload();
  }, [articleId]);

  return {
    status,
    saveNow: (onScreen?: EditorFields) => run(true, onScreen),
    keepMine,
    takeTheirs,
    /** The article as the server last confirmed it (id and version for workflow moves). */
    confirmed: () => article.current,
    /** Workflow moves (publish, …) bump the version and may change fields: take them as saved. */
    adopt: (saved: ServerArticle, fields: EditorFields) => {
      article.current = saved;
      latest.current = fields;
      lastSaved.current = JSON.stringify(fields);
    },
  };
}
