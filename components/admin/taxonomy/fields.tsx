// Pieces shared by the tag and people forms. Ids are made per form (useId in the caller), since
// one page holds a rename form per row.
import Link from "next/link";
import type { ActionResult } from "@/lib/actions/result";

export function fieldErrors(state: ActionResult | null, name: string): string[] {
  return state && !state.ok ? (state.fieldErrors?.[name] ?? []) : [];
}

/** The errors of one field, under an id the field names in aria-describedby. */
export function FieldMessage({ state, name, id }: { state: ActionResult | null; name: string; id: string }) {
  const errors = fieldErrors(state, name);
  if (!errors.length) return null;
  return (
    <span className="field-error" id={id}>
      {errors.join(" ")}
    </span>
  );
}

export function SlugField({
  state,
  idPrefix,
  pathPrefix,
  defaultValue,
  hint,
}: {
  state: ActionResult | null;
  idPrefix: string;
  /** e.g. "/tags/" */
  pathPrefix: string;
  defaultValue?: string;
  hint: string;
}) {
  const errorId = `${idPrefix}-slug-error`;
  const hintId = `${idPrefix}-slug-hint`;
  return (
    <label>
      Address <span className="meta">{pathPrefix}</span>
      <input
        name="slug"
        defaultValue={defaultValue}
        maxLength={80}
        autoCapitalize="none"
        spellCheck={false}
        aria-invalid={fieldErrors(state, "slug").length > 0 || undefined}
        aria-describedby={`${hintId} ${errorId}`}
      />
      <span className="meta" id={hintId}>
        {hint}
      </span>
      <FieldMessage state={state} name="slug" id={errorId} />
    </label>
  );
}

/** The delete button of something still in use: disabled, with the way out. */
export function DeleteBlocked({ articleCount, mergeHref }: { articleCount: number; mergeHref: string }) {
  return (
    <span className="inline">
      <button type="button" disabled>
        Delete
      </button>{" "}
      <span className="meta">
        Used by {articleCount} {articleCount === 1 ? "article" : "articles"}:{" "}
        <Link href={mergeHref}>merge it instead</Link>.
      </span>
    </span>
  );
}
