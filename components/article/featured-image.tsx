import type { ArticleCard } from "@/lib/articles/public-articles";
import { parseVariants } from "@/lib/media/types";
import { mediaSrcSet, mediaUrl } from "@/lib/media/urls";

/**
 * An article's featured image, from its stored copy and resized variants; nothing when it has
 * none. `sizes` says how wide it shows, so the browser picks the smallest variant that fits.
 */
export function FeaturedImage({
  article,
  sizes,
  className,
  lazy = true,
}: {
  article: Pick<ArticleCard, "featuredImage" | "featuredImageAlt">;
  sizes: string;
  className?: string;
  /** Images below the fold wait until the reader scrolls near them. */
  lazy?: boolean;
}) {
  const image = article.featuredImage;
  if (!image) return null;
  const variants = parseVariants(image.variants).map((v) => ({
    width: v.width,
    url: mediaUrl(v.storageKey),
  }));
  return (
    // eslint-disable-next-line @next/next/no-img-element -- already resized; served from /media
    <img
      className={className}
      src={mediaUrl(image.storageKey)}
      srcSet={mediaSrcSet(variants) || undefined}
      sizes={sizes}
      width={image.width}
      height={image.height}
      loading={lazy ? "lazy" : undefined}
      decoding="async"
      // An empty alternative text marks the picture as decoration, not a missing description.
      alt={article.featuredImageAlt ?? image.alt}
    />
  );
}
