import { requirePagePermission } from "@/lib/admin-guard";
import { now } from "@/lib/clock";
import { dashboardCounts } from "@/lib/data/dashboard";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePagePermission("admin.access", "/admin");
  const counts = await dashboardCounts(now());
  const tiles = [
    { label: "Drafts", value: counts.drafts },
    { label: "In review", value: counts.inReview },
    { label: "Comments pending", value: counts.pendingComments },
    { label: "Authorizations ending within 30 days", value: counts.expiringAuthorizations },
    { label: "Authorizations lapsed or revoked with articles", value: counts.lapsedAuthorizations },
  ];
  return (
    <>
      <h1>Dashboard</h1>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.label} className="tile">
            <strong>{tile.value}</strong>
            <span>{tile.label}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
