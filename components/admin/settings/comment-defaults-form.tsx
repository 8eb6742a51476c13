"use client";

import { saveCommentDefaults } from "@/app/(admin)/admin/settings/actions";
import { COMMENT_MODE_LABELS, COMMENT_MODES, POLICY_LIMITS } from "@/lib/comments/policy";
import type { CommentDefaults } from "@/lib/comments/settings";
import { SettingsField, SettingsForm, wholeNumberInput } from "./settings-form";

const OFF_HINT = "Empty or 0: off.";

export function CommentDefaultsForm({ defaults, savedAt }: { defaults: CommentDefaults; savedAt: string }) {
  return (
    <SettingsForm action={saveCommentDefaults} savedAt={savedAt} submitLabel="Save comment defaults">
      {(state) => (
        <>
          <SettingsField
            state={state}
            name="mode"
            label="Mode"
            hint="For every article that does not set its own."
          >
            {(props) => (
              <select {...props} defaultValue={defaults.mode}>
                {COMMENT_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {COMMENT_MODE_LABELS[mode]}
                  </option>
                ))}
              </select>
            )}
          </SettingsField>
          <SettingsField
            state={state}
            name="autoCloseDays"
            label="Close comments after (days since publication)"
            hint={OFF_HINT}
          >
            {wholeNumberInput({
              min: 0,
              max: POLICY_LIMITS.autoCloseDays,
              defaultValue: defaults.autoCloseDays ?? "",
            })}
          </SettingsField>
          <SettingsField state={state} name="linkLimit" label="Hold comments with this many links or more">
            {wholeNumberInput({
              min: 1,
              max: POLICY_LIMITS.linkLimit,
              defaultValue: defaults.linkLimit,
              required: true,
            })}
          </SettingsField>
          <SettingsField
            state={state}
            name="maxLength"
            label="Maximum length (characters)"
            hint={`${OFF_HINT} A comment is never more than ${POLICY_LIMITS.maxLength} bytes either way.`}
          >
            {wholeNumberInput({
              min: 0,
              max: POLICY_LIMITS.maxLength,
              defaultValue: defaults.maxLength ?? "",
            })}
          </SettingsField>
          <SettingsField
            state={state}
            name="slowModeSeconds"
            label="Slow mode (seconds between one reader's comments on an article)"
            hint={OFF_HINT}
          >
            {wholeNumberInput({
              min: 0,
              max: POLICY_LIMITS.slowModeSeconds,
              defaultValue: defaults.slowModeSeconds ?? "",
            })}
          </SettingsField>
          <label className="inline-choice">
            <input type="checkbox" name="holdFirstTime" defaultChecked={defaults.holdFirstTime} />
            Hold first-time commenters until they have two approved comments
          </label>
        </>
      )}
    </SettingsForm>
  );
}
