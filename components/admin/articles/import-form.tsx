"use client";

// "New from pasted text" in two steps: check what the importer makes of the paste (title, people,
// source, date, language, translation, word count, the authorization that covers it, and any
// article the desk may already have of it), correct what needs it, then make the draft.
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { importReprint, previewImport } from "@/app/(admin)/admin/articles/actions";
import { FieldMessage, fieldErrors } from "@/components/admin/taxonomy/fields";
import type { ActionResult } from "@/lib/platform/actions/result";
import type { ImportSummary } from "@/lib/import/import-reprint";
import { OriginalLanguageSelect } from "@/components/editor/original-language-select";
import { languageLabel } from "@/lib/platform/languages";
import { ActionMessage } from "@/components/ui/action-message";

const languageName = (tag: string | null) => (tag ? languageLabel(tag) : "not recognised");

const STATUS_WORDS: Record<string, string> = {
  DRAFT: "draft",
  IN_REVIEW: "in review",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  ARCHIVED: "archived",
};

export function ImportForm() {
  const id = useId();
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, setPending] = useState(false);

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    try {
      if (!summary) {
        const result = await previewImport({ text: data.get("text"), originalUrl: data.get("originalUrl") });
        setState(result.ok ? null : result);
        if (result.ok) setSummary(result.data as ImportSummary);
      } else {
        // On success the action redirects to the draft.
        setState(await importReprint(null, data));
      }
    } finally {
      setPending(false);
    }
  }

  // Any change to the paste or the address makes the summary stale: check again.
  const stale = () => {
    if (summary) setSummary(null);
    if (state) setState(null);
  };
  const err = (name: string) => `${id}-${name}-error`;
  const invalid = (name: string) => fieldErrors(state, name).length > 0 || undefined;

  return (
    <form className="stack wide" onSubmit={run} aria-label="New from pasted text">
      <label>
        Pasted text or HTML
        <textarea
          name="text"
          rows={summary ? 6 : 18}
          required
          onChange={stale}
          aria-invalid={invalid("text")}
          aria-describedby={err("text")}
        />
        <FieldMessage state={state} name="text" id={err("text")} />
      </label>
      <label>
        Address of the original (optional: also finds an earlier import of it)
        <input
          name="originalUrl"
          type="url"
          maxLength={2000}
          onChange={stale}
          aria-invalid={invalid("originalUrl")}
          aria-describedby={err("originalUrl")}
        />
        <FieldMessage state={state} name="originalUrl" id={err("originalUrl")} />
      </label>
      <details className="import-original">
        <summary>The original, to keep beside the translation (optional)</summary>
        <label>
          Original text or HTML (for example the Chinese or Japanese page)
          <textarea
            name="originalText"
            rows={8}
            aria-invalid={invalid("originalText")}
            aria-describedby={err("originalText")}
          />
          <FieldMessage state={state} name="originalText" id={err("originalText")} />
        </label>
        <label>
          Language of the original text
          <OriginalLanguageSelect state={state} errorId={err("originalTextLanguage")} />
        </label>
      </details>
      {summary && <Summary summary={summary} state={state} idPrefix={id} />}
      <button type="submit" className={summary ? "button-primary" : undefined} disabled={pending}>
        {pending
          ? "Working…"
          : !summary
            ? "Check the import"
            : summary.duplicates.length > 0
              ? "Make a draft anyway"
              : "Make the draft"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

function Summary({
  summary,
  state,
  idPrefix,
}: {
  summary: ImportSummary;
  state: ActionResult | null;
  idPrefix: string;
}) {
  const err = (name: string) => `${idPrefix}-${name}-error`;
  const { source, coveringAuthorizations: covering, duplicates } = summary;
  return (
    <section className="import-summary stack" aria-labelledby={`${idPrefix}-summary`}>
      <h2 id={`${idPrefix}-summary`}>What was found</h2>
      {duplicates.length > 0 && (
        <div className="notice" role="alert">
          <p>
            <strong>The desk may already have this piece:</strong>
          </p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/admin/articles/${d.id}`}>{d.title}</Link> ({STATUS_WORDS[d.status] ?? d.status},{" "}
                {d.reason === "SAME_ORIGINAL_URL"
                  ? "same original address"
                  : "same title from the same source"}
                )
              </li>
            ))}
          </ul>
          <input type="hidden" name="allowDuplicate" value="true" />
        </div>
      )}
      <dl className="terms">
        <dt>Title</dt>
        <dd>{summary.title}</dd>
        <dt>Author</dt>
        <dd>{summary.authors.join(", ") || "None found"}</dd>
        {summary.translators.length > 0 && (
          <>
            <dt>Translator</dt>
            <dd>{summary.translators.join(", ")}</dd>
          </>
        )}
        <dt>Source</dt>
        <dd>
          {!source ? (
            "No source line found"
          ) : source.matched ? (
            <Link href={`/admin/sources/${source.matched.id}`}>{source.matched.name}</Link>
          ) : (
            <>
              {source.name}: not on file. <Link href="/admin/sources/new">Add it as a source</Link>
            </>
          )}
          {source && <div className="meta">{source.line}</div>}
        </dd>
        <dt>Words</dt>
        <dd>{summary.wordCount.toLocaleString("en")}</dd>
        <dt>Language of the text</dt>
        <dd>{languageName(summary.textLanguage)}</dd>
      </dl>
      <label>
        Originally published on
        <input
          name="originalPublishedOn"
          type="date"
          defaultValue={summary.originalDate ?? ""}
          aria-describedby={`${err("originalPublishedOn")} ${idPrefix}-date-hint`}
        />
        <span className="meta" id={`${idPrefix}-date-hint`}>
          {summary.originalDate
            ? "Found in the text."
            : "Not found in the text: enter the day from the original page."}
        </span>
        <FieldMessage state={state} name="originalPublishedOn" id={err("originalPublishedOn")} />
      </label>
      <label className="inline-choice">
        <input type="hidden" name="isTranslation" value="false" />
        <input
          type="checkbox"
          name="isTranslation"
          value="true"
          defaultChecked={summary.isTranslation}
        />{" "}
        Translated
      </label>
      {summary.translationReason && <p className="meta">{summary.translationReason}</p>}
      <label>
        Language of the original
        <input
          name="originalLanguage"
          defaultValue={summary.originalLanguage ?? ""}
          placeholder="zh-Hans"
          aria-describedby={err("originalLanguage")}
        />
        <FieldMessage state={state} name="originalLanguage" id={err("originalLanguage")} />
      </label>
      <label>
        Authorization
        <select
          name="authorizationId"
          defaultValue={summary.authorizationId ?? "none"}
          aria-describedby={`${err("authorizationId")} ${idPrefix}-authorization-hint`}
        >
          <option value="none">None yet</option>
          {covering.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <span className="meta" id={`${idPrefix}-authorization-hint`}>
          {covering.length === 1
            ? "The one authorization in force that covers this source is chosen."
            : covering.length > 1
              ? "Several authorizations cover this source: choose the one this piece rests on."
              : "No authorization in force covers this piece: it cannot be published until one is recorded."}
          {covering.length === 0 && source?.matched && (
            <>
              {" "}
              <Link href={`/admin/authorizations/record?source=${source.matched.id}`}>
                Record an authorization
              </Link>
            </>
          )}
        </span>
        <FieldMessage state={state} name="authorizationId" id={err("authorizationId")} />
      </label>
    </section>
  );
}
