// What each role may do: the one table every guard reads.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "admin.access",
  "article.create",
  "article.editOwn",
  "article.editAny",
  "article.publish",
  "article.archive",
  "tag.manage",
  "person.manage",
  "media.upload",
  "source.read",
  "source.manage",
  "authorization.read",
  "authorization.request",
  "authorization.manage",
  "notice.read",
  "notice.manage",
  "comment.moderate",
  "commenter.manageData",
  "settings.manage",
  "user.manage",
  "audit.read",
  "webhook.manage",
  "jobs.read",
  "mail.read",
  "account.manageOwn",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const WRITER: readonly Permission[] = [
  "admin.access",
  "article.create",
  "article.editOwn",
  "media.upload",
  "account.manageOwn",
];

const EDITOR: readonly Permission[] = [
  ...WRITER,
  "article.editAny",
  "article.publish",
  "article.archive",
  "tag.manage",
  "person.manage",
  "source.read",
  "authorization.read",
  "authorization.request",
  "notice.read",
  "comment.moderate",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  WRITER: new Set(WRITER),
  EDITOR: new Set(EDITOR),
  ADMIN: new Set(PERMISSIONS),
};

export interface Actor {
  id: string;
  role: Role;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && ROLE_PERMISSIONS[actor.role].has(permission);
}
