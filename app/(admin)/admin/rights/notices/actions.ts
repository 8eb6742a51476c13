"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/platform/actions/define-action";
import {
  recordClaimantAnswer as answer,
  recordCounterNotice as counter,
  rejectNotice as reject,
  restoreNow as restore,
  startReview as review,
  withdrawForNotice as withdraw,
} from "@/lib/rights/notices/case-steps";
import { noticeDate } from "@/lib/rights/withdrawal-text";
import { CaseNoteSchema, CaseStepSchema, RejectNoticeSchema } from "@/lib/rights/notices/schema";

function refresh(id: string) {
  revalidatePath("/admin/rights/notices");
  revalidatePath(`/admin/rights/notices/${id}`);
}

export const startNoticeReview = defineAction({
  permission: "notice.manage",
  schema: CaseStepSchema,
  async handler({ id }, context) {
    await review(id, context);
    refresh(id);
    return { ok: true, message: "Review started." };
  },
});

export const withdrawNoticedArticles = defineAction({
  permission: "notice.manage",
  schema: CaseStepSchema,
  async handler({ id }, context) {
    const { withdrawn } = await withdraw(id, context);
    refresh(id);
    const what =
      withdrawn === 0
        ? "No article needed withdrawing: each was already withdrawn."
        : `${withdrawn} ${withdrawn === 1 ? "article was" : "articles were"} withdrawn; ${withdrawn === 1 ? "its URL answers" : "their URLs answer"} 451 naming this case.`;
    return { ok: true, message: `Notice upheld. ${what}` };
  },
});

export const rejectRightsNotice = defineAction({
  permission: "notice.manage",
  schema: RejectNoticeSchema,
  async handler({ id, reason }, context) {
    await reject(id, reason, context);
    refresh(id);
    return { ok: true, message: "Notice rejected. Nothing was withdrawn." };
  },
});

export const recordCounterNotice = defineAction({
  permission: "notice.manage",
  schema: CaseNoteSchema,
  async handler({ id, note }, context) {
    const { restoreDueAt } = await counter(id, note, context);
    refresh(id);
    return {
      ok: true,
      message: `Counter-notice recorded. Unless the claimant answers, the articles are restored on ${noticeDate(restoreDueAt)}.`,
    };
  },
});

export const recordClaimantAnswer = defineAction({
  permission: "notice.manage",
  schema: CaseNoteSchema,
  async handler({ id, note }, context) {
    await answer(id, note, context);
    refresh(id);
    return { ok: true, message: "Claimant's answer recorded. The articles stay withdrawn." };
  },
});

export const restoreNoticedArticles = defineAction({
  permission: "notice.manage",
  schema: CaseStepSchema,
  async handler({ id }, context) {
    const { restored } = await restore(id, context);
    refresh(id);
    return { ok: true, message: `${restored} ${restored === 1 ? "article was" : "articles were"} restored.` };
  },
});
