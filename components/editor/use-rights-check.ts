"use client";

import { useEffect, useState } from "react";
import { checkArticleRights } from "@/app/(admin)/admin/articles/actions";
import type { ServerArticle } from "@/lib/articles/editor-types";
import type { RightsPreview } from "@/lib/rights/publish-preview";

/** The rights check's answer for the article as last saved, asked again after every save. */
export function useRightsCheck(article: ServerArticle | null): RightsPreview | null {
  const [answer, setAnswer] = useState<{ version: number; preview: RightsPreview } | null>(null);
  const id = article?.id;
  const version = article?.version;
  useEffect(() => {
    if (!id || version === undefined) return;
    let current = true;
    void checkArticleRights({ id }).then((result) => {
      if (current && result.ok) setAnswer({ version, preview: result.data as RightsPreview });
    });
    return () => {
      current = false;
    };
  }, [id, version]);
  return article && answer ? answer.preview : null;
}
