// npm run rights:sweep: one rights sweep now, for cron or by hand (the app also runs it every 30 s).
import { now } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db";
import { sweepRights } from "@/lib/rights/sweep";

const result = await sweepRights(now());
console.log(
  `Published ${result.published} scheduled article(s); withdrew ${result.withdrawn}; restored ${result.restored} after a counter-notice.`,
);
await db.$disconnect();
