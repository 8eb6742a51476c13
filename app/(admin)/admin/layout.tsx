import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ADMIN_SECTIONS } from "@/components/admin/admin-sections";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { can } from "@/lib/platform/permissions";

export const metadata = {
  title: { default: "Admin", template: "%s · Admin · Crosscurrent" },
  robots: { index: false },
};

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePagePermission("admin.access", "/admin");
  return (
    <div className="admin">
      <header className="admin-header">
        <Link href="/admin" className="site-title">
          Crosscurrent
        </Link>
        <nav aria-label="Admin">
          <ul>
            {ADMIN_SECTIONS.filter((section) => can(user, section.permission)).map((section) => (
              <li key={section.href}>
                <Link href={section.href}>{section.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="meta">
          {user.name} · {user.role.toLowerCase()}
        </span>
        <SignOutButton />
      </header>
      <main className="admin-main">{children}</main>
    </div>
  );
}
