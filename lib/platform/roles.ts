import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["ADMIN", "EDITOR", "WRITER"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", WRITER: "Writer" };
