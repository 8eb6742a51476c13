"use client";

import {
  COMMENT_MODE_LABELS,
  COMMENT_MODES,
  HEATED_TOPIC_PRESET,
  POLICY_LIMITS,
} from "@/lib/comments/policy";
import { ChevronsUpDown, X } from "lucide-react";
import { SearchablePicker, type PickerItem } from "@/components/ui/searchable-picker";
import type { EditorFields, EditorOptions } from "@/lib/articles/editor-types";

type Update = <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void;
type NumberKey = "commentAutoCloseDays" | "commentLinkLimit" | "commentMaxLength" | "commentSlowModeSeconds";

function TextField(props: {
  label: string;
  name: keyof EditorFields;
  value: string;
  update: Update;
  multiline?: boolean;
  maxLength: number;
  placeholder?: string;
}) {
  const common = {
    name: props.name,
    value: props.value,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => props.update(props.name, e.target.value as never),
  };
  return (
    <label>
      {props.label}
      {props.multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </label>
  );
}

/** A whole number that may be left empty (null). */
function NumberField(props: {
  label: string;
  name: NumberKey;
  value: number | null | undefined;
  update: Update;
  min: number;
  max: number;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        inputMode="numeric"
        name={props.name}
        min={props.min}
        max={props.max}
        step={1}
        placeholder="site default"
        value={props.value ?? ""}
        onChange={(e) => props.update(props.name, e.target.value === "" ? null : Number(e.target.value))}
      />
    </label>
  );
}

export function SidePanel({
  address,
  addressReserved,
  fields,
  update,
  options,
  featuredImageUrl,
  onChooseFeaturedImage,
  onRemoveFeaturedImage,
  onCreateTag,
  onCreatePerson,
  onCreateSource,
}: {
  /** The public address it has or would get (null before the first save). */
  address: string | null;
  /** Whether that address is its own already (set by hand, or public once). */
  addressReserved: boolean;
  fields: EditorFields;
  update: Update;
  options: EditorOptions;
  featuredImageUrl: string | null;
  onChooseFeaturedImage: () => void;
  onRemoveFeaturedImage: () => void;
  /** Adds a tag or a person from the picker's query; absent when the user may not. */
  onCreateTag?: (name: string) => Promise<PickerItem | string>;
  onCreatePerson?: (name: string) => Promise<PickerItem | string>;
  /** Adds a source (kind Website) from the picker's query; absent when the user may not. */
  onCreateSource?: (name: string) => Promise<PickerItem | string>;
}) {
  const personName = (id: string) => options.people.find((p) => p.id === id)?.name ?? "Removed person";
  const authorizations = options.authorizations.filter((a) => a.sourceId === fields.sourceId);
  const heated =
    fields.commentMode === HEATED_TOPIC_PRESET.commentMode &&
    fields.commentSlowModeSeconds === HEATED_TOPIC_PRESET.commentSlowModeSeconds;
  return (
    <aside className="editor-panel" aria-label="Article settings">
      <TextField
        label="Slug (web address)"
        name="slug"
        value={fields.slug}
        update={update}
        maxLength={100}
        placeholder="made from the title"
      />
      {address && (
        <p className="meta field-hint" data-testid="article-address">
          {addressReserved ? "Address: " : "Address when published: "}
          <code>{address}</code>
        </p>
      )}
      <TextField
        label="Excerpt"
        name="excerpt"
        value={fields.excerpt}
        update={update}
        maxLength={600}
        multiline
      />

      <fieldset>
        <legend>Kind</legend>
        {(["ORIGINAL", "REPRINT"] as const).map((kind) => (
          <label key={kind} className="inline-choice">
            <input
              type="radio"
              name="kind"
              checked={fields.kind === kind}
              onChange={() => update("kind", kind)}
            />
            {kind === "ORIGINAL" ? "Our own" : "Reprint"}
          </label>
        ))}
      </fieldset>

      {fields.kind === "REPRINT" && (
        <fieldset>
          <legend>Reprint</legend>
          <div className="picker-field">
            <span id="source-label">Source</span>
            <SearchablePicker
              label="Search sources"
              items={options.sources}
              onPick={(source) => {
                update("sourceId", source.id);
                // The source's only grant is the one to use; with several, the editor chooses.
                const grants = options.authorizations.filter((a) => a.sourceId === source.id && a.granted);
                update("authorizationId", grants.length === 1 ? grants[0]!.id : null);
              }}
              onCreate={onCreateSource}
              createLabel="Create source"
              trigger={
                <button type="button" className="picker-trigger" aria-labelledby="source-label source-value">
                  <span id="source-value">
                    {options.sources.find((s) => s.id === fields.sourceId)?.name ??
                      "Choose the rights holder…"}
                  </span>
                  <ChevronsUpDown aria-hidden size={14} />
                </button>
              }
            />
          </div>
          <label>
            Authorization
            <select
              value={fields.authorizationId ?? ""}
              onChange={(e) => update("authorizationId", e.target.value || null)}
            >
              <option value="">
                {authorizations.length ? "Whichever grant covers it" : "None recorded for this source"}
              </option>
              {authorizations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label="Original URL"
            name="originalUrl"
            value={fields.originalUrl}
            update={update}
            maxLength={2000}
            placeholder="https://…"
          />
          <TextField
            label="Original title"
            name="originalTitle"
            value={fields.originalTitle}
            update={update}
            maxLength={300}
          />
          <TextField
            label="Source line as printed"
            name="sourceLine"
            value={fields.sourceLine}
            update={update}
            maxLength={500}
          />
          <TextField
            label="Original language"
            name="originalLanguage"
            value={fields.originalLanguage}
            update={update}
            maxLength={20}
            placeholder="zh-Hans"
          />
          <label className="inline-choice">
            <input
              type="checkbox"
              checked={fields.isTranslation}
              onChange={(e) => update("isTranslation", e.target.checked)}
            />
            Translated
          </label>
          <label className="inline-choice">
            <input
              type="checkbox"
              checked={fields.isModified}
              onChange={(e) => update("isModified", e.target.checked)}
            />
            Edited from the original
          </label>
        </fieldset>
      )}

      <fieldset>
        <legend>Bylines</legend>
        {fields.bylines.map((byline, index) => (
          <div key={`${byline.personId}:${index}`} className="byline-row">
            <span className="byline-name">{personName(byline.personId)}</span>
            <select
              aria-label={`${personName(byline.personId)}: role`}
              value={byline.role}
              onChange={(e) =>
                update(
                  "bylines",
                  fields.bylines.map((b, i) =>
                    i === index ? { ...b, role: e.target.value as "AUTHOR" | "TRANSLATOR" } : b,
                  ),
                )
              }
            >
              <option value="AUTHOR">Author</option>
              <option value="TRANSLATOR">Translator</option>
            </select>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${personName(byline.personId)}`}
              onClick={() =>
                update(
                  "bylines",
                  fields.bylines.filter((_, i) => i !== index),
                )
              }
            >
              <X aria-hidden size={14} />
            </button>
          </div>
        ))}
        {/* A byline names whom the editor picks: nobody is filled in for them. */}
        <SearchablePicker
          label="Search people"
          items={options.people}
          onPick={(person) => update("bylines", [...fields.bylines, { personId: person.id, role: "AUTHOR" }])}
          onCreate={onCreatePerson}
          createLabel="Add the person"
          trigger={
            <button type="button" className="link-button">
              Add a byline
            </button>
          }
        />
      </fieldset>

      <fieldset>
        <legend>Tags</legend>
        {fields.tagIds.length > 0 && (
          <ul className="chips" aria-label="Tags on this article">
            {fields.tagIds.map((tagId) => {
              const tag = options.tags.find((t) => t.id === tagId);
              return (
                <li key={tagId} className="chip">
                  {tag?.name ?? "Removed tag"}
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove the tag ${tag?.name ?? ""}`.trim()}
                    onClick={() =>
                      update(
                        "tagIds",
                        fields.tagIds.filter((t) => t !== tagId),
                      )
                    }
                  >
                    <X aria-hidden size={12} />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <SearchablePicker
          label="Search tags"
          items={options.tags
            .filter((t) => !fields.tagIds.includes(t.id))
            .map((t) => ({ id: t.id, name: t.name, hint: t.kind.toLowerCase() }))}
          onPick={(tag) => update("tagIds", [...fields.tagIds, tag.id])}
          onCreate={onCreateTag}
          createLabel="Create the tag"
          trigger={
            <button type="button" className="link-button">
              Add a tag
            </button>
          }
        />
      </fieldset>

      <fieldset>
        <legend>Featured image</legend>
        {fields.featuredImageId && featuredImageUrl ? (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- a preview of our own upload */}
            <img src={featuredImageUrl} alt={fields.featuredImageAlt} className="featured-preview" />
            <TextField
              label="Image description (alt text)"
              name="featuredImageAlt"
              value={fields.featuredImageAlt}
              update={update}
              maxLength={300}
            />
            <button type="button" className="link-button" onClick={onRemoveFeaturedImage}>
              Remove
            </button>
          </>
        ) : null}
        <button type="button" className="link-button" onClick={onChooseFeaturedImage}>
          {fields.featuredImageId ? "Choose another" : "Choose from the media library"}
        </button>
      </fieldset>

      <fieldset>
        <legend>Search and sharing</legend>
        <TextField
          label="SEO title"
          name="seoTitle"
          value={fields.seoTitle}
          update={update}
          maxLength={120}
        />
        <TextField
          label="SEO description"
          name="seoDescription"
          value={fields.seoDescription}
          update={update}
          maxLength={300}
          multiline
        />
      </fieldset>

      <fieldset>
        <legend>Comments</legend>
        <label>
          Mode
          <select
            name="commentMode"
            value={fields.commentMode ?? ""}
            onChange={(e) => update("commentMode", (e.target.value || null) as EditorFields["commentMode"])}
          >
            <option value="">Site default</option>
            {COMMENT_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {COMMENT_MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Close after (days since publication)"
          name="commentAutoCloseDays"
          value={fields.commentAutoCloseDays}
          update={update}
          min={0}
          max={POLICY_LIMITS.autoCloseDays}
        />
        <NumberField
          label="Hold comments with this many links"
          name="commentLinkLimit"
          value={fields.commentLinkLimit}
          update={update}
          min={1}
          max={POLICY_LIMITS.linkLimit}
        />
        <NumberField
          label="Maximum length (characters)"
          name="commentMaxLength"
          value={fields.commentMaxLength}
          update={update}
          min={0}
          max={POLICY_LIMITS.maxLength}
        />
        <NumberField
          label="Slow mode (seconds between one reader's comments)"
          name="commentSlowModeSeconds"
          value={fields.commentSlowModeSeconds}
          update={update}
          min={0}
          max={POLICY_LIMITS.slowModeSeconds}
        />
        <p className="meta">Empty follows the site default; 0 turns a limit off for this article.</p>
        <button
          type="button"
          className="link-button"
          disabled={heated}
          onClick={() => {
            update("commentMode", HEATED_TOPIC_PRESET.commentMode);
            update("commentSlowModeSeconds", HEATED_TOPIC_PRESET.commentSlowModeSeconds);
          }}
        >
          {heated
            ? "Heated topic: on"
            : `Heated topic (pre-moderate everyone, slow mode ${HEATED_TOPIC_PRESET.commentSlowModeSeconds} s)`}
        </button>
      </fieldset>
    </aside>
  );
}
