import {
  BadgeCheck,
  Building2,
  FileWarning,
  FileText,
  Gauge,
  History,
  ListChecks,
  Mail,
  Image as ImageIcon,
  MessagesSquare,
  Settings,
  Tags,
  UserRound,
  Users,
  Webhook,
  type LucideIcon,
} from "lucide-react";
import type { Permission } from "@/lib/platform/permissions";

export interface AdminSection {
  href: string;
  label: string;
  permission: Permission;
  icon: LucideIcon;
}

/** The staff surface, grouped as the desk thinks of it: each section and the permission that shows it. */
export const ADMIN_NAVIGATION: ReadonlyArray<{ label: string; sections: readonly AdminSection[] }> = [
  {
    label: "Content",
    sections: [
      { href: "/admin", label: "Dashboard", permission: "admin.access", icon: Gauge },
      { href: "/admin/articles", label: "Articles", permission: "article.editOwn", icon: FileText },
      { href: "/admin/media", label: "Media", permission: "media.upload", icon: ImageIcon },
      { href: "/admin/tags", label: "Tags", permission: "tag.manage", icon: Tags },
      { href: "/admin/people", label: "People", permission: "person.manage", icon: UserRound },
    ],
  },
  {
    label: "Rights",
    sections: [
      { href: "/admin/sources", label: "Sources", permission: "source.read", icon: Building2 },
      {
        href: "/admin/authorizations",
        label: "Authorizations",
        permission: "authorization.read",
        icon: BadgeCheck,
      },
      {
        href: "/admin/rights/notices",
        label: "Takedown notices",
        permission: "notice.read",
        icon: FileWarning,
      },
    ],
  },
  {
    label: "Community",
    sections: [
      { href: "/admin/comments", label: "Comments", permission: "comment.moderate", icon: MessagesSquare },
    ],
  },
  {
    label: "Administration",
    sections: [
      { href: "/admin/users", label: "Users", permission: "user.manage", icon: Users },
      { href: "/admin/settings", label: "Settings", permission: "settings.manage", icon: Settings },
      { href: "/admin/audit", label: "Audit log", permission: "audit.read", icon: History },
      { href: "/admin/webhooks", label: "Webhooks", permission: "webhook.manage", icon: Webhook },
      { href: "/admin/jobs", label: "Jobs", permission: "jobs.read", icon: ListChecks },
      { href: "/admin/outbox", label: "Outbox", permission: "mail.read", icon: Mail },
    ],
  },
];
