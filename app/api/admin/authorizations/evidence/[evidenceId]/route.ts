// Downloads one evidence file of a reprint authorization (authorization.read): always as an
// attachment, with nosniff, never rendered in the admin's browser.
import { evidenceDownload } from "@/lib/rights/authorizations/http";
import { getCurrentUser } from "@/lib/platform/session";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  const { evidenceId } = await params;
  return evidenceDownload(await getCurrentUser(), evidenceId);
}
