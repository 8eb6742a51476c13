// When recorded mail is delivered: the one place to change when delivery becomes a job on the
// durable queue. Until then it runs in this process, right after the commit that recorded the
// messages, and a timer picks up what is left (a crash, a relay that was down).
import { deliverMail, deliverQueuedMail } from "./deliver";

function logFailure(event: string, error: unknown): void {
  console.error(JSON.stringify({ event, message: (error as Error).message }));
}

/** Delivers the messages `ids`, recorded by a transaction that has committed. Never rejects. */
export async function deliverAfterCommit(ids: readonly (string | null)[]): Promise<void> {
  for (const id of ids) {
    if (id) await deliverMail(id).catch((error: unknown) => logFailure("mail.deliver.failed", error));
  }
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Starts retrying due mail in this process every `intervalMs` (once). */
export function startMailRetries(intervalMs: number): void {
  if (timer) return;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverQueuedMail()
      .catch((error: unknown) => logFailure("mail.retry.failed", error))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
}
