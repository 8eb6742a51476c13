// When recorded mail is delivered: as jobs on the durable queue (lib/platform/jobs), one per
// message right after the commit that recorded it, and every minute for what is left (a relay
// that was down, a crash between commit and job). The outbox row itself says whether a message
// went out, so a job that runs twice sends once (deliver.ts). Where no queue runs (a script),
// the message is delivered in this process instead.
import { defineJob } from "@/lib/platform/jobs/define-job";
import { enqueueJob } from "@/lib/platform/jobs/enqueue-job";
import { isJobQueueRunning } from "@/lib/platform/jobs/job-queue";
import { deliverMail, deliverQueuedMail } from "./deliver";

// The outbox keeps its own retry schedule (nextAttemptAt), so the queue does not retry these.
export const deliverMailJob = defineJob<{ id: string }>(
  "mail.deliver",
  async ({ id }) => {
    await deliverMail(id);
  },
  { retryLimit: 0 },
);

export const retryDueMailJob = defineJob<Record<string, never>>(
  "mail.retry-due",
  async () => {
    await deliverQueuedMail();
  },
  { everySeconds: 60, retryLimit: 0 },
);

function logFailure(event: string, error: unknown): void {
  console.error(JSON.stringify({ event, message: (error as Error).message }));
}

/** Delivers the messages `ids`, recorded by a transaction that has committed. Never rejects. */
export async function deliverAfterCommit(ids: readonly (string | null)[]): Promise<void> {
  for (const id of ids) {
    if (!id) continue;
    try {
      if (isJobQueueRunning()) await enqueueJob(deliverMailJob, { id });
      else await deliverMail(id);
    } catch (error) {
      logFailure("mail.deliver.failed", error);
    }
  }
}
