import "server-only";
import { db } from "@/lib/platform/db";

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true },
  });
}
