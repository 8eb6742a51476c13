"use client";

import Link from "next/link";
import { useId } from "react";
import { createPerson, deletePerson, mergePeople, renamePerson } from "@/app/(admin)/admin/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DeleteBlocked, FieldMessage, SlugField } from "./fields";

export interface PersonOption {
  id: string;
  name: string;
  nativeName: string | null;
  slug: string;
}

export function CreatePersonForm() {
  const id = useId();
  return (
    <ActionForm action={createPerson} submitLabel="Add person" className="stack">
      {(state) => (
        <>
          <label>
            Name
            <input name="name" required maxLength={120} aria-describedby={`${id}-name-error`} />
            <FieldMessage state={state} name="name" id={`${id}-name-error`} />
          </label>
          <label>
            Name in the original script <span className="meta">(optional, e.g. 刀妹)</span>
            <input name="nativeName" maxLength={120} aria-describedby={`${id}-nativeName-error`} />
            <FieldMessage state={state} name="nativeName" id={`${id}-nativeName-error`} />
          </label>
          <SlugField
            state={state}
            idPrefix={id}
            pathPrefix="/authors/"
            hint="Leave empty to make it from the name."
          />
          <label>
            Bio
            <textarea name="bio" maxLength={2000} rows={3} aria-describedby={`${id}-bio-error`} />
            <FieldMessage state={state} name="bio" id={`${id}-bio-error`} />
          </label>
        </>
      )}
    </ActionForm>
  );
}

export function PersonRowActions({
  person,
  articleCount,
  mergeHref,
}: {
  person: PersonOption & { bio: string };
  articleCount: number;
  mergeHref: string;
}) {
  const id = useId();
  return (
    <div className="row-actions">
      <details>
        <summary>Rename</summary>
        <ActionForm action={renamePerson} submitLabel="Save" className="stack">
          {(state) => (
            <>
              <input type="hidden" name="personId" value={person.id} />
              <label>
                Name
                <input
                  name="name"
                  required
                  maxLength={120}
                  defaultValue={person.name}
                  aria-describedby={`${id}-name-error`}
                />
                <FieldMessage state={state} name="name" id={`${id}-name-error`} />
              </label>
              <label>
                Name in the original script
                <input
                  name="nativeName"
                  maxLength={120}
                  defaultValue={person.nativeName ?? ""}
                  aria-describedby={`${id}-nativeName-error`}
                />
                <FieldMessage state={state} name="nativeName" id={`${id}-nativeName-error`} />
              </label>
              <SlugField
                state={state}
                idPrefix={id}
                pathPrefix="/authors/"
                defaultValue={person.slug}
                hint="Empty: kept, or made from the new name if you rename. An old address keeps leading here."
              />
              <label>
                Bio
                <textarea
                  name="bio"
                  maxLength={2000}
                  rows={3}
                  defaultValue={person.bio}
                  aria-describedby={`${id}-bio-error`}
                />
                <FieldMessage state={state} name="bio" id={`${id}-bio-error`} />
              </label>
              <FieldMessage state={state} name="personId" id={`${id}-personId-error`} />
            </>
          )}
        </ActionForm>
      </details>
      <Link href={mergeHref}>Merge…</Link>
      {articleCount > 0 ? (
        <DeleteBlocked articleCount={articleCount} mergeHref={mergeHref} />
      ) : (
        <ActionForm
          action={deletePerson}
          submitLabel="Delete"
          confirm={`Delete “${person.name}”?`}
          className="inline"
        >
          {() => <input type="hidden" name="personId" value={person.id} />}
        </ActionForm>
      )}
    </div>
  );
}

function personLabel(person: PersonOption): string {
  const native = person.nativeName ? ` ${person.nativeName}` : "";
  return `${person.name}${native} · /authors/${person.slug}`;
}

export function MergePeopleForm({
  people,
  defaultSourceId,
}: {
  people: PersonOption[];
  defaultSourceId?: string;
}) {
  const id = useId();
  return (
    <ActionForm
      action={mergePeople}
      submitLabel="Merge"
      confirm="Merge these people? Every byline of the first goes to the second, the first is deleted and its address leads to the second. This cannot be undone."
      className="stack"
    >
      {(state) => (
        <>
          <label>
            Merge this person
            <select
              name="sourceId"
              required
              defaultValue={defaultSourceId ?? ""}
              aria-describedby={`${id}-sourceId-error`}
            >
              <option value="">Choose…</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {personLabel(person)}
                </option>
              ))}
            </select>
            <FieldMessage state={state} name="sourceId" id={`${id}-sourceId-error`} />
          </label>
          <label>
            into this one (who stays)
            <select name="targetId" required defaultValue="" aria-describedby={`${id}-targetId-error`}>
              <option value="">Choose…</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {personLabel(person)}
                </option>
              ))}
            </select>
            <FieldMessage state={state} name="targetId" id={`${id}-targetId-error`} />
          </label>
        </>
      )}
    </ActionForm>
  );
}
