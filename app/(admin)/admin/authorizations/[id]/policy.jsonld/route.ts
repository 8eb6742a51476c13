// One reprint authorization as a W3C ODRL 2.2 policy in JSON-LD (authorization.read), as a download.
import { policyDownload } from "@/lib/rights/authorizations/http";
import { getCurrentUser } from "@/lib/platform/session";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return policyDownload(await getCurrentUser(), id);
}
