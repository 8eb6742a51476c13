// The one clock. Scheduling, expiry and rate limits ask it for the time, so tests can move
// time instead of waiting for it.
type Now = () => Date;

const systemNow: Now = () => new Date();
let current: Now = systemNow;

export function now(): Date {
  return current();
}

/** Tests only: fix the clock (a Date) or drive it (a function). `resetClock` undoes it. */
export function setClock(time: Date | Now): void {
  current = typeof time === "function" ? time : () => new Date(time.getTime());
}

export function advanceClock(milliseconds: number): void {
  const base = current().getTime() + milliseconds;
  current = () => new Date(base);
}

export function resetClock(): void {
  current = systemNow;
}
