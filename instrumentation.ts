// Runs once when a server instance starts.
// - Every domain's jobs are defined here, so this instance works on them: the rights sweep and
//   scheduled publishing (every 30 s, once across all instances), webhook deliveries, mail. The queue
//   itself is started and stopped by the launcher (scripts/serve.ts, lib/platform/jobs).
// - Every instance listens for the cache invalidations the others broadcast, and, with a CDN in
//   front (CDN_PURGE_URL), works on the queue of purges. With REDIS_URL it connects to the shared
//   page cache before the first request, so Next's cache handler finds it.
// - Mail carries the site's title as its sender name; its delivery and retries, and the daily
//   expiry digest, are jobs too.
// - The production launcher answers comment posts itself, without Next's router
//   (lib/platform/server/direct-routes.ts), with the handler the route exports.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await import("@/lib/rights/sweep-jobs");
  await import("@/lib/rights/expiry-digest-job");
  await import("@/lib/webhooks/deliver-job");
  await import("@/lib/webhooks/requeue-outbox-job");
  await import("@/lib/platform/outbox/delivery-trigger");
  if (process.env.CDN_PURGE_URL) {
    const { cdnPurgeJob } = await import("@/lib/platform/cache/cdn-purge-job");
    cdnPurgeJob();
  }
  const { registerDirectRoute } = await import("@/lib/platform/server/direct-routes");
  const { postComment } = await import("@/lib/comments/post-comment");
  const { NextRequest } = await import("next/server");
  registerDirectRoute("POST", "/api/comments", (request) => postComment(new NextRequest(request)));
  const { nameMailAfterSite } = await import("@/lib/site/stored-identity");
  nameMailAfterSite();
  if (process.env.REDIS_URL) {
    const { startSharedStore } = await import("@/lib/platform/cache/shared-store");
    await startSharedStore();
  }
  if (process.env.DATABASE_URL) {
    const { listenForInvalidations } = await import("@/lib/platform/cache/listener");
    listenForInvalidations(process.env.DATABASE_URL);
  }
}
