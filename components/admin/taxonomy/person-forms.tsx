"use client";

import { useId } from "react";
import { createPerson, deletePerson, mergePeople, renamePerson } from "@/app/(admin)/admin/people/actions";
import { ActionForm } from "@/components/ui/action-form";
import { MergeForm, RowActions, SlugField, TextAreaField, TextField } from "./fields";

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
          <TextField state={state} idPrefix={id} name="name" label="Name" required />
          <TextField
            state={state}
            idPrefix={id}
            name="nativeName"
            label={
              <>
                Name in the original script <span className="meta">(optional, e.g. 刀妹)</span>
              </>
            }
          />
          <SlugField
            state={state}
            idPrefix={id}
            pathPrefix="/authors/"
            hint="Leave empty to make it from the name."
          />
          <TextAreaField state={state} idPrefix={id} name="bio" label="Bio" />
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
  return (
    <RowActions
      idField="personId"
      entityId={person.id}
      renameAction={renamePerson}
      deleteAction={deletePerson}
      deleteConfirm={`Delete “${person.name}”?`}
      articleCount={articleCount}
      mergeHref={mergeHref}
    >
      {(state, id) => (
        <>
          <TextField
            state={state}
            idPrefix={id}
            name="name"
            label="Name"
            required
            defaultValue={person.name}
          />
          <TextField
            state={state}
            idPrefix={id}
            name="nativeName"
            label="Name in the original script"
            defaultValue={person.nativeName ?? ""}
          />
          <SlugField
            state={state}
            idPrefix={id}
            pathPrefix="/authors/"
            defaultValue={person.slug}
            hint="Empty: kept, or made from the new name if you rename. An old address keeps leading here."
          />
          <TextAreaField state={state} idPrefix={id} name="bio" label="Bio" defaultValue={person.bio} />
        </>
      )}
    </RowActions>
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
  return (
    <MergeForm
      action={mergePeople}
      confirm="Merge these people? Every byline of the first goes to the second, the first is deleted and its address leads to the second. This cannot be undone."
      sourceLabel="Merge this person"
      targetLabel="into this one (who stays)"
      options={people}
      optionLabel={personLabel}
      defaultSourceId={defaultSourceId}
    />
  );
}
