// C0/C1 controls (tab, newline and carriage return aside), the replacement character and noncharacters.
const UNREADABLE_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD\uFFFE\uFFFF]/g;
const INVISIBLE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\u2060\uFEFF\uFFFC-\uFFFF]/g;
const SPACE_CHARS = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Text pasted from a document is almost free of control characters; binary data read as text is full of them. */
export function looksBinary(input: string): boolean {
  const unreadable = input.match(UNREADABLE_CHARS)?.length ?? 0;
  if (unreadable === 0) return false;
  const visible = input.length - (input.match(/\s/g)?.length ?? 0);
  return unreadable >= visible * 0.05;
}

/** Unifies line endings ("\n" only; a paragraph separator is a blank line) and composes Unicode. */
export function normalizeInput(input: string): string {
  return input
    .replace(/\r\n?|\u0085|\u2028|[\v\f]/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .normalize("NFC");
}

/** One line with its spaces unified, invisible characters removed and the ends trimmed. */
export function cleanLine(line: string): string {
  return line
    .normalize("NFC")
    .replace(SPACE_CHARS, " ")
    .replace(INVISIBLE_CHARS, "")
    .replace(/ {2,}/g, " ")
    .trim();
}
