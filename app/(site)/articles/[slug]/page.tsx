import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticleView } from "@/components/article/article-view";
import { now } from "@/lib/clock";
import { getPublishedArticle } from "@/lib/data/articles";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = await getPublishedArticle(decodeURIComponent((await params).slug), now());
  if (!article) return {};
  return { title: article.title, description: article.excerpt };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const article = await getPublishedArticle(decodeURIComponent((await params).slug), now());
  if (!article) notFound();
  return <ArticleView article={article} />;
}
