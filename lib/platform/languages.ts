// The languages the site knows: those an original may be in, that the importer detects and that
// screens name. One list, so a tag the desk cannot label or search is refused everywhere alike.

export const KNOWN_LANGUAGES = ["zh-Hans", "zh-Hant", "ja", "ko", "en"] as const;

export type KnownLanguage = (typeof KNOWN_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<KnownLanguage, string> = {
  "zh-Hans": "Chinese (simplified)",
  "zh-Hant": "Chinese (traditional)",
  ja: "Japanese",
  ko: "Korean",
  en: "English",
};

/** Each language named in itself, for readers choosing between versions of a piece. */
export const LANGUAGE_AUTONYMS: Record<KnownLanguage, string> = {
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
  ja: "日本語",
  ko: "한국어",
  en: "English",
};

/** The language's own name for itself, or the bare tag when the site does not know it. */
export function languageAutonym(tag: string): string {
  return isKnownLanguage(tag) ? LANGUAGE_AUTONYMS[tag] : tag;
}

export function isKnownLanguage(tag: string): tag is KnownLanguage {
  return (KNOWN_LANGUAGES as readonly string[]).includes(tag);
}

/** "Japanese", or the bare tag when the site does not know it. */
export function languageName(tag: string): string {
  return isKnownLanguage(tag) ? LANGUAGE_NAMES[tag] : tag;
}

/** "Japanese (ja)", or the bare tag when the site does not know it. */
export function languageLabel(tag: string): string {
  return isKnownLanguage(tag) ? `${LANGUAGE_NAMES[tag]} (${tag})` : tag;
}

/** The refusal for a tag outside the list, naming what the site accepts. */
export function unknownLanguageMessage(tag: string): string {
  const known = KNOWN_LANGUAGES.map((t) => `${LANGUAGE_NAMES[t]} (${t})`).join(", ");
  return `The site does not know the language “${tag.slice(0, 40)}”. Choose one of: ${known}.`;
}
