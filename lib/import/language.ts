// The language of a pasted text, as a BCP 47 tag, from its scripts: Chinese (zh-Hans, or
// zh-Hant when traditional-only characters outnumber simplified-only ones), Japanese (kana),
// Korean (Hangul), or English when common English words make up much of a Latin text.

const count = (text: string, regex: RegExp) => text.match(regex)?.length ?? 0;

// Frequent characters whose simplified and traditional forms differ.
const SIMPLIFIED_ONLY = /[们这来说国为会与学对发时当从于实么个过还没经进动东两问题关开长门见现]/gu;
const TRADITIONAL_ONLY = /[們這來說國為會與學對發時當從於實麼個過還沒經進動東兩問題關開長門見現]/gu;
const ENGLISH_WORDS = /\b(the|and|of|to|in|is|that|for|it|with|as|was|on|are|by|this)\b/giu;

/** Too little text to tell. */
const MIN_LETTERS = 20;

export function detectLanguage(text: string): string | null {
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  const latin = count(text, /\p{Script=Latin}/gu);
  const cjk = han + kana + hangul;
  if (cjk + latin < MIN_LETTERS) return null;
  // An ideograph carries about as much as a word of five Latin letters.
  if (cjk * 5 >= latin) {
    if (hangul > han + kana) return "ko";
    if (kana * 10 >= cjk) return "ja";
    return count(text, TRADITIONAL_ONLY) > count(text, SIMPLIFIED_ONLY) ? "zh-Hant" : "zh-Hans";
  }
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return count(text, ENGLISH_WORDS) >= words * 0.1 ? "en" : null;
}
