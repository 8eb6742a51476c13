// npm run rights:sweep: one rights sweep now, for cron or by hand (the app also runs it every 30 s).
// The articles it withdraws are purged from a CDN as the app's own sweep would: the purges are
// queued here (send-only) and sent by the running instances.
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { startJobQueue, stopJobQueue } from "@/lib/platform/jobs/job-queue";
import { sweepRights } from "@/lib/rights/sweep";

if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: the sweep runs against the database the site uses.");
  process.exit(2);
}
await startJobQueue(env.DATABASE_URL, undefined, { sendOnly: true });
try {
  const result = await sweepRights(now());
  console.log(
    `Published ${result.published} scheduled article(s); withdrew ${result.withdrawn}; restored ${result.restored} after a counter-notice.`,
  );
} finally {
  await stopJobQueue();
  await db.$disconnect();
}
