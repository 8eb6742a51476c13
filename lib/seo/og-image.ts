// The picture a shared link shows (og:image): the article's featured image when it has one,
// otherwise the card drawn for it at /articles/<slug>/og-image.
import { articlePath } from "@/lib/articles/paths";

export const OG_CARD_SIZE = { width: 1200, height: 630 } as const;

export interface OgImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** `featured` is the article's featured image, at its public URL, when it has one. */
export function articleOgImage(article: { slug: string; title: string }, featured: OgImage | null): OgImage {
  return featured ?? { url: `${articlePath(article.slug)}/og-image`, ...OG_CARD_SIZE, alt: article.title };
}
