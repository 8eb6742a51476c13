"use client";

import { documentToPlainText } from "@/lib/editor/document";
import type { EditorFields, ServerArticle } from "@/lib/articles/editor-types";

/** Both versions side by side; nothing is overwritten until the editor chooses. */
export function ConflictDialog(props: {
  mine: EditorFields;
  server: ServerArticle;
  onKeepMine: (server: ServerArticle) => void;
  onTakeTheirs: () => void;
}) {
  return (
    <section className="conflict" role="alertdialog" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Someone else saved this article while you were editing</h2>
      <p>Nothing has been overwritten. Compare the two versions and choose which to keep.</p>
      <div className="conflict-columns">
        <div data-testid="conflict-mine">
          <h3>Your version</h3>
          <strong>{props.mine.title}</strong>
          <pre>{documentToPlainText(props.mine.body)}</pre>
        </div>
        <div data-testid="conflict-theirs">
          <h3>Saved version {props.server.version}</h3>
          <strong>{props.server.title}</strong>
          <pre>{documentToPlainText(props.server.body)}</pre>
        </div>
      </div>
      <button type="button" onClick={() => props.onKeepMine(props.server)}>
        Keep mine (save over theirs)
      </button>{" "}
      <button type="button" onClick={props.onTakeTheirs}>
        Take theirs (discard mine)
      </button>
    </section>
  );
}
