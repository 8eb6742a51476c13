// What counts as "the same text" when a reprint is checked against its original: differences of
// whitespace, of punctuation width (full-width ，！？ against half-width , ! ?) and of quote style
// (“ ” ‘ ’ 「 」 『 』 against " ') are not modifications. Anything else is.

const DOUBLE_QUOTES = /[“”„‟«»「」＂]/gu;
const SINGLE_QUOTES = /[‘’‚‛‹›『』＇]/gu;

export function comparableText(text: string): string {
  return text.normalize("NFKC").replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'").replace(/\s+/gu, "");
}

export function sameText(a: string, b: string): boolean {
  return comparableText(a) === comparableText(b);
}
