"use client";

// The steps an admin takes on a takedown case, each a form bound to its server action. The ones
// that change what readers see ask for confirmation first. A step moves the case on, so its form
// leaves the page: what it did is said in a toast, which stays.
import {
  recordClaimantAnswer,
  recordCounterNotice,
  rejectRightsNotice,
  restoreNoticedArticles,
  startNoticeReview,
  withdrawNoticedArticles,
} from "@/app/(admin)/admin/rights/notices/actions";
import { FieldMessage } from "@/components/admin/taxonomy/fields";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { useToast } from "@/components/ui/toaster";

function useToasted(action: FormAction): FormAction {
  const toast = useToast();
  return async (state, data) => {
    const result = await action(state, data);
    if (result.ok && result.message) toast(result.message);
    return result;
  };
}

function CaseId({ id }: { id: string }) {
  return <input type="hidden" name="id" value={id} />;
}

export function StartReviewForm({ id }: { id: string }) {
  return (
    <ActionForm action={useToasted(startNoticeReview)} submitLabel="Start review" className="stack">
      {() => <CaseId id={id} />}
    </ActionForm>
  );
}

export function WithdrawNowForm({ id, articleCount }: { id: string; articleCount: number }) {
  const what = articleCount === 1 ? "the article" : `the ${articleCount} articles`;
  return (
    <ActionForm
      action={useToasted(withdrawNoticedArticles)}
      submitLabel="Withdraw now"
      confirm={`Withdraw ${what} this notice names? Their URLs will answer 451 naming this case, and they leave every list, feed and search at once.`}
      className="stack"
    >
      {() => <CaseId id={id} />}
    </ActionForm>
  );
}

export function RejectForm({ id }: { id: string }) {
  return (
    <ActionForm
      action={useToasted(rejectRightsNotice)}
      submitLabel="Reject"
      confirm="Reject this notice? Nothing is withdrawn."
      className="stack"
    >
      {(state) => (
        <>
          <CaseId id={id} />
          <label>
            Why the notice is rejected
            <textarea
              name="reason"
              required
              rows={3}
              maxLength={2000}
              aria-describedby="reject-reason-error"
            />
            <FieldMessage state={state} name="reason" id="reject-reason-error" />
          </label>
        </>
      )}
    </ActionForm>
  );
}

export function CounterNoticeForm({ id, businessDays }: { id: string; businessDays: number }) {
  return (
    <ActionForm
      action={useToasted(recordCounterNotice)}
      submitLabel="Record counter-notice"
      confirm={`Record a counter-notice? Unless the claimant answers within ${businessDays} business days, the articles are restored automatically.`}
      confirmTone="neutral"
      className="stack"
    >
      {(state) => (
        <>
          <CaseId id={id} />
          <label>
            Note (who sent it, how it reached us)
            <textarea name="note" rows={2} maxLength={2000} aria-describedby="counter-note-error" />
            <FieldMessage state={state} name="note" id="counter-note-error" />
          </label>
        </>
      )}
    </ActionForm>
  );
}

export function ClaimantAnsweredForm({ id }: { id: string }) {
  return (
    <ActionForm
      action={useToasted(recordClaimantAnswer)}
      submitLabel="Claimant answered"
      confirm="Record that the claimant answered the counter-notice? The articles stay withdrawn."
      className="stack"
    >
      {(state) => (
        <>
          <CaseId id={id} />
          <label>
            Note (e.g. the court action they reported)
            <textarea name="note" rows={2} maxLength={2000} aria-describedby="answer-note-error" />
            <FieldMessage state={state} name="note" id="answer-note-error" />
          </label>
        </>
      )}
    </ActionForm>
  );
}

export function RestoreNowForm({ id }: { id: string }) {
  return (
    <ActionForm
      action={useToasted(restoreNoticedArticles)}
      submitLabel="Restore now"
      confirm="Restore the withdrawn articles now? They are served again if their rights still allow."
      confirmTone="neutral"
      className="stack"
    >
      {() => <CaseId id={id} />}
    </ActionForm>
  );
}
