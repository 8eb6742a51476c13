import { ExternalLink, PenSquare, UserCog } from "lucide-react";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { can } from "@/lib/platform/permissions";
import { ROLE_LABELS } from "@/lib/platform/roles";
import type { CurrentUser } from "@/lib/platform/session";
import { siteIdentity } from "@/lib/site/identity";
import { ADMIN_NAVIGATION } from "./admin-sections";
import { NavLink } from "./nav-link";

export async function AdminBrand() {
  const { title } = await siteIdentity();
  return (
    <Link href="/admin" className="site-title admin-brand">
      {title}
    </Link>
  );
}

export function NewArticleLink({ user }: { user: CurrentUser }) {
  if (!can(user, "article.create")) return null;
  return (
    <Link href="/admin/articles/new" className="button button-primary">
      <PenSquare aria-hidden size={16} /> New article
    </Link>
  );
}

/** The sidebar: brand and "View site", "New article", the sections this user may open, the account. */
export function AdminSidebar({ user }: { user: CurrentUser }) {
  const groups = ADMIN_NAVIGATION.map((group) => ({
    ...group,
    sections: group.sections.filter((section) => can(user, section.permission)),
  })).filter((group) => group.sections.length > 0);

  return (
    <>
      <div className="admin-sidebar-head">
        <AdminBrand />
        <a href="/" className="admin-view-site" target="_blank" rel="noopener">
          View site <ExternalLink aria-hidden size={14} />
        </a>
      </div>
      <NewArticleLink user={user} />
      <nav aria-label="Admin">
        {groups.map((group) => (
          <section key={group.label} className="admin-nav-group" aria-labelledby={`nav-${group.label}`}>
            <h2 id={`nav-${group.label}`}>{group.label}</h2>
            <ul>
              {group.sections.map(({ href, label, icon: Icon }) => (
                <li key={href}>
                  <NavLink href={href}>
                    <Icon aria-hidden size={16} /> {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </nav>
      <div className="admin-account">
        <NavLink href="/admin/account">
          <UserCog aria-hidden size={16} /> {user.name}
        </NavLink>
        <span className="meta">{ROLE_LABELS[user.role]}</span>
        <SignOutButton />
      </div>
    </>
  );
}
