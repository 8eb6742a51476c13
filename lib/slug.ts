// Slugs readable in any script: "Taiwan Strait" → "taiwan-strait", "台海局势" → "台海局势".
const MAX_SLUG_LENGTH = 80;

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
