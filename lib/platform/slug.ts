// Slugs readable in any script: "Taiwan Strait" → "taiwan-strait", "台海局势" → "台海局势".
const MAX_SLUG_LENGTH = 80;

/** What a slug may be: lower-case letters of any script, digits, single hyphens. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{N}]+)*$/u;

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // strip accents that NFKD split off (é → e); CJK is unaffected
    .toLowerCase()
    .replace(/['’‘]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug.normalize("NFC") || "untitled";
}
