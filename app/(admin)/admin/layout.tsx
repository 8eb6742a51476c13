import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin/shell/admin-shell";
import { AdminBrand, AdminSidebar, NewArticleLink } from "@/components/admin/shell/admin-sidebar";
import { Toaster } from "@/components/ui/toaster";
import { requirePagePermission } from "@/lib/platform/page-guard";
import { siteIdentity } from "@/lib/site/identity";

export async function generateMetadata(): Promise<Metadata> {
  const { title } = await siteIdentity();
  return { title: { default: "Admin", template: `%s · Admin · ${title}` }, robots: { index: false } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePagePermission("admin.access", "/admin");
  return (
    <AdminShell
      sidebar={<AdminSidebar user={user} />}
      topBar={
        <>
          <AdminBrand />
          <NewArticleLink user={user} />
        </>
      }
    >
      <Toaster>{children}</Toaster>
    </AdminShell>
  );
}
