// The share card of an article without a featured image (og:image): its title and source on the
// site's colours, drawn by next/og. It follows the article's own answer: 404 when there is no such
// public article, 451 when its reprint rights have ended, so a withdrawn piece leaves no card.
// Its Cache-Control is the article page's (next.config.ts), not next/og's year-long one.
import { ImageResponse } from "next/og";
import { getPublishedArticle } from "@/lib/articles/public-articles";
import { requestNow, slugFromParam } from "@/lib/articles/archives";
import { isWithdrawnSlug } from "@/lib/rights/withdrawn";
import { siteIdentity } from "@/lib/site/identity";
import { OG_CARD_SIZE } from "@/lib/seo/og-image";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = slugFromParam((await params).slug);
  const now = requestNow();
  const article = await getPublishedArticle(slug, now);
  if (!article) {
    const withdrawn = await isWithdrawnSlug(slug, now);
    return new Response(withdrawn ? "Unavailable for legal reasons" : "Not found", {
      status: withdrawn ? 451 : 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const site = await siteIdentity();
  const from = article.source ? `From ${article.source.name}` : `${site.title} commentary`;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px 80px",
        background: "#fdfcf9",
        color: "#1d1d1f",
        borderTop: "16px solid #9b2c1f",
      }}
    >
      <div style={{ display: "flex", fontSize: 36, color: "#9b2c1f", fontWeight: 700 }}>{site.title}</div>
      <div style={{ display: "flex", fontSize: article.title.length > 80 ? 52 : 64, lineHeight: 1.15 }}>
        {article.title}
      </div>
      <div style={{ display: "flex", fontSize: 30, color: "#5c5f66" }}>{from}</div>
    </div>,
    { ...OG_CARD_SIZE },
  );
}
