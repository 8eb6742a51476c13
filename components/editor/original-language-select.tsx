// The language of a pasted original, for the import form and the attach-original form alike:
// detected from the text unless the editor names one the site knows.
import { FieldMessage, fieldErrors } from "@/components/admin/taxonomy/fields";
import type { ActionResult } from "@/lib/platform/actions/result";
import { KNOWN_LANGUAGES, languageLabel } from "@/lib/platform/languages";

const NAME = "originalTextLanguage";

/** The select and its error message; `errorId` ties them together for screen readers. */
export function OriginalLanguageSelect({ state, errorId }: { state: ActionResult | null; errorId: string }) {
  return (
    <>
      <select
        name={NAME}
        defaultValue=""
        aria-invalid={fieldErrors(state, NAME).length > 0 || undefined}
        aria-describedby={errorId}
      >
        <option value="">Detect from the text</option>
        {KNOWN_LANGUAGES.map((tag) => (
          <option key={tag} value={tag}>
            {languageLabel(tag)}
          </option>
        ))}
      </select>
      <FieldMessage state={state} name={NAME} id={errorId} />
    </>
  );
}
