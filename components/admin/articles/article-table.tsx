"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { bulkArchiveArticles } from "@/app/(admin)/admin/articles/actions";
import { confirmationFromText, useConfirm } from "@/components/ui/confirm-dialog";
import { ColumnHeads } from "@/components/ui/data-table";
import styles from "./article-table.module.css";

export interface DeskRow {
  id: string;
  title: string;
  status: string;
  kind: string;
  source: string | null;
  createdBy: string | null;
  updatedAt: string;
  publishedAt: string | null;
  withdrawn: boolean;
}

export function ArticleTable({ rows, canArchive }: { rows: DeskRow[]; canArchive: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [ask, dialog] = useConfirm();

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function archiveSelected() {
    const question = `Archive ${selected.size} article(s)? They leave the public site.`;
    const ids = [...selected];
    ask(confirmationFromText(question, "Archive"), () =>
      startTransition(async () => {
        const result = await bulkArchiveArticles({ ids });
        setMessage(result.message ?? null);
        if (result.ok) setSelected(new Set());
      }),
    );
  }

  return (
    <>
      {dialog}
      {canArchive && (
        <p>
          <button type="button" disabled={selected.size === 0 || pending} onClick={archiveSelected}>
            Archive selected ({selected.size})
          </button>{" "}
          <span role="status" aria-live="polite">
            {message}
          </span>
        </p>
      )}
      <table className={`data-table ${styles.stacked}`}>
        <ColumnHeads
          columns={[
            canArchive && (
              <span key="select" className="visually-hidden">
                Select
              </span>
            ),
            "Title",
            "Status",
            "Kind",
            "Source",
            "By",
            "Updated",
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {canArchive && (
                <td className={styles.select}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.title}`}
                    checked={selected.has(row.id)}
                    onChange={(e) => toggle(row.id, e.target.checked)}
                  />
                </td>
              )}
              <td className={styles.title}>
                <Link href={`/admin/articles/${row.id}`}>{row.title || "(untitled)"}</Link>
              </td>
              <td className={`${styles.detail} ${styles.word}`}>
                {row.status.replace("_", " ").toLowerCase()}
                {row.withdrawn && <strong> · withdrawn</strong>}
              </td>
              <td className={`${styles.detail} ${styles.word}`}>{row.kind.toLowerCase()}</td>
              <td className={styles.detail}>{row.source ?? ""}</td>
              <td className={`${styles.detail} ${styles.by}`}>{row.createdBy ?? ""}</td>
              <td className={`${styles.detail} ${styles.word}`}>
                {row.updatedAt.slice(0, 16).replace("T", " ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
