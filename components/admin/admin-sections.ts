import type { Permission } from "@/lib/platform/permissions";

/** The staff surface: each section and the permission that shows it. */
export const ADMIN_SECTIONS: ReadonlyArray<{ href: string; label: string; permission: Permission }> = [
  { href: "/admin", label: "Dashboard", permission: "admin.access" },
  { href: "/admin/articles", label: "Articles", permission: "article.editOwn" },
  { href: "/admin/media", label: "Media", permission: "media.upload" },
  { href: "/admin/sources", label: "Sources", permission: "source.read" },
  { href: "/admin/authorizations", label: "Authorizations", permission: "authorization.read" },
  { href: "/admin/tags", label: "Tags", permission: "tag.manage" },
  { href: "/admin/people", label: "People", permission: "person.manage" },
  { href: "/admin/comments", label: "Comments", permission: "comment.moderate" },
  { href: "/admin/users", label: "Users", permission: "user.manage" },
  { href: "/admin/settings", label: "Settings", permission: "settings.manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit.read" },
  { href: "/admin/account", label: "My account", permission: "account.manageOwn" },
];
