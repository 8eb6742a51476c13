"use client";

// The source form, for /admin/sources/new and an admin's view of /admin/sources/[id], and the
// delete button. Unlike ActionForm, the form keeps what was typed when the server refuses it
// (a form action resets its fields), so a long note is never lost to one bad email address.
import { startTransition, useActionState, useId, type FormEvent, type ReactNode } from "react";
import { createSource, deleteSource, updateSource } from "@/app/(admin)/admin/sources/actions";
import { fieldErrors, FieldMessage, SlugField } from "@/components/admin/taxonomy/fields";
import { SOURCE_KIND_LABELS } from "@/lib/sources/fields";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/platform/actions/result";
import type { SourceKind } from "@/lib/generated/prisma/enums";
import { SOURCE_KINDS, SOURCE_LIMITS } from "@/lib/sources/fields";
import { ActionMessage } from "@/components/ui/action-message";

export interface EditableSource {
  id: string;
  name: string;
  slug: string;
  kind: SourceKind;
  platformId: string | null;
  url: string | null;
  description: string;
  contactName: string | null;
  contactEmail: string | null;
  contactWechat: string | null;
  notes: string;
  /** Changes on every save (updatedAt), so the fields then show what was stored. */
  version: string;
}

function Field({
  state,
  idPrefix,
  name,
  label,
  hint,
  children,
}: {
  state: ActionResult | null;
  idPrefix: string;
  name: string;
  label: ReactNode;
  hint?: string;
  children: (props: {
    name: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string;
  }) => ReactNode;
}) {
  const errorId = `${idPrefix}-${name}-error`;
  const hintId = `${idPrefix}-${name}-hint`;
  return (
    <label>
      {label}
      {children({
        name,
        "aria-invalid": fieldErrors(state, name).length > 0 || undefined,
        "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
      })}
      {hint && (
        <span className="meta" id={hintId}>
          {hint}
        </span>
      )}
      <FieldMessage state={state} name={name} id={errorId} />
    </label>
  );
}

function SourceFields({ state, source }: { state: ActionResult | null; source?: EditableSource }) {
  const id = useId();
  const common = { state, idPrefix: id };
  return (
    <>
      <Field {...common} name="name" label="Name">
        {(props) => <input {...props} required maxLength={SOURCE_LIMITS.name} defaultValue={source?.name} />}
      </Field>
      <Field {...common} name="kind" label="Kind">
        {(props) => (
          <select {...props} required defaultValue={source?.kind ?? ""}>
            {!source && (
              <option value="" disabled>
                Choose…
              </option>
            )}
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SOURCE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SlugField
        state={state}
        idPrefix={id}
        pathPrefix="/sources/"
        defaultValue={source?.slug}
        hint={
          source
            ? "Empty: kept, or made from the new name if you rename. An old address keeps leading here."
            : "Leave empty to make it from the name."
        }
      />
      <Field
        {...common}
        name="platformId"
        label="Platform id"
        hint="The platform’s own id, e.g. the WeChat official account id. Optional."
      >
        {(props) => (
          <input
            {...props}
            maxLength={SOURCE_LIMITS.platformId}
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={source?.platformId ?? ""}
          />
        )}
      </Field>
      <Field {...common} name="url" label="Web address" hint="Starting with https:// or http://. Optional.">
        {(props) => (
          <input
            {...props}
            type="url"
            maxLength={SOURCE_LIMITS.url}
            placeholder="https://"
            defaultValue={source?.url ?? ""}
          />
        )}
      </Field>
      <Field {...common} name="description" label="Description">
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={SOURCE_LIMITS.description}
            defaultValue={source?.description}
          />
        )}
      </Field>
      <fieldset className="stack">
        <legend>Contact (staff only)</legend>
        <Field {...common} name="contactName" label="Contact name">
          {(props) => (
            <input
              {...props}
              maxLength={SOURCE_LIMITS.contactName}
              defaultValue={source?.contactName ?? ""}
            />
          )}
        </Field>
        <Field {...common} name="contactEmail" label="Contact email">
          {(props) => (
            <input
              {...props}
              type="email"
              maxLength={SOURCE_LIMITS.contactEmail}
              defaultValue={source?.contactEmail ?? ""}
            />
          )}
        </Field>
        <Field {...common} name="contactWechat" label="Contact WeChat id">
          {(props) => (
            <input
              {...props}
              maxLength={SOURCE_LIMITS.contactWechat}
              autoCapitalize="none"
              spellCheck={false}
              defaultValue={source?.contactWechat ?? ""}
            />
          )}
        </Field>
      </fieldset>
      <Field {...common} name="notes" label="Notes" hint="For staff; never shown on the site.">
        {(props) => (
          <textarea {...props} rows={5} maxLength={SOURCE_LIMITS.notes} defaultValue={source?.notes} />
        )}
      </Field>
      {source && <FieldMessage state={state} name="sourceId" id={`${id}-sourceId-error`} />}
    </>
  );
}

/** Creates a source (no `source`) or edits one. */
export function SourceForm({ source }: { source?: EditableSource }) {
  const action: FormAction = source ? updateSource : createSource;
  const [state, formAction, pending] = useActionState(action, null);

  function submit(event: FormEvent<HTMLFormElement>) {
    // Dispatch ourselves: a form action would reset every field, even when the server refused.
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form action={formAction} onSubmit={submit} className="stack wide" noValidate>
      {source && <input type="hidden" name="sourceId" value={source.id} />}
      <SourceFields key={source?.version} state={state} source={source} />
      <button type="submit" disabled={pending}>
        {pending ? "Working…" : source ? "Save source" : "Add source"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export function DeleteSourceButton({ source }: { source: { id: string; name: string } }) {
  return (
    <ActionForm
      action={deleteSource}
      submitLabel="Delete source"
      confirm={`Delete the source “${source.name}”? This cannot be undone.`}
      className="inline"
    >
      {() => <input type="hidden" name="sourceId" value={source.id} />}
    </ActionForm>
  );
}
