import Link from "next/link";
import { hrefWith } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { now } from "@/lib/platform/clock";
import {
  articlesNeedingAttention,
  dashboardAuthorizationFilters,
  dashboardCounts,
} from "@/lib/dashboard/dashboard";

export const metadata = { title: "Dashboard" };

const day = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? "";

export default async function DashboardPage() {
  await requirePagePermission("admin.access", "/admin");
  const at = now();
  const [counts, attention] = await Promise.all([dashboardCounts(at), articlesNeedingAttention(at)]);
  const authorizationFilters = dashboardAuthorizationFilters(at);
  // Every figure opens the list it counts.
  const tiles = [
    { label: "Drafts", value: counts.drafts, href: "/admin/articles?status=DRAFT" },
    { label: "In review", value: counts.inReview, href: "/admin/articles?status=IN_REVIEW" },
    { label: "Comments pending", value: counts.pendingComments, href: "/admin/comments?queue=PENDING" },
    {
      label: "Authorizations ending within 30 days",
      value: counts.expiringAuthorizations,
      href: hrefWith("/admin/authorizations", authorizationFilters.expiring),
    },
    {
      label: "Authorizations lapsed or revoked with articles",
      value: counts.lapsedAuthorizations,
      href: hrefWith("/admin/authorizations", authorizationFilters.lapsed),
    },
  ];
  return (
    <>
      <h1>Dashboard</h1>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.label}>
            <Link href={tile.href} className="tile">
              <strong>{tile.value}</strong>
              <span>{tile.label}</span>
            </Link>
          </li>
        ))}
      </ul>

      <h2>Withdrawn for reprint rights</h2>
      {attention.withdrawn.length === 0 ? (
        <p className="meta">None.</p>
      ) : (
        <ul data-testid="withdrawn-articles">
          {attention.withdrawn.map((article) => (
            <li key={article.id}>
              <Link href={`/admin/articles/${article.id}`}>{article.title}</Link> · {article.source?.name} ·
              withdrawn {day(article.withdrawnAt)} — {article.withdrawnReason}
            </li>
          ))}
        </ul>
      )}

      <h2>Public, on an authorization ending within 30 days</h2>
      {attention.atRisk.length === 0 ? (
        <p className="meta">None.</p>
      ) : (
        <ul data-testid="at-risk-articles">
          {attention.atRisk.map((article) => (
            <li key={article.id}>
              <Link href={`/admin/articles/${article.id}`}>{article.title}</Link> · {article.source?.name} ·
              ends {day(article.authorization?.validUntil)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
