"use client";

// Everything per reader in the comment section lives here, in the browser: which comment the
// form replies to, what is typed (kept while the form moves), and announcements. The server
// renders the same section for everyone.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { commentAnchor } from "./comment-card";
import { dropOwnComments, useOwnComments } from "./own-comments";

export interface CommentDraft {
  name: string;
  email: string;
  website: string;
  body: string;
  remember: boolean;
}

const EMPTY_DRAFT: CommentDraft = { name: "", email: "", website: "", body: "", remember: false };

interface CommentsContextValue {
  articleId: string;
  open: boolean;
  replyTo: { id: string; authorName: string } | null;
  startReply(id: string, authorName: string): void;
  /** Puts the form back under the article; focus returns to the Reply button unless told not to. */
  cancelReply(options?: { restoreFocus?: boolean }): void;
  draft: CommentDraft;
  updateDraft(patch: Partial<CommentDraft>): void;
  announce(message: string): void;
}

const CommentsContext = createContext<CommentsContextValue | null>(null);

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error("useComments must be used inside <CommentsProvider>.");
  return value;
}

export const replyButtonId = (commentId: string) => `reply-to-${commentId}`;

export function CommentsProvider({
  articleId,
  open,
  children,
}: {
  articleId: string;
  open: boolean;
  children: ReactNode;
}) {
  const [replyTo, setReplyTo] = useState<CommentsContextValue["replyTo"]>(null);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [announcement, setAnnouncement] = useState("");
  const own = useOwnComments(articleId);

  // Once the page itself shows one of the reader's comments (approved, page refreshed), the
  // stored copy has done its job.
  useEffect(() => {
    const published = own.filter((c) => document.getElementById(commentAnchor(c.id)));
    if (published.length) dropOwnComments(articleId, new Set(published.map((c) => c.id)));
  }, [articleId, own]);

  const value = useMemo<CommentsContextValue>(
    () => ({
      articleId,
      open,
      replyTo,
      startReply: (id, authorName) => setReplyTo({ id, authorName }),
      cancelReply: ({ restoreFocus = true } = {}) => {
        setReplyTo(null);
        // Back to the Reply button the reader came from, once the form has left.
        if (replyTo && restoreFocus)
          requestAnimationFrame(() => document.getElementById(replyButtonId(replyTo.id))?.focus());
      },
      draft,
      updateDraft: (patch) => setDraft((current) => ({ ...current, ...patch })),
      announce: setAnnouncement,
    }),
    [articleId, open, replyTo, draft],
  );

  return (
    <CommentsContext.Provider value={value}>
      {children}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </CommentsContext.Provider>
  );
}
