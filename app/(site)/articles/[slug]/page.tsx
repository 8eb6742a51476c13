import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/article-view";
import { RelatedArticles } from "@/components/article/related-articles";
import { ShareLinks } from "@/components/article/share-links";
import { CommentSection } from "@/components/comments/comment-section";
import { currentSlugFor } from "@/lib/articles/slug-redirects";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { cacheTag } from "@/lib/platform/cache/tags";
import { requestNow, slugFromParam } from "@/lib/articles/archives";
import { articleViewTags, getPublishedArticle } from "@/lib/articles/public-articles";
import { languageVersions } from "@/lib/articles/language-versions";
import { LanguageSwitch } from "@/components/article/language-switch";
import { areCommentsOpen } from "@/lib/comments/public-comments";
import { relatedArticles } from "@/lib/articles/related-articles";
import { env } from "@/lib/platform/env";
import { breadcrumbJsonLd, newsArticleJsonLd } from "@/lib/seo/json-ld";
import { jsonLdSite, siteIdentity } from "@/lib/site/identity";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { pageAlternates } from "@/lib/seo/feed-links";
import { articleOgImage } from "@/lib/seo/og-image";
import { mediaUrl } from "@/lib/media/urls";
import { articlePath } from "@/lib/articles/paths";
import { absoluteUrl, articleCanonical, authorPath, tagPath } from "@/lib/seo/urls";

interface Props {
  params: Promise<{ slug: string }>;
}

// Rendered on a reader's first visit, then served from the page cache until something it shows
// changes (see lib/platform/cache). None are rendered at build time.
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle(slugFromParam((await params).slug), requestNow());
  if (!article) return {};
  const title = article.seoTitle ?? article.title;
  const description = article.seoDescription ?? (article.excerpt || undefined);
  const authors = article.bylines.filter((b) => b.role === "AUTHOR");
  const featured = article.featuredImage;
  const image = articleOgImage(
    article,
    featured && {
      url: mediaUrl(featured.storageKey),
      width: featured.width,
      height: featured.height,
      alt: article.featuredImageAlt ?? featured.alt,
    },
  );
  const site = await siteIdentity();
  const versions = languageVersions(article, article.originalRevisions[0] ?? null, site.language);
  return {
    title,
    description,
    alternates: pageAlternates({ canonical: articleCanonical(article), versions }),
    authors: authors.map((b) => ({ name: b.person.name, url: authorPath(b.person.slug) })),
    openGraph: {
      type: "article",
      siteName: site.title,
      title,
      description,
      url: articlePath(article.slug),
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: authors.map((b) => absoluteUrl(env.SITE_URL, authorPath(b.person.slug))),
      tags: article.tags.map(({ tag }) => tag.name),
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function ArticlePage({ params }: Props) {
  const slug = slugFromParam((await params).slug);
  const article = await getPublishedArticle(slug, requestNow());
  if (!article) {
    // A later publication or rename under this slug replaces the 404 or the redirect.
    await tagPublicPage([cacheTag.articles], requestNow());
    const moved = await currentSlugFor(slug, requestNow());
    if (moved) permanentRedirect(articlePath(moved));
    notFound();
  }
  const [related, commentsOpen, site] = await Promise.all([
    relatedArticles(article.id, requestNow()),
    areCommentsOpen(article.id, requestNow()),
    siteIdentity(),
  ]);
  await tagPublicPage(
    [...related.map(({ id }) => cacheTag.article(id)), ...articleViewTags(article)],
    requestNow(),
  );
  const versions = languageVersions(article, article.originalRevisions[0] ?? null, site.language);
  const publishedOriginal = versions.find((version) => version.isOriginal) ?? null;
  const firstTag = article.tags[0]?.tag;
  const crumbs = [
    { name: site.title, url: "/" },
    ...(firstTag ? [{ name: firstTag.name, url: tagPath(firstTag.slug) }] : []),
    { name: article.title, url: articlePath(article.slug) },
  ];
  return (
    <>
      <JsonLd
        data={[
          newsArticleJsonLd(article, env.SITE_URL, jsonLdSite(site), publishedOriginal),
          breadcrumbJsonLd(crumbs, env.SITE_URL),
        ]}
      />
      <ArticleView
        article={article}
        languages={<LanguageSwitch versions={versions} current={site.language} slug={article.slug} />}
        share={<ShareLinks slug={article.slug} title={article.title} siteUrl={env.SITE_URL} />}
        related={<RelatedArticles articles={related} />}
        comments={
          <CommentSection articleId={article.id} articleSlug={article.slug} commentsOpen={commentsOpen} />
        }
      />
    </>
  );
}
