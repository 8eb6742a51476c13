// Sending a job. Given the transaction of the change that calls for it, the job is written in
// that transaction: it exists exactly when the change committed, never before and never without.
import type { DbTransaction } from "@/lib/platform/db";
import { queueReady, type JobDefinition } from "./define-job";
import { runningQueue } from "./job-queue";

export interface EnqueueOptions {
  /** The transaction of the change this job follows from. */
  tx?: DbTransaction;
  /** Run no earlier than this. */
  startAfter?: Date;
  /** Jobs of one kind waiting together run highest priority first (default 0). */
  priority?: number;
}

/** Queues `data` for `job`'s handler; returns the job's id. */
export async function enqueueJob<T>(
  job: JobDefinition<T>,
  data: T,
  options: EnqueueOptions = {},
): Promise<string> {
  const state = runningQueue();
  if (!state) throw new Error(`The job queue is not running: cannot queue "${job.name}".`);
  await queueReady(state, job.name);
  const { tx, startAfter, priority } = options;
  const id = await state.boss.send(job.name, data as object, {
    ...(startAfter ? { startAfter } : {}),
    ...(priority ? { priority } : {}),
    ...(tx ? { db: transactionExecutor(tx) } : {}),
  });
  if (!id) throw new Error(`The job queue refused a "${job.name}" job.`);
  return id;
}

/** pg-boss runs its SQL through this, on the transaction's connection. */
function transactionExecutor(tx: DbTransaction) {
  return {
    async executeSql(text: string, values: unknown[]) {
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) };
    },
  };
}
