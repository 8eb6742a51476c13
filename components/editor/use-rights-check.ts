"use client";

import { useEffect, useState } from "react";
import { checkArticleRights } from "@/app/(admin)/admin/articles/actions";
import type { ServerArticle } from "@/lib/articles/editor-types";
import type { RightsPreview } from "@/lib/rights/publish-preview";

/**
 * The rights check's answer for the article as last saved: the one the page loaded with, then
 * asked again after every save.
 */
export function useRightsCheck(
  article: ServerArticle | null,
  initial: RightsPreview | null,
): RightsPreview | null {
  const [answer, setAnswer] = useState(
    article && initial ? { version: article.version, preview: initial } : null,
  );
  const id = article?.id;
  const version = article?.version;
  const known = answer?.version;
  useEffect(() => {
    if (!id || version === undefined || version === known) return;
    let current = true;
    void checkArticleRights({ id }).then((result) => {
      if (current && result.ok) setAnswer({ version, preview: result.data as RightsPreview });
    });
    return () => {
      current = false;
    };
  }, [id, version, known]);
  return article && answer ? answer.preview : null;
}
