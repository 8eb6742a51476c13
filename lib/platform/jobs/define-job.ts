// A kind of job: its name, what runs it, and how it is retried. Each domain defines its own
// (lib/<domain>/*-job.ts) and the app loads them at start (instrumentation.ts); this process's
// workers begin once the queue runs (job-queue.ts). Defining the same name again (another bundle
// of the same module) keeps the first handler.
import type PgBoss from "pg-boss";
import { onQueueStart, runningQueue, type JobQueueState } from "./job-queue";

export interface JobOptions {
  /** Retries after the first attempt fails (default 2). */
  retryLimit?: number;
  /** Seconds before a retry; doubled at each retry (with jitter) when `retryBackoff` is set. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** An attempt still running after this long counts as failed (default 15 minutes). */
  expireInSeconds?: number;
  /** How often an idle worker looks for work (default 2 s). */
  pollingIntervalSeconds?: number;
  /**
   * Run the job every this many seconds, once across all instances: every instance offers it
   * each period and the queue keeps one per period.
   */
  everySeconds?: number;
}

export interface JobInfo {
  id: string;
  /** Attempts before this one. */
  retryCount: number;
}

export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;

export interface JobDefinition<T> {
  readonly name: string;
  readonly options: JobOptions;
  /** Type only: the data this job takes. */
  readonly __data?: T;
}

interface Registered {
  definition: JobDefinition<unknown>;
  handler: JobHandler<unknown>;
}

const REGISTRY = Symbol.for("crosscurrent.jobs.definitions");
const registry = ((globalThis as { [REGISTRY]?: Map<string, Registered> })[REGISTRY] ??= new Map());

/** Queue names: lower-case words separated by dots or hyphens, e.g. `webhooks.deliver`. */
const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

export function defineJob<T>(
  name: string,
  handler: JobHandler<T>,
  options: JobOptions = {},
): JobDefinition<T> {
  const existing = registry.get(name);
  if (existing) return existing.definition as JobDefinition<T>;
  if (!NAME.test(name))
    throw new Error(`Job name "${name}": use lower-case words joined by dots or hyphens.`);
  const definition: JobDefinition<T> = { name, options };
  registry.set(name, { definition, handler: handler as JobHandler<unknown> });
  const state = runningQueue();
  if (state) void queueReady(state, name).catch(() => {}); // logged by startWorker
  return definition;
}

// Whenever the queue starts, every kind defined so far gets its queue, and this process's worker
// unless the queue only sends (a script).
onQueueStart((state) => {
  for (const name of registry.keys()) void queueReady(state, name).catch(() => {});
});

/** The definitions known to this process. */
export function definedJobNames(): string[] {
  return [...registry.keys()].sort();
}

/**
 * Resolves once `name`'s queue exists in the database (and this process works on it, unless the
 * queue only sends).
 */
export function queueReady(state: JobQueueState, name: string): Promise<void> {
  let ready = state.queues.get(name);
  if (!ready) {
    const registered = registry.get(name);
    if (!registered) return Promise.reject(new Error(`No job is defined as "${name}".`));
    ready = startWorker(state, name, registered.handler, registered.definition.options);
    state.queues.set(name, ready);
  }
  return ready;
}

async function startWorker(
  state: JobQueueState,
  name: string,
  handler: JobHandler<unknown>,
  options: JobOptions,
): Promise<void> {
  const { boss, log } = state;
  try {
    await createQueueInTurn(state, {
      name,
      retryLimit: options.retryLimit ?? 2,
      retryDelay: options.retryDelaySeconds ?? 0,
      retryBackoff: options.retryBackoff ?? false,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
    });
    if (!state.works) return;
    await boss.work<unknown>(
      name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, includeMetadata: true },
      async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
        if (!job) return;
        try {
          await handler(job.data, { id: job.id, retryCount: job.retryCount });
        } catch (error) {
          log("job.failed", {
            job: name,
            id: job.id,
            attempt: job.retryCount + 1,
            message: (error as Error).message,
          });
          throw error;
        }
      },
    );
  } catch (error) {
    log("jobs.worker.failed", { job: name, message: (error as Error).message });
    throw error;
  }
  if (options.everySeconds) repeat(state, name, options.everySeconds);
}

// pg-boss creates each queue's table with DDL: queues created side by side deadlock each other.
// This process creates them one at a time; another instance starting at the same moment may
// still collide, so a deadlock is tried again.
const creations = new WeakMap<JobQueueState, Promise<unknown>>();
const DEADLOCK = "40P01";
const CREATE_ATTEMPTS = 3;

function createQueueInTurn(state: JobQueueState, queue: PgBoss.Queue & { name: string }): Promise<void> {
  const previous = creations.get(state) ?? Promise.resolve();
  const next = previous
    .catch(() => {})
    .then(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await state.boss.createQueue(queue.name, queue);
          return;
        } catch (error) {
          if (attempt >= CREATE_ATTEMPTS || (error as { code?: string }).code !== DEADLOCK) throw error;
        }
      }
    });
  creations.set(state, next);
  return next;
}

/** Offers the job once per period from this instance; the queue keeps one per period in all. */
function repeat(state: JobQueueState, name: string, seconds: number) {
  const offer = () =>
    state.boss
      .send(name, {}, { singletonKey: name, singletonSeconds: seconds })
      .catch((error: Error) => state.log("jobs.repeat.failed", { job: name, message: error.message }));
  void offer();
  const timer = setInterval(() => {
    if (runningQueue() !== state) {
      clearInterval(timer); // the queue was stopped
      return;
    }
    void offer();
  }, seconds * 1000);
  timer.unref();
}
