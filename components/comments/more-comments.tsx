"use client";

// Threads beyond the first page, fetched on request: the article page stays small however long
// the discussion grows, and every reader still gets the same cached page.
import { useEffect, useRef, useState } from "react";
import type { CommentNode, CommentOrder, CommentPage } from "@/lib/comments/public-comments";
import { CommentThread } from "./comment-thread";
import styles from "./comments.module.css";
import { useComments } from "./comments-provider";

const MAX_PAGES_TO_FOLLOW_A_LINK = 20;

function holdsComment(nodes: CommentNode[], id: string): boolean {
  return nodes.some((node) => node.id === id || holdsComment(node.replies, id));
}

export function MoreComments({ order, firstCursor }: { order: CommentOrder; firstCursor: string }) {
  const { articleId, announce } = useComments();
  const [threads, setThreads] = useState<CommentNode[]>([]);
  const [cursor, setCursor] = useState<string | null>(firstCursor);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  async function fetchPage(after: string): Promise<CommentPage> {
    const query = new URLSearchParams({ article: articleId, order, after });
    const response = await fetch(`/api/comments?${query}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as CommentPage;
  }

  async function loadMore(after: string) {
    setLoading(true);
    setFailed(false);
    try {
      const page = await fetchPage(after);
      setThreads((shown) => [...shown, ...page.threads]);
      setCursor(page.nextCursor);
      announce(`${page.threads.length} more comment threads shown.`);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }

  // A link to one comment (from a feed or a notification) that sits on a later page: load pages
  // until it is there, then go to it.
  const followedLink = useRef(false);
  useEffect(() => {
    const anchor = decodeURIComponent(window.location.hash.slice(1));
    if (followedLink.current || !anchor.startsWith("comment-") || document.getElementById(anchor)) return;
    followedLink.current = true;
    void (async () => {
      let after: string | null = firstCursor;
      const found: CommentNode[] = [];
      for (let pages = 0; after && pages < MAX_PAGES_TO_FOLLOW_A_LINK; pages++) {
        const page: CommentPage | null = await fetchPage(after).catch(() => null);
        if (!page) break;
        found.push(...page.threads);
        after = page.nextCursor;
        if (holdsComment(page.threads, anchor.slice("comment-".length))) break;
      }
      setThreads(found);
      setCursor(after);
      requestAnimationFrame(() => document.getElementById(anchor)?.scrollIntoView());
    })();
    // Runs once, for the address the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
      {threads.length > 0 && (
        <ol className={styles.list}>
          {threads.map((node) => (
            <CommentThread key={node.id} node={node} level={1} />
          ))}
        </ol>
      )}
      {cursor && (
        <p className={styles.more}>
          <button type="button" disabled={loading} onClick={() => void loadMore(cursor)}>
            {loading ? "Loading comments…" : "Show more comments"}
          </button>
          {failed && <span role="alert"> Those comments could not be loaded. Try again.</span>}
        </p>
      )}
    </>
  );
}
