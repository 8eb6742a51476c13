"use client";

import { useEffect, useRef, useState } from "react";
import styles from "./article.module.css";

type CopyState = { status: "idle" | "copied" | "manual"; attempt: number };

const MESSAGES = { idle: "", copied: "Copied", manual: "Copy the link from the box" } as const;

/**
 * Copies the article's address. Where the clipboard is unavailable (an http page, an older
 * browser, a refused permission) the address appears selected in a box to copy by hand.
 */
export function CopyLinkButton({ url }: { url: string }) {
  const [state, setState] = useState<CopyState>({ status: "idle", attempt: 0 });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.status === "manual") {
      field.current?.focus();
      field.current?.select();
    }
    if (state.status !== "copied") return;
    const timer = setTimeout(() => setState((s) => ({ ...s, status: "idle" })), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState((s) => ({ status: "copied", attempt: s.attempt + 1 }));
    } catch {
      setState((s) => ({ status: "manual", attempt: s.attempt + 1 }));
    }
  }

  return (
    <>
      <button type="button" className={styles.copyButton} onClick={copy}>
        Copy link
      </button>
      {state.status === "manual" && (
        <input
          ref={field}
          className={styles.copyField}
          type="text"
          readOnly
          value={url}
          aria-label="Address of this article"
          onFocus={(event) => event.currentTarget.select()}
        />
      )}
      <span className={styles.copyStatus} role="status" aria-live="polite">
        {MESSAGES[state.status]}
      </span>
    </>
  );
}
