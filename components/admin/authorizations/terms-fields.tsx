"use client";

// The terms of a reprint authorization as form fields, shared by the request form and the
// grant form (where they are the terms finally agreed). Ids are made per form with useId.
import { useId, useState } from "react";
import { FieldMessage, fieldErrors } from "@/components/admin/taxonomy/fields";
import type { ActionResult } from "@/lib/platform/actions/result";
import {
  SCOPE_LABELS,
  SCOPES,
  TERMINATION_EFFECTS,
  TERMINATION_LABELS,
  type Scope,
} from "@/lib/rights/authorizations/status";
import type { TermsFormValues } from "@/lib/rights/authorizations/terms";
import { MAX_LIST_ITEM_LENGTH, MAX_LIST_ITEMS } from "@/lib/rights/authorizations/schema";

function described(state: ActionResult | null, name: string, errorId: string, hintId?: string) {
  return {
    "aria-invalid": fieldErrors(state, name).length > 0 || undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" "),
  };
}

/** A checkbox that always sends a value: the hidden "false" is overridden by the ticked box. */
function Flag({
  name,
  label,
  defaultChecked,
  onChange,
}: {
  name: string;
  label: string;
  defaultChecked: boolean;
  onChange?: (checked: boolean) => void;
}) {
  return (
    <label className="inline-choice">
      <input type="hidden" name={name} value="false" />
      <input
        type="checkbox"
        name={name}
        value="true"
        defaultChecked={defaultChecked}
        onChange={(event) => onChange?.(event.currentTarget.checked)}
      />{" "}
      {label}
    </label>
  );
}

export function TermsFields({ state, defaults }: { state: ActionResult | null; defaults: TermsFormValues }) {
  const id = useId();
  const [scope, setScope] = useState<Scope>(defaults.scope);
  const [attributionRequired, setAttributionRequired] = useState(defaults.attributionRequired);
  const err = (name: string) => `${id}-${name}-error`;
  return (
    <>
      <fieldset className="stack">
        <legend>What it covers</legend>
        <label>
          Scope
          <select
            name="scope"
            defaultValue={defaults.scope}
            onChange={(event) => setScope(event.currentTarget.value as Scope)}
            {...described(state, "scope", err("scope"))}
          >
            {SCOPES.map((value) => (
              <option key={value} value={value}>
                {SCOPE_LABELS[value]}
              </option>
            ))}
          </select>
          <FieldMessage state={state} name="scope" id={err("scope")} />
        </label>
        {scope === "ARTICLE" && (
          <label>
            The article&apos;s address (http or https)
            <input
              name="scopeUrl"
              type="url"
              required
              maxLength={2000}
              defaultValue={defaults.scopeUrl}
              {...described(state, "scopeUrl", err("scopeUrl"))}
            />
            <FieldMessage state={state} name="scopeUrl" id={err("scopeUrl")} />
          </label>
        )}
        {scope === "AUTHOR" && (
          <label>
            The author&apos;s name, as the source prints it
            <input
              name="scopeAuthorName"
              required
              maxLength={200}
              defaultValue={defaults.scopeAuthorName}
              {...described(state, "scopeAuthorName", err("scopeAuthorName"))}
            />
            <FieldMessage state={state} name="scopeAuthorName" id={err("scopeAuthorName")} />
          </label>
        )}
      </fieldset>

      <fieldset className="stack">
        <legend>Term</legend>
        <label>
          Valid from (UTC)
          <input
            name="validFrom"
            type="date"
            required
            defaultValue={defaults.validFrom}
            {...described(state, "validFrom", err("validFrom"))}
          />
          <FieldMessage state={state} name="validFrom" id={err("validFrom")} />
        </label>
        <label>
          Ends on (UTC; it expires at the start of that day; empty: no end)
          <input
            name="validUntil"
            type="date"
            defaultValue={defaults.validUntil}
            {...described(state, "validUntil", err("validUntil"))}
          />
          <FieldMessage state={state} name="validUntil" id={err("validUntil")} />
        </label>
        <label>
          When it ends or is revoked
          <select
            name="onTermination"
            defaultValue={defaults.onTermination}
            {...described(state, "onTermination", err("onTermination"))}
          >
            {TERMINATION_EFFECTS.map((value) => (
              <option key={value} value={value}>
                {TERMINATION_LABELS[value]}
              </option>
            ))}
          </select>
          <FieldMessage state={state} name="onTermination" id={err("onTermination")} />
        </label>
      </fieldset>

      <fieldset className="stack">
        <legend>Conditions</legend>
        <Flag
          name="attributionRequired"
          label="Attribution required"
          defaultChecked={defaults.attributionRequired}
          onChange={setAttributionRequired}
        />
        <label>
          Attribution text{attributionRequired ? "" : " (optional)"}
          <textarea
            name="attributionText"
            rows={2}
            maxLength={1000}
            required={attributionRequired}
            defaultValue={defaults.attributionText}
            {...described(state, "attributionText", err("attributionText"))}
          />
          <FieldMessage state={state} name="attributionText" id={err("attributionText")} />
        </label>
        <Flag name="linkBackRequired" label="Link back required" defaultChecked={defaults.linkBackRequired} />
        <Flag
          name="canonicalToOriginal"
          label="Canonical link to the original"
          defaultChecked={defaults.canonicalToOriginal}
        />
        <Flag
          name="modificationAllowed"
          label="Modification allowed"
          defaultChecked={defaults.modificationAllowed}
        />
        <Flag
          name="translationAllowed"
          label="Translation allowed"
          defaultChecked={defaults.translationAllowed}
        />
        <Flag
          name="omissionAllowed"
          label="Omission allowed (paragraphs of the original may be left out)"
          defaultChecked={defaults.omissionAllowed}
        />
        <label>
          Territories
          <input
            name="territories"
            defaultValue={defaults.territories}
            {...described(state, "territories", err("territories"), `${id}-lists-hint`)}
          />
          <FieldMessage state={state} name="territories" id={err("territories")} />
        </label>
        <label>
          Channels (e.g. website, newsletter)
          <input
            name="channels"
            defaultValue={defaults.channels}
            {...described(state, "channels", err("channels"), `${id}-lists-hint`)}
          />
          <FieldMessage state={state} name="channels" id={err("channels")} />
        </label>
        <span className="meta" id={`${id}-lists-hint`}>
          Separate with commas; at most {MAX_LIST_ITEMS}, each under {MAX_LIST_ITEM_LENGTH} characters. Empty:
          none named.
        </span>
      </fieldset>

      <label>
        The grantor&apos;s own words, verbatim (paste them exactly)
        <textarea
          name="grantorStatement"
          rows={5}
          maxLength={20000}
          defaultValue={defaults.grantorStatement}
          {...described(state, "grantorStatement", err("grantorStatement"))}
        />
        <FieldMessage state={state} name="grantorStatement" id={err("grantorStatement")} />
      </label>
    </>
  );
}
