// PostgreSQL text cannot hold U+0000 (NUL): any query carrying such a string fails ("invalid byte
// sequence for encoding UTF8: 0x00"), which would answer a 500. Input is refused (or, for filters
// that drop what is malformed, dropped) before it gets that far. Found by tests/int/boundary-fuzz.

export const NUL_MESSAGE =
  "The text contains an invalid character (a NUL character); remove it and try again.";

/** Whether `text` can be stored in (and compared against) a PostgreSQL text column. */
export const isStorableText = (text: string): boolean => !text.includes("\u0000");

/**
 * The path of the first string holding a NUL in `value` (plain objects and arrays, as parsed
 * input is), or null when there is none.
 */
export function nulPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
