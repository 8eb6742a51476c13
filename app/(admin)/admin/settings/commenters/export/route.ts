// POST (the email in the body, not the URL): a JSON download of one commenter's comments.
import type { NextRequest } from "next/server";
import { defineRoute } from "@/lib/platform/actions/define-route";
import type { ActionDefinition } from "@/lib/platform/actions/run-action";
import { now } from "@/lib/platform/clock";
import {
  CommenterEmailSchema,
  exportCommenterData,
  type CommenterExport,
} from "@/lib/comments/commenter-data";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

const exportData: ActionDefinition<typeof CommenterEmailSchema, CommenterExport> = {
  permission: "commenter.manageData",
  schema: CommenterEmailSchema,
  async handler({ email }, context) {
    return { ok: true, data: await exportCommenterData(email, context) };
  },
};

const guarded = defineRoute(exportData as unknown as ActionDefinition);

/** The guarded route answers JSON; a success is turned into a file download. */
async function exportDownload(request: NextRequest): Promise<Response> {
  const response = await guarded(request);
  if (!response.ok) {
    for (const [name, value] of Object.entries(PRIVATE)) response.headers.set(name, value);
    return response;
  }
  const { data } = (await response.json()) as { data: unknown };
  const day = now().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="commenter-data-${day}.json"`,
    },
  });
}

export const POST = Object.assign(exportDownload, { definition: guarded.definition });
