"use client";

import Link from "next/link";
import { useId } from "react";
import { createTag, deleteTag, mergeTags, renameTag } from "@/app/(admin)/admin/tags/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { TAG_KIND_LABELS, TAG_KINDS } from "@/lib/taxonomy/kinds";
import { DeleteBlocked, FieldMessage, SlugField } from "./fields";

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
          <label>
            Name
            <input name="name" required maxLength={120} aria-describedby={`${id}-name-error`} />
            <FieldMessage state={state} name="name" id={`${id}-name-error`} />
          </label>
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
          <label>
            Description
            <textarea
              name="description"
              maxLength={2000}
              rows={3}
              aria-describedby={`${id}-description-error`}
            />
            <FieldMessage state={state} name="description" id={`${id}-description-error`} />
          </label>
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
  const id = useId();
  return (
    <div className="row-actions">
      <details>
        <summary>Rename</summary>
        <ActionForm action={renameTag} submitLabel="Save" className="stack">
          {(state) => (
            <>
              <input type="hidden" name="tagId" value={tag.id} />
              <label>
                Name
                <input
                  name="name"
                  required
                  maxLength={120}
                  defaultValue={tag.name}
                  aria-describedby={`${id}-name-error`}
                />
                <FieldMessage state={state} name="name" id={`${id}-name-error`} />
              </label>
              <SlugField
                state={state}
                idPrefix={id}
                pathPrefix="/tags/"
                defaultValue={tag.slug}
                hint="Empty: kept, or made from the new name if you rename. An old address keeps leading here."
              />
              <label>
                Description
                <textarea
                  name="description"
                  maxLength={2000}
                  rows={3}
                  defaultValue={tag.description}
                  aria-describedby={`${id}-description-error`}
                />
                <FieldMessage state={state} name="description" id={`${id}-description-error`} />
              </label>
              <FieldMessage state={state} name="tagId" id={`${id}-tagId-error`} />
            </>
          )}
        </ActionForm>
      </details>
      <Link href={mergeHref}>Merge…</Link>
      {articleCount > 0 ? (
        <DeleteBlocked articleCount={articleCount} mergeHref={mergeHref} />
      ) : (
        <ActionForm
          action={deleteTag}
          submitLabel="Delete"
          confirm={`Delete the tag “${tag.name}”?`}
          className="inline"
        >
          {() => <input type="hidden" name="tagId" value={tag.id} />}
        </ActionForm>
      )}
    </div>
  );
}

function tagLabel(tag: TagOption): string {
  return `${tag.name} (${TAG_KIND_LABELS[tag.kind].toLowerCase()}) · /tags/${tag.slug}`;
}

export function MergeTagsForm({ tags, defaultSourceId }: { tags: TagOption[]; defaultSourceId?: string }) {
  const id = useId();
  return (
    <ActionForm
      action={mergeTags}
      submitLabel="Merge"
      confirm="Merge these tags? Every article of the first moves to the second, the first is deleted and its address leads to the second. This cannot be undone."
      className="stack"
    >
      {(state) => (
        <>
          <label>
            Merge this tag
            <select
              name="sourceId"
              required
              defaultValue={defaultSourceId ?? ""}
              aria-describedby={`${id}-sourceId-error`}
            >
              <option value="">Choose…</option>
              {tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tagLabel(tag)}
                </option>
              ))}
            </select>
            <FieldMessage state={state} name="sourceId" id={`${id}-sourceId-error`} />
          </label>
          <label>
            into this one (which stays)
            <select name="targetId" required defaultValue="" aria-describedby={`${id}-targetId-error`}>
              <option value="">Choose…</option>
              {tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tagLabel(tag)}
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
