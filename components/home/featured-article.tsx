import Link from "next/link";
import { ArticleMeta } from "@/components/article/article-card";
import type { FeaturedArticle as FeaturedArticleData } from "@/lib/articles/public-articles";
import { parseVariants } from "@/lib/media/types";
import { mediaSrcSet, mediaUrl } from "@/lib/media/urls";
import { articlePath } from "@/lib/articles/paths";
import { tagPath } from "@/lib/seo/urls";
import styles from "./home.module.css";

function FeaturedImage({ article }: { article: FeaturedArticleData }) {
  const image = article.featuredImage;
  if (!image) return null;
  const variants = parseVariants(image.variants).map((v) => ({
    width: v.width,
    url: mediaUrl(v.storageKey),
  }));
  return (
    // eslint-disable-next-line @next/next/no-img-element -- already resized; served from /media
    <img
      className={styles.image}
      src={mediaUrl(image.storageKey)}
      srcSet={mediaSrcSet(variants) || undefined}
      sizes="(min-width: 44rem) 28rem, 100vw"
      width={image.width}
      height={image.height}
      // An empty alternative text marks the picture as decoration, not a missing description.
      alt={article.featuredImageAlt ?? image.alt}
    />
  );
}

/** The home page's featured slot (`featuredArticle` in lib/articles/public-articles.ts): a larger card. */
export function FeaturedArticle({ article }: { article: FeaturedArticleData }) {
  const tag = article.tags[0]?.tag;
  return (
    <article
      className={`${styles.featured} ${article.featuredImage ? styles.withImage : ""}`}
      aria-labelledby="featured-title"
      data-testid="featured-article"
    >
      <FeaturedImage article={article} />
      <div>
        <p className={styles.kicker}>
          Featured
          {tag && (
            <>
              {" · "}
              <Link href={tagPath(tag.slug)}>{tag.name}</Link>
            </>
          )}
        </p>
        <h2 id="featured-title" className={styles.title}>
          <Link href={articlePath(article.slug)}>{article.title}</Link>
        </h2>
        {article.excerpt && <p className={styles.excerpt}>{article.excerpt}</p>}
        <ArticleMeta article={article} />
      </div>
    </article>
  );
}
