import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticleView } from "@/components/article/article-view";
import { requestNow, slugFromParam } from "@/lib/data/archives";
import { getPublishedArticle } from "@/lib/data/articles";
import { env } from "@/lib/env";
import { breadcrumbJsonLd, newsArticleJsonLd, SITE_NAME } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";
import { absoluteUrl, articlePath, authorPath, tagPath } from "@/lib/seo/urls";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = await getPublishedArticle(slugFromParam((await params).slug), requestNow());
  if (!article) return {};
  const title = article.seoTitle ?? article.title;
  const description = article.seoDescription ?? (article.excerpt || undefined);
  const authors = article.bylines.filter((b) => b.role === "AUTHOR");
  return {
    title,
    description,
    alternates: { canonical: articlePath(article.slug) },
    authors: authors.map((b) => ({ name: b.person.name, url: authorPath(b.person.slug) })),
    openGraph: {
      type: "article",
      siteName: SITE_NAME,
      title,
      description,
      url: articlePath(article.slug),
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: authors.map((b) => absoluteUrl(env.SITE_URL, authorPath(b.person.slug))),
      tags: article.tags.map(({ tag }) => tag.name),
    },
    twitter: { card: "summary", title, description },
  };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const article = await getPublishedArticle(slugFromParam((await params).slug), requestNow());
  if (!article) notFound();
  const firstTag = article.tags[0]?.tag;
  const crumbs = [
    { name: SITE_NAME, url: "/" },
    ...(firstTag ? [{ name: firstTag.name, url: tagPath(firstTag.slug) }] : []),
    { name: article.title, url: articlePath(article.slug) },
  ];
  return (
    <>
      <JsonLd data={[newsArticleJsonLd(article, env.SITE_URL), breadcrumbJsonLd(crumbs, env.SITE_URL)]} />
      <ArticleView article={article} />
    </>
  );
}
