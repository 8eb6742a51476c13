import type { LanguageVersion } from "@/lib/articles/language-versions";
import { languageAutonym } from "@/lib/platform/languages";
import { sideBySidePath } from "@/lib/articles/paths";
import styles from "./article.module.css";

/**
 * The piece in its other languages, each named in itself, and the side-by-side reading view.
 * Nothing when the article has no other version. Plain links: each version is its own document,
 * in its own language (<html lang>), so moving between them loads the page.
 */
export function LanguageSwitch({
  versions,
  current,
  slug,
}: {
  versions: LanguageVersion[];
  /** The language of the page showing it, or "side-by-side" on the reading view. */
  current: string;
  slug: string;
}) {
  const siteLanguage = versions[0]?.language;
  if (versions.length < 2) return null;
  return (
    <nav className={styles.languages} aria-label="Languages · 语言">
      <ul>
        {versions.map((version) => (
          <li key={version.language}>
            {version.language === current ? (
              <span aria-current="page" lang={version.language}>
                {languageAutonym(version.language)}
              </span>
            ) : (
              <a href={version.path} hrefLang={version.language} lang={version.language}>
                {languageAutonym(version.language)}
              </a>
            )}
          </li>
        ))}
        <li className={styles.sideBySideLink} lang={siteLanguage}>
          {current === "side-by-side" ? (
            <span aria-current="page">Side by side</span>
          ) : (
            <a href={sideBySidePath(slug)}>Read side by side</a>
          )}
        </li>
      </ul>
    </nav>
  );
}
