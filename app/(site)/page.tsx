import { connection } from "next/server";
import { ArticleCard } from "@/components/article/article-card";
import { now } from "@/lib/clock";
import { listPublishedArticles } from "@/lib/data/articles";
import { env } from "@/lib/env";
import { websiteJsonLd } from "@/lib/seo/json-ld";
import { JsonLd } from "@/lib/seo/json-ld-script";

export default async function HomePage() {
  await connection();
  const articles = await listPublishedArticles({ now: now(), take: 20 });
  return (
    <>
      <JsonLd data={websiteJsonLd(env.SITE_URL)} />
      <h1 className="visually-hidden">Latest commentary</h1>
      {articles.length === 0 ? (
        <p>Nothing has been published yet.</p>
      ) : (
        articles.map((article) => <ArticleCard key={article.id} article={article} />)
      )}
    </>
  );
}
