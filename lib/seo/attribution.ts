// The attribution line of a reprint, as readers, the content API and JSON-LD all state it: the
// rights holder's own wording when the authorization gives one, else a plain default.
import type { ArticleKind } from "@/lib/generated/prisma/enums";

export interface AttributionInput {
  kind: ArticleKind;
  source: { name: string } | null;
  authorization?: { attributionText: string } | null;
}

/** Null for our own pieces. */
export function attributionText(article: AttributionInput): string | null {
  if (article.kind !== "REPRINT") return null;
  const own = article.authorization?.attributionText.trim();
  if (own) return own;
  return article.source
    ? `Reprinted with the authorization of ${article.source.name}.`
    : "Reprinted with the authorization of its rights holder.";
}
