"use client";

import { useId } from "react";
import { createTag, deleteTag, mergeTags, renameTag } from "@/app/(admin)/admin/tags/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { TAG_KIND_LABELS, TAG_KINDS } from "@/lib/taxonomy/kinds";
import { FieldMessage, MergeForm, RowActions, SlugField, TextAreaField, TextField } from "./fields";

export interface TagOption {
  id: string;
  name: string;
  kind: TagKind;
  slug: string;
}

function KindSelect({ name, defaultValue, id }: { name: string; defaultValue: TagKind; id?: string }) {
  return (
    <select name={name} defaultValue={defaultValue} id={id}>
      {TAG_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {TAG_KIND_LABELS[kind]}
        </option>
      ))}
    </select>
  );
}

export function CreateTagForm() {
  const id = useId();
  return (
    <ActionForm action={createTag} submitLabel="Create tag" className="stack">
      {(state) => (
        <>
          <TextField state={state} idPrefix={id} name="name" label="Name" required />
          <label>
            Kind
            <KindSelect name="kind" defaultValue="TOPIC" />
            <FieldMessage state={state} name="kind" id={`${id}-kind-error`} />
          </label>
          <SlugField
            state={state}
            idPrefix={id}
            pathPrefix="/tags/"
            hint="Leave empty to make it from the name."
          />
          <TextAreaField state={state} idPrefix={id} name="description" label="Description" />
        </>
      )}
    </ActionForm>
  );
}

export function TagRowActions({
  tag,
  articleCount,
  mergeHref,
}: {
  tag: TagOption & { description: string };
  articleCount: number;
  mergeHref: string;
}) {
  return (
    <RowActions
      idField="tagId"
      entityId={tag.id}
      renameAction={renameTag}
      deleteAction={deleteTag}
      deleteConfirm={`Delete the tag “${tag.name}”?`}
      articleCount={articleCount}
      mergeHref={mergeHref}
    >
      {(state, id) => (
        <>
          <TextField state={state} idPrefix={id} name="name" label="Name" required defaultValue={tag.name} />
          <SlugField
            state={state}
            idPrefix={id}
            pathPrefix="/tags/"
            defaultValue={tag.slug}
            hint="Empty: kept, or made from the new name if you rename. An old address keeps leading here."
          />
          <TextAreaField
            state={state}
            idPrefix={id}
            name="description"
            label="Description"
            defaultValue={tag.description}
          />
        </>
      )}
    </RowActions>
  );
}

function tagLabel(tag: TagOption): string {
  return `${tag.name} (${TAG_KIND_LABELS[tag.kind].toLowerCase()}) · /tags/${tag.slug}`;
}

export function MergeTagsForm({ tags, defaultSourceId }: { tags: TagOption[]; defaultSourceId?: string }) {
  return (
    <MergeForm
      action={mergeTags}
      confirm="Merge these tags? Every article of the first moves to the second, the first is deleted and its address leads to the second. This cannot be undone."
      sourceLabel="Merge this tag"
      targetLabel="into this one (which stays)"
      options={tags}
      optionLabel={tagLabel}
      defaultSourceId={defaultSourceId}
    />
  );
}
