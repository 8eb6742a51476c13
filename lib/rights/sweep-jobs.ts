// The rights sweep as jobs on the queue (lib/platform/jobs): every 30 seconds, once across all
// app instances, scheduled publications whose time has come are published (after their rights
// are checked again), reprints whose authorization lapsed are withdrawn, and takedown cases whose
// counter-notice waited out its period are restored. Readers never wait
// for it (lib/articles/visibility.ts); it records what happened. A run that fails is not
// retried: the next one, 30 s later, sees the same articles. `npm run rights:sweep` runs both now.
import { now } from "@/lib/platform/clock";
import { defineJob } from "@/lib/platform/jobs/define-job";
import { restoreDueNotices } from "./notices/restore";
import { publishDueArticles, withdrawLapsedReprints } from "./sweep";

export const SWEEP_INTERVAL_SECONDS = 30;

function logged(event: string, result: Record<string, number>) {
  if (Object.values(result).some(Boolean)) console.log(JSON.stringify({ event, ...result }));
}

export const publishScheduledJob = defineJob<Record<string, never>>(
  "articles.publish-scheduled",
  async () => logged("rights.sweep.scheduled", await publishDueArticles(now())),
  { everySeconds: SWEEP_INTERVAL_SECONDS, retryLimit: 0, expireInSeconds: 5 * 60 },
);

export const withdrawLapsedJob = defineJob<Record<string, never>>(
  "rights.withdraw-lapsed",
  async () => logged("rights.sweep.lapsed", await withdrawLapsedReprints(now())),
  { everySeconds: SWEEP_INTERVAL_SECONDS, retryLimit: 0, expireInSeconds: 5 * 60 },
);

export const restoreCounteredJob = defineJob<Record<string, never>>(
  "rights.restore-countered",
  async () => logged("rights.sweep.restored", { restored: await restoreDueNotices(now()) }),
  { everySeconds: SWEEP_INTERVAL_SECONDS, retryLimit: 0, expireInSeconds: 5 * 60 },
);
