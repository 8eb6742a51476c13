// Whether a pasted reprint is a translation, and of what language, with the reason in words for
// the import summary. A piece from a Chinese-language platform (a WeChat official account) that
// reads in another language has been translated; so has one whose byline names a translator or
// that says it was translated.
import type { ImportedReprint } from "./types";

export interface TranslationGuess {
  isTranslation: boolean;
  /** The original's language; the text's own when it is not a translation. */
  originalLanguage: string | null;
  reason: string | null;
}

const SAYS_TRANSLATED = /\btranslated (from|by)\b|\btranslator\b|译者|编译/iu;
const CHINESE_PLATFORM = /wechat|weixin|微信|公众号/iu;

export function guessTranslation(
  reprint: Pick<ImportedReprint, "source" | "bylines">,
  text: string,
  textLanguage: string | null,
  sourceKind: string | null,
): TranslationGuess {
  const chinesePlatform =
    sourceKind === "WECHAT_ACCOUNT" ||
    reprint.source?.platform === "WECHAT_ACCOUNT" ||
    CHINESE_PLATFORM.test(reprint.source?.line ?? "");
  const textIsChinese = textLanguage?.startsWith("zh") ?? false;
  const fromLanguage = chinesePlatform ? "zh-Hans" : null;
  if (chinesePlatform && textLanguage && !textIsChinese) {
    return {
      isTranslation: true,
      originalLanguage: fromLanguage,
      reason:
        "The source is a WeChat official account, which publishes in Chinese, and this text is not in Chinese.",
    };
  }
  if (reprint.bylines.some((b) => b.role === "TRANSLATOR")) {
    return { isTranslation: true, originalLanguage: fromLanguage, reason: "The byline names a translator." };
  }
  if (SAYS_TRANSLATED.test(text)) {
    return {
      isTranslation: true,
      originalLanguage: fromLanguage,
      reason: "The text says it was translated.",
    };
  }
  return { isTranslation: false, originalLanguage: textLanguage, reason: null };
}
