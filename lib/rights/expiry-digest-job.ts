// The daily expiry digest as a job on the queue (lib/platform/jobs): offered every hour, once
// across all instances. The digest itself is idempotent per day in the site's time zone, so the
// first run of a day sends it and the rest record nothing.
import { now } from "@/lib/platform/clock";
import { defineJob } from "@/lib/platform/jobs/define-job";
import { sendExpiryDigest } from "./expiry-digest";

export const expiryDigestJob = defineJob<Record<string, never>>(
  "rights.expiry-digest",
  async () => {
    const result = await sendExpiryDigest(now());
    if (result.recorded > 0) {
      console.log(
        JSON.stringify({ event: "rights.expiryDigest", day: result.day, recorded: result.recorded }),
      );
    }
  },
  { everySeconds: 60 * 60, retryLimit: 0 },
);
