import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/platform/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/platform/session";

/** For admin pages: the signed-in user holding `permission`, else sign-in or 403. */
export async function requirePagePermission(permission: Permission, path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(user, permission)) forbidden();
  return user;
}
