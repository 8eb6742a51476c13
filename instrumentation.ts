// Runs once when a server instance starts: every instance sweeps reprint rights every 30
// seconds, so a lapsed authorization is recorded as a withdrawal within a minute even when
// nobody touches the app. (Readers are protected sooner: lists and pages hide lapsed reprints
// at read time.) The sweep is idempotent, so several instances may run it side by side.
const RIGHTS_SWEEP_INTERVAL_MS = 30_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRightsSweep } = await import("@/lib/rights/sweep-timer");
  startRightsSweep(RIGHTS_SWEEP_INTERVAL_MS);
}
