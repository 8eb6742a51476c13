"use client";

// Pieces shared by the tag and people forms. Ids are made per form (useId in the caller), since
// one page holds a rename form per row.
import Link from "next/link";
import { useId, type ReactNode } from "react";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/platform/actions/result";

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

interface FieldProps {
  state: ActionResult | null;
  idPrefix: string;
  name: string;
  label: ReactNode;
  defaultValue?: string;
}

/** A one-line text field (a name) with its errors. */
export function TextField({
  state,
  idPrefix,
  name,
  label,
  defaultValue,
  required,
}: FieldProps & { required?: boolean }) {
  const errorId = `${idPrefix}-${name}-error`;
  return (
    <label>
      {label}
      <input
        name={name}
        required={required}
        maxLength={120}
        defaultValue={defaultValue}
        aria-describedby={errorId}
      />
      <FieldMessage state={state} name={name} id={errorId} />
    </label>
  );
}

/** A few lines of text (a description, a bio) with its errors. */
export function TextAreaField({ state, idPrefix, name, label, defaultValue }: FieldProps) {
  const errorId = `${idPrefix}-${name}-error`;
  return (
    <label>
      {label}
      <textarea
        name={name}
        maxLength={2000}
        rows={3}
        defaultValue={defaultValue}
        aria-describedby={errorId}
      />
      <FieldMessage state={state} name={name} id={errorId} />
    </label>
  );
}

/**
 * The actions on one row of a tag or people list: a rename form (its fields from `children`, ids
 * under the given prefix), a link to the merge form, and delete, or why not while still in use.
 */
export function RowActions({
  idField,
  entityId,
  renameAction,
  deleteAction,
  deleteConfirm,
  articleCount,
  mergeHref,
  children,
}: {
  /** The input naming the entity, e.g. "tagId". */
  idField: string;
  entityId: string;
  renameAction: FormAction;
  deleteAction: FormAction;
  deleteConfirm: string;
  articleCount: number;
  mergeHref: string;
  children: (state: ActionResult | null, idPrefix: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="row-actions">
      <details>
        <summary>Rename</summary>
        <ActionForm action={renameAction} submitLabel="Save" className="stack">
          {(state) => (
            <>
              <input type="hidden" name={idField} value={entityId} />
              {children(state, id)}
              <FieldMessage state={state} name={idField} id={`${id}-${idField}-error`} />
            </>
          )}
        </ActionForm>
      </details>
      <Link href={mergeHref}>Merge…</Link>
      {articleCount > 0 ? (
        <DeleteBlocked articleCount={articleCount} mergeHref={mergeHref} />
      ) : (
        <ActionForm action={deleteAction} submitLabel="Delete" confirm={deleteConfirm} className="inline">
          {() => <input type="hidden" name={idField} value={entityId} />}
        </ActionForm>
      )}
    </div>
  );
}

/** Merge one entity (sourceId) into another (targetId), after a confirmation. */
export function MergeForm<T extends { id: string }>({
  action,
  confirm,
  sourceLabel,
  targetLabel,
  options,
  optionLabel,
  defaultSourceId,
}: {
  action: FormAction;
  confirm: string;
  sourceLabel: string;
  targetLabel: string;
  options: T[];
  optionLabel: (option: T) => string;
  defaultSourceId?: string;
}) {
  const id = useId();
  const picker = (state: ActionResult | null, name: string, label: string, defaultValue: string) => (
    <label>
      {label}
      <select name={name} required defaultValue={defaultValue} aria-describedby={`${id}-${name}-error`}>
        <option value="">Choose…</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      <FieldMessage state={state} name={name} id={`${id}-${name}-error`} />
    </label>
  );
  return (
    <ActionForm action={action} submitLabel="Merge" confirm={confirm} className="stack">
      {(state) => (
        <>
          {picker(state, "sourceId", sourceLabel, defaultSourceId ?? "")}
          {picker(state, "targetId", targetLabel, "")}
        </>
      )}
    </ActionForm>
  );
}
