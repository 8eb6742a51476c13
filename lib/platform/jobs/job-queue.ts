// The one durable job queue: pg-boss on the app's own PostgreSQL (or the embedded database), in
// its own `pgboss` schema. Jobs are rows, so they survive restarts; a job is fetched with
// SELECT … FOR UPDATE SKIP LOCKED, so one instance runs it however many are up; a job whose
// handler throws is retried after the delay its definition sets (exponential backoff when
// asked); a job still active when its instance died is failed by the maintenance pass once it
// has run longer than its expiry, and then retried.
//
// The launcher (scripts/serve.ts) starts the queue before Next and stops it before the database.
// Next's server code is bundled apart from the launcher, so the queue's state lives on globalThis
// under a registered symbol that both sides know: one queue per process, whichever copy of this
// module asks.
import PgBoss from "pg-boss";

/** pg-boss's own configuration for this app: no cron, frequent enough maintenance. */
const BOSS_OPTIONS = {
  // Repeating jobs are sent by each instance's ticker (define-job.ts), deduplicated per period.
  schedule: false,
  // Expired jobs (of an instance that died) are noticed within this many seconds.
  maintenanceIntervalSeconds: 5,
  // What /admin/jobs shows: finished jobs stay in the job table for a day, then in the archive.
  archiveCompletedAfterSeconds: 24 * 60 * 60,
  archiveFailedAfterSeconds: 7 * 24 * 60 * 60,
  deleteAfterDays: 30,
} as const;

export interface JobQueueState {
  boss: PgBoss;
  /** Whether this process works on jobs, or only sends them (a script run from cron). */
  works: boolean;
  log: (event: string, fields: Record<string, unknown>) => void;
  /** Each job kind's queue, once created in the database (with this process's worker on it). */
  queues: Map<string, Promise<void>>;
}

const STATE = Symbol.for("crosscurrent.jobs.state");
const LISTENERS = Symbol.for("crosscurrent.jobs.listeners");

type Global = {
  [STATE]?: JobQueueState;
  [LISTENERS]?: Set<(state: JobQueueState) => void>;
};

const global = globalThis as Global;

/** The running queue of this process, or undefined before start and after stop. */
export function runningQueue(): JobQueueState | undefined {
  return global[STATE];
}

/** Calls `listener` each time the queue starts (now too, if it runs). */
export function onQueueStart(listener: (state: JobQueueState) => void): void {
  (global[LISTENERS] ??= new Set()).add(listener);
  const state = global[STATE];
  if (state) listener(state);
}

function defaultLog(event: string, fields: Record<string, unknown>) {
  console.log(JSON.stringify({ event, ...fields }));
}

/**
 * Starts the queue on `databaseUrl` (creating or upgrading its schema) and the workers defined so
 * far. With `sendOnly`, jobs can be sent but none is worked on here, and the maintenance pass is
 * left to the instances: for a script that changes what readers see and exits.
 */
export async function startJobQueue(
  databaseUrl: string,
  log: JobQueueState["log"] = defaultLog,
  options: { sendOnly?: boolean } = {},
): Promise<void> {
  if (global[STATE]) return;
  const works = !options.sendOnly;
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: works ? 4 : 1,
    ...BOSS_OPTIONS,
    ...(works ? {} : { supervise: false }),
  });
  boss.on("error", (error: Error) => log("jobs.error", { message: error.message }));
  await boss.start();
  const state: JobQueueState = { boss, works, log, queues: new Map() };
  global[STATE] = state;
  for (const listener of global[LISTENERS] ?? []) listener(state);
}

/**
 * Stops fetching new jobs, waits (up to `timeoutMs`) for those running to finish, hands back the
 * rest for a retry, and closes the queue's connections.
 */
export async function stopJobQueue(timeoutMs = 8_000): Promise<void> {
  const state = global[STATE];
  if (!state) return;
  delete global[STATE];
  await state.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/** Whether jobs can be sent from this process now. */
export function isJobQueueRunning(): boolean {
  return global[STATE] !== undefined;
}
