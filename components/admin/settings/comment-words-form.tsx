"use client";

import { saveCommentWords } from "@/app/(admin)/admin/settings/actions";
import type { CommentWords } from "@/lib/comments/settings";
import { SettingsField, SettingsForm } from "./settings-form";

const MATCHING =
  "One word or phrase per line. Whole words, any case; Chinese and Japanese terms match anywhere in the text.";

export function CommentWordsForm({ words, savedAt }: { words: CommentWords; savedAt: string }) {
  return (
    <SettingsForm action={saveCommentWords} savedAt={savedAt} submitLabel="Save word lists">
      {(state) => (
        <>
          <SettingsField
            state={state}
            name="disallowed"
            label="Disallowed words: the comment goes straight to spam"
            hint={MATCHING}
          >
            {(props) => (
              <textarea {...props} rows={8} spellCheck={false} defaultValue={words.disallowed.join("\n")} />
            )}
          </SettingsField>
          <SettingsField
            state={state}
            name="moderation"
            label="Moderation words: the comment is held for a moderator"
            hint={MATCHING}
          >
            {(props) => (
              <textarea {...props} rows={8} spellCheck={false} defaultValue={words.moderation.join("\n")} />
            )}
          </SettingsField>
        </>
      )}
    </SettingsForm>
  );
}
