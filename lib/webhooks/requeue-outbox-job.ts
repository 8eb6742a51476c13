// Deliveries written where no queue ran (a script such as `npm run rights:sweep`) wait in the
// delivery table without a job; a running app queues them within a minute.
import { db } from "@/lib/platform/db";
import { defineJob } from "@/lib/platform/jobs/define-job";
import { queueDelivery } from "./emit";

export const requeueOutboxJob = defineJob<Record<string, never>>(
  "webhooks.requeue-outbox",
  async () => {
    const waiting = await db.webhookDelivery.findMany({
      where: { status: "PENDING", jobId: null },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: 500,
    });
    for (const { id } of waiting) {
      await db.$transaction(async (tx) => {
        // Another run may have queued it meanwhile.
        const still = await tx.webhookDelivery.count({ where: { id, jobId: null } });
        if (still) await queueDelivery(tx, id);
      });
    }
  },
  { everySeconds: 60, retryLimit: 0 },
);
