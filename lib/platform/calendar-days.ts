// Calendar days in a time zone: which day an instant falls on there, and when a day begins.
// A day is written "YYYY-MM-DD".

function partsIn(at: Date, timeZone: string): { year: number; month: number; day: number; ms: number } {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const part = (type: string) => Number(format.formatToParts(at).find((p) => p.type === type)?.value);
  const [year, month, day] = [part("year"), part("month"), part("day")];
  const ms = Date.UTC(year, month - 1, day, part("hour"), part("minute"), part("second"));
  return { year, month, day, ms };
}

/** The day `at` falls on in `timeZone`. */
export function calendarDay(at: Date, timeZone: string): string {
  const { year, month, day } = partsIn(at, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first instant of `day` in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  const midnightUtc = new Date(`${day}T00:00:00.000Z`).getTime();
  // The zone's offset near that midnight, applied twice to settle across a DST change.
  let guess = midnightUtc;
  for (let i = 0; i < 2; i += 1) {
    const offset = partsIn(new Date(guess), timeZone).ms - Math.floor(guess / 1000) * 1000;
    guess = midnightUtc - offset;
  }
  return new Date(guess);
}
