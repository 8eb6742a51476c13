"use server";

import { defineAction } from "@/lib/platform/actions/define-action";
import {
  CommenterEmailSchema,
  commenterSummary,
  eraseCommenterData,
  type CommenterSummary,
} from "@/lib/comments/commenter-data";

// A server action rather than a query string, so the address stays out of URLs and access logs.
export const lookUpCommenter = defineAction({
  permission: "commenter.manageData",
  schema: CommenterEmailSchema,
  async handler({ email }) {
    const summary: CommenterSummary = await commenterSummary(email);
    const noun = summary.total === 1 ? "comment" : "comments";
    return { ok: true, message: `${summary.total} ${noun} from this address.`, data: summary };
  },
});

export const eraseCommenter = defineAction({
  permission: "commenter.manageData",
  schema: CommenterEmailSchema,
  async handler({ email }, context) {
    const { erased } = await eraseCommenterData(email, context);
    const noun = erased === 1 ? "comment" : "comments";
    return {
      ok: true,
      message: `Erased the name, email, website, IP and browser of ${erased} ${noun}; the text is kept.`,
      data: { erased },
    };
  },
});
