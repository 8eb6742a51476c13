import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { JSONContent } from "@tiptap/core";
import { ArticleTags } from "@/components/article/article-tags";
import { Attribution } from "@/components/article/attribution";
import { LanguageSwitch } from "@/components/article/language-switch";
import { requestNow, slugFromParam } from "@/lib/articles/archives";
import { languageVersions, publishesOriginal } from "@/lib/articles/language-versions";
import { articleViewTags, getPublishedArticle } from "@/lib/articles/public-articles";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { documentParagraphs } from "@/lib/editor/document";
import { ArticleBody } from "@/lib/editor/render";
import { env } from "@/lib/platform/env";
import { breadcrumbJsonLd, originalVersionJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { pageAlternates } from "@/lib/seo/feed-links";
import { jsonLdSite, siteIdentity } from "@/lib/site/identity";

interface Props {
  params: Promise<{ language: string; slug: string }>;
}

// Rendered on a reader's first visit, then served from the page cache, as the article page is.
export function generateStaticParams(): Array<{ language: string; slug: string }> {
  return [];
}

/** The public article whose original, in `language`, is published beside it; null otherwise. */
async function publishedOriginal(params: Props["params"]) {
  const { language, slug } = await params;
  const [article, site] = await Promise.all([
    getPublishedArticle(slugFromParam(slug), requestNow()),
    siteIdentity(),
  ]);
  const original = article?.originalRevisions[0] ?? null;
  if (!article?.source || !publishesOriginal(article, original, site.language)) return null;
  if (original.language !== language) return null;
  const source = article.source;
  return { article, source, original, site, versions: languageVersions(article, original, site.language) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await publishedOriginal(params);
  if (!found) return {};
  const { original, versions } = found;
  const path = versions.find((version) => version.isOriginal)!.path;
  const description = documentParagraphs(original.body)[0]?.slice(0, 160);
  return {
    title: original.title,
    description,
    alternates: pageAlternates({ canonical: path, versions }),
    openGraph: { type: "article", title: original.title, description, url: path, locale: original.language },
  };
}

export default async function OriginalVersionPage({ params }: Props) {
  const found = await publishedOriginal(params);
  if (!found) notFound();
  const { article, source, original, site, versions } = found;
  await tagPublicPage(articleViewTags(article), requestNow());
  const [translation, own] = [versions[0]!, versions.find((version) => version.isOriginal)!];
  return (
    <>
      <JsonLd
        data={[
          originalVersionJsonLd(
            {
              original: { ...own, authorLine: original.authorLine, url: original.url },
              translation,
              publishedAt: article.publishedAt,
              source,
              bylines: article.bylines,
            },
            env.SITE_URL,
            jsonLdSite(site),
          ),
          breadcrumbJsonLd(
            [
              { name: site.title, url: "/" },
              { name: article.title, url: translation.path },
              { name: original.title, url: own.path },
            ],
            env.SITE_URL,
          ),
        ]}
      />
      <article>
        <LanguageSwitch versions={versions} current={original.language} slug={article.slug} />
        <h1 className="article-title">{original.title}</h1>
        {original.authorLine && <p className="meta">{original.authorLine}</p>}
        <div lang={site.language}>
          {/* The original as the source published it: neither translated nor edited here. */}
          <Attribution
            article={{
              ...article,
              source,
              isTranslation: false,
              isModified: false,
              originalUrl: original.url,
              originalTitle: original.title,
              originalPublishedAt: original.publishedOn,
            }}
          />
        </div>
        <div className="article-body">
          <ArticleBody document={original.body as JSONContent} />
        </div>
        <div lang={site.language}>
          <ArticleTags tags={article.tags} />
        </div>
      </article>
    </>
  );
}
