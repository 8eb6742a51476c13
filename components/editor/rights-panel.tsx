"use client";

import { CircleCheck, CircleAlert } from "lucide-react";
import type { RightsPreview } from "@/lib/rights/publish-preview";
import { DiffPartView } from "@/components/admin/revisions/revision-diff-view";

/**
 * What the rights check would answer if the article were published now, with a way to act on
 * each refusal: record the source's permission, or open the authorization that stands in the way.
 */
export function RightsPanel({
  kind,
  preview,
}: {
  kind: "ORIGINAL" | "REPRINT";
  preview: RightsPreview | null;
}) {
  if (!preview) {
    return (
      <section className="rights-panel" aria-label="Rights" data-testid="rights-panel">
        <p className="meta">
          {kind === "REPRINT" ? "The rights check answers once the article is saved." : "Checking…"}
        </p>
      </section>
    );
  }
  if (preview.allowed) {
    return (
      <section className="rights-panel rights-allowed" aria-label="Rights" data-testid="rights-panel">
        <p>
          <CircleCheck aria-hidden size={16} />{" "}
          {preview.authorization ? (
            <>
              Clear to publish under{" "}
              <a href={`/admin/authorizations/${preview.authorization.id}`}>
                {preview.authorization.summary}
              </a>
              .
            </>
          ) : (
            "Our own piece: clear to publish."
          )}
        </p>
      </section>
    );
  }
  return (
    <section className="rights-panel rights-refused" aria-label="Rights" data-testid="rights-panel">
      <p>
        <CircleAlert aria-hidden size={16} /> <strong>Cannot be published yet.</strong>
      </p>
      <ul>
        {preview.reasons.map((reason) => (
          <li key={reason.code}>{reason.text}</li>
        ))}
      </ul>
      {preview.details.length > 0 && (
        <ul className="rights-details" aria-label="Where the text departs from the original">
          {preview.details.map((detail) => (
            <li key={detail.text}>
              {detail.text}
              {detail.diff && (
                <span className="rights-diff">
                  {detail.diff.map((part, k) => (
                    <DiffPartView key={k} part={part} />
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="rights-actions">
        {preview.authorization && (
          <a href={`/admin/authorizations/${preview.authorization.id}`}>
            Open the authorization ({preview.authorization.summary})
          </a>
        )}
        {preview.sourceId && (
          <a href={`/admin/authorizations/new?source=${encodeURIComponent(preview.sourceId)}`}>
            Record the source&apos;s permission
          </a>
        )}
      </p>
    </section>
  );
}
