// Runs once when a server instance starts.
// - Every instance sweeps reprint rights every 30 seconds, so a lapsed authorization is
//   withdrawn (and every cached page showing it invalidated) within a minute even when nobody
//   touches the app. The sweep is idempotent, so several instances may run it side by side.
// - Every instance listens for the cache invalidations the others broadcast.
// - Mail carries the site's title as its sender name; mail a relay refused (or a crash left
//   unsent) is retried every minute; the daily expiry digest is tried every hour (it goes out
//   once a day whichever instance runs it first).
const RIGHTS_SWEEP_INTERVAL_MS = 30_000;
const MAIL_RETRY_INTERVAL_MS = 60_000;
const EXPIRY_DIGEST_INTERVAL_MS = 60 * 60_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRightsSweep } = await import("@/lib/rights/sweep-timer");
  startRightsSweep(RIGHTS_SWEEP_INTERVAL_MS);
  const { nameMailAfterSite } = await import("@/lib/site/stored-identity");
  nameMailAfterSite();
  const { startMailRetries } = await import("@/lib/platform/outbox/delivery-trigger");
  startMailRetries(MAIL_RETRY_INTERVAL_MS);
  const { startExpiryDigest } = await import("@/lib/rights/expiry-digest-timer");
  startExpiryDigest(EXPIRY_DIGEST_INTERVAL_MS);
  if (process.env.DATABASE_URL) {
    const { listenForInvalidations } = await import("@/lib/platform/cache/listener");
    listenForInvalidations(process.env.DATABASE_URL);
  }
}
