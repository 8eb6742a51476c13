// The day a pasted piece was first published, when the page says it near the top: "8 July 2022",
// "July 8, 2022", "2022-07-08", "2022年7月8日", possibly after "Published" or "Posted on".
// Dates inside the body's sentences are not the publication date, so only short lines count.

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

const PATTERNS: Array<{ regex: RegExp; parts: (m: RegExpMatchArray) => [string, string, string] }> = [
  { regex: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  { regex: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/u, parts: (m) => [m[1]!, m[2]!, m[3]!] },
  {
    regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, "iu"),
    parts: (m) => [m[3]!, m[2]!, m[1]!],
  },
  {
    regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "iu"),
    parts: (m) => [m[3]!, m[1]!, m[2]!],
  },
];

/** A line short enough to be a dateline or a "Published …" line rather than a sentence. */
const MAX_DATELINE_LENGTH = 80;

function monthNumber(month: string): number {
  if (/^\d+$/.test(month)) return Number(month);
  const prefix = month.toLowerCase().replace(/\.$/, "").slice(0, 3);
  return MONTHS.findIndex((name) => name.startsWith(prefix)) + 1;
}

/** The calendar day written in `line`, as YYYY-MM-DD, if the line is short and holds a real date. */
export function dateInLine(line: string): string | null {
  if (line.length > MAX_DATELINE_LENGTH) return null;
  for (const { regex, parts } of PATTERNS) {
    const match = line.match(regex);
    if (!match) continue;
    const [year, month, day] = parts(match);
    const y = Number(year);
    const m = monthNumber(month);
    const d = Number(day);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (m < 1 || y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) continue;
    return date.toISOString().slice(0, 10);
  }
  return null;
}

/** A line that says nothing but when the piece appeared: it is dropped from the body. */
export function isDateline(line: string): boolean {
  if (!dateInLine(line)) return false;
  const rest = PATTERNS.reduce((text, { regex }) => text.replace(regex, ""), line)
    .replace(/\b(published|posted|updated|on|at|am|pm)\b|发布(于|时间)?|[:：,，·|\d\s]/giu, "")
    .trim();
  return rest === "";
}
