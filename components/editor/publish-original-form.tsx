"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishOriginal } from "@/app/(admin)/admin/articles/actions";
import type { ActionResult } from "@/lib/platform/actions/result";
import { articleVersionPath } from "@/lib/articles/paths";
import { languageName } from "@/lib/platform/languages";
import { ActionMessage } from "@/components/ui/action-message";

/** Whether readers get the original beside the translation, at its own address in its language. */
export function PublishOriginalForm({
  articleId,
  slug,
  language,
  published,
  articleIsPublic,
  canPublish,
}: {
  articleId: string;
  slug: string;
  language: string;
  published: boolean;
  articleIsPublic: boolean;
  canPublish: boolean;
}) {
  const router = useRouter();
  const [state, setState] = useState<ActionResult | null>(null);
  const [pending, setPending] = useState(false);
  const path = articleVersionPath(slug, language);

  async function toggle(next: boolean) {
    setPending(true);
    try {
      const result = await publishOriginal({ id: articleId, published: next });
      setState(result);
      if (result.ok) router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="sbs-publish-original" aria-labelledby="publish-original-heading">
      <h2 id="publish-original-heading">The original on the site</h2>
      <label className="inline-choice">
        <input
          type="checkbox"
          checked={published}
          disabled={pending || !canPublish}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />{" "}
        Publish the original, in {languageName(language)}, beside this translation
      </label>
      <p className="meta">
        {published && articleIsPublic ? (
          <>
            Readers find it at <a href={path}>{path}</a>, linked both ways with the translation, and can read
            the two side by side.
          </>
        ) : published ? (
          <>
            It goes public when the article does, under the same authorization, at the article’s address with
            /{language} before it.
          </>
        ) : (
          <>Readers see only the translation. The original stays on file for the rights record.</>
        )}
        {!canPublish && " Only editors who may publish can change this."}
      </p>
      <ActionMessage state={state} />
    </section>
  );
}
