import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LanguageSwitch } from "@/components/article/language-switch";
import { AlignedReading } from "@/components/article/aligned-reading";
import { requestNow, slugFromParam } from "@/lib/articles/archives";
import { languageVersions, publishesOriginal } from "@/lib/articles/language-versions";
import { articleViewTags, getPublishedArticle } from "@/lib/articles/public-articles";
import { tagPublicPage } from "@/lib/articles/visibility-change";
import { documentParagraphBlocks } from "@/lib/editor/document";
import { effectiveAlignment } from "@/lib/rights/fidelity/alignment";
import { pageAlternates } from "@/lib/seo/feed-links";
import { siteIdentity } from "@/lib/site/identity";
import { articlePath } from "@/lib/articles/paths";

interface Props {
  params: Promise<{ slug: string }>;
}

export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

/** The public article and its original published beside it; null when it has none. */
async function publishedPair(params: Props["params"]) {
  const slug = slugFromParam((await params).slug);
  const [article, site] = await Promise.all([getPublishedArticle(slug, requestNow()), siteIdentity()]);
  const original = article?.originalRevisions[0] ?? null;
  if (!article || !publishesOriginal(article, original, site.language)) return null;
  return { article, original, site, versions: languageVersions(article, original, site.language) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await publishedPair(params);
  if (!found) return {};
  return {
    title: `${found.article.title} · ${found.original.title}`,
    // The same text as the two versions: search engines are sent to the article.
    alternates: pageAlternates({ canonical: articlePath(found.article.slug) }),
    robots: { index: false, follow: true },
  };
}

export default async function SideBySidePage({ params }: Props) {
  const found = await publishedPair(params);
  if (!found) notFound();
  const { article, original, site, versions } = found;
  await tagPublicPage(articleViewTags(article), requestNow());
  const originalBlocks = documentParagraphBlocks(original.body);
  const translationBlocks = documentParagraphBlocks(article.body);
  const { rows } = effectiveAlignment(article.alignment, originalBlocks.length, translationBlocks.length);
  return (
    <article>
      <LanguageSwitch versions={versions} current="side-by-side" slug={article.slug} />
      <AlignedReading
        original={{ language: original.language, title: original.title, blocks: originalBlocks }}
        translation={{ language: site.language, title: article.title, blocks: translationBlocks }}
        rows={rows}
      />
    </article>
  );
}
