// Runs the expiry digest in this process every `intervalMs` (once). The digest is idempotent per
// day, so every instance may run it: the first run of a day sends it, the rest record nothing.
// When the durable job queue arrives this becomes a daily scheduled job.
import { now } from "@/lib/platform/clock";
import { sendExpiryDigest } from "./expiry-digest";

let timer: ReturnType<typeof setInterval> | undefined;

export function startExpiryDigest(intervalMs: number): void {
  if (timer) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await sendExpiryDigest(now());
      if (result.recorded > 0) {
        console.log(
          JSON.stringify({ event: "rights.expiryDigest", day: result.day, recorded: result.recorded }),
        );
      }
    } catch (error) {
      console.error(
        JSON.stringify({ event: "rights.expiryDigest.failed", message: (error as Error).message }),
      );
    } finally {
      running = false;
    }
  };
  void tick();
  timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
}
