// Counting business days for a counter-notice's waiting period: Monday to Friday, in UTC (the
// clock's zone; public holidays are not known here, so a period never ends earlier than the law's).

const DAY_MS = 24 * 60 * 60 * 1000;

const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/**
 * The moment `days` business days after `from`, at the same time of day: each step forward lands
 * on a weekday, so a notice countered on a Friday counts Monday as its first day.
 */
export function addBusinessDays(from: Date, days: number): Date {
  let at = new Date(from.getTime());
  let counted = 0;
  while (counted < days) {
    at = new Date(at.getTime() + DAY_MS);
    if (!isWeekend(at)) counted++;
  }
  return at;
}
