// CSV export of /admin/authorizations: ?what=authorizations|articles plus the list's filters.
import type { NextRequest } from "next/server";
import { csvExport } from "@/lib/rights/authorizations/http";
import { getCurrentUser } from "@/lib/platform/session";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  return csvExport(await getCurrentUser(), request.nextUrl.searchParams);
}
