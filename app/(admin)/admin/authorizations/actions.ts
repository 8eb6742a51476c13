"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import {
  addEvidenceUrl as addUrl,
  denyAuthorization as deny,
  grantAuthorization as grant,
  recordRequest as record,
  renewAuthorization as renew,
  revokeAuthorization as revoke,
} from "@/lib/rights/authorizations/lifecycle";
import {
  AddEvidenceUrlSchema,
  DenySchema,
  GrantSchema,
  RecordRequestSchema,
  RenewSchema,
  RevokeSchema,
} from "@/lib/rights/authorizations/schema";

function refresh(...ids: Array<string | null | undefined>) {
  revalidatePath("/admin/authorizations");
  for (const id of ids) if (id) revalidatePath(`/admin/authorizations/${id}`);
}

export const recordRequest = defineAction({
  permission: "authorization.request",
  schema: RecordRequestSchema,
  async handler(input, context) {
    const created = await record(input, context);
    refresh(created.id, created.renewsId);
    return {
      ok: true,
      message: "Request recorded.",
      data: { id: created.id },
      redirectTo: `/admin/authorizations/${created.id}`,
    };
  },
});

export const grantAuthorization = defineAction({
  permission: "authorization.manage",
  schema: GrantSchema,
  async handler(input, context) {
    const granted = await grant(input, context);
    refresh(granted.id);
    return { ok: true, message: "Authorization granted.", data: { version: granted.version } };
  },
});

export const denyAuthorization = defineAction({
  permission: "authorization.manage",
  schema: DenySchema,
  async handler(input, context) {
    const denied = await deny(input, context);
    refresh(denied.id);
    return { ok: true, message: "Request denied.", data: { version: denied.version } };
  },
});

export const revokeAuthorization = defineAction({
  permission: "authorization.manage",
  schema: RevokeSchema,
  async handler(input, context) {
    const { authorization, coveredArticles, withdrawnArticles } = await revoke(input, context);
    refresh(authorization.id);
    // What the rights check withdrew, not only the articles linked to it (an article-scoped
    // revocation also outranks a whole-source grant).
    const effect =
      withdrawnArticles === 0
        ? "No published article was withdrawn."
        : `${withdrawnArticles} published ${withdrawnArticles === 1 ? "article was" : "articles were"} withdrawn.`;
    return {
      ok: true,
      message: `Authorization revoked. ${effect}`,
      data: { version: authorization.version, coveredArticles },
    };
  },
});

export const renewAuthorization = defineAction({
  permission: "authorization.manage",
  schema: RenewSchema,
  async handler(input, context) {
    const renewal = await renew(input, context);
    refresh(renewal.id, input.id);
    return {
      ok: true,
      message: "Renewal requested.",
      data: { id: renewal.id },
      redirectTo: `/admin/authorizations/${renewal.id}`,
    };
  },
});

export const addEvidenceUrl = defineAction({
  permission: "authorization.manage",
  schema: AddEvidenceUrlSchema,
  async handler(input, context) {
    const evidence = await addUrl(input, context);
    refresh(input.authorizationId);
    return { ok: true, message: "Evidence link added.", data: { id: evidence.id } };
  },
});
