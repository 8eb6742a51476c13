import styles from "./article.module.css";
import { CopyLinkButton } from "./copy-link-button";
import { articleShareUrl, shareLinks } from "./share-urls";

/** Copy link, email and the share pages of X, Facebook, Weibo and LINE: plain links, no scripts. */
export function ShareLinks({ slug, title, siteUrl }: { slug: string; title: string; siteUrl: string }) {
  const url = articleShareUrl(siteUrl, slug);
  return (
    <section className={styles.share} aria-labelledby="share-title" data-testid="share-links">
      <h2 id="share-title" className={styles.sectionTitle}>
        Share
      </h2>
      <ul className={styles.shareList}>
        <li className={styles.copyItem}>
          <CopyLinkButton url={url} />
        </li>
        {shareLinks({ url, title }).map((link) => (
          <li key={link.service}>
            {link.external ? (
              <a href={link.href} target="_blank" rel="noopener noreferrer">
                {link.label}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              <a href={link.href}>{link.label}</a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
