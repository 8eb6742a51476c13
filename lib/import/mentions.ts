/** Whether `text` names `name` as whole words; "Japan–Taiwan" also matches "Japan Taiwan". */
export function textMentions(text: string, name: string): boolean {
  const words = name
    .split(/[\s–-]+/)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (words.length === 0) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[\\s–-]+")}(?![\\p{L}\\p{N}])`, "iu").test(text);
}
