import { now } from "@/lib/platform/clock";
import { sweepRights } from "./sweep";

let timer: ReturnType<typeof setInterval> | undefined;

/** Starts the periodic rights sweep in this process (once). */
export function startRightsSweep(intervalMs: number): void {
  if (timer) return;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow sweep is never stacked on another
    running = true;
    try {
      const result = await sweepRights(now());
      if (result.published || result.withdrawn) {
        console.log(JSON.stringify({ event: "rights.sweep", ...result }));
      }
    } catch (error) {
      console.error(JSON.stringify({ event: "rights.sweep.failed", message: (error as Error).message }));
    } finally {
      running = false;
    }
  };
  timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
}
