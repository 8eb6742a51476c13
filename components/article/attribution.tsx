import Link from "next/link";
import type { ArticleView } from "@/lib/articles/public-articles";
import { sourcePath } from "@/lib/seo/urls";
import { SourceLine } from "./source-line";

type Reprint = Pick<
  ArticleView,
  "source" | "authorization" | "isTranslation" | "isModified" | "originalUrl" | "originalTitle"
> &
  Partial<Pick<ArticleView, "originalPublishedAt">>;

/** "8 July 2022": the original's day is a calendar day with no time, the same in every time zone. */
function originalDay(day: Date): string {
  return day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** The required wording with the source's name in it linked to the source's page. */
function withSourceLinked(text: string, source: { name: string; slug: string }) {
  const at = text.indexOf(source.name);
  return (
    <>
      {text.slice(0, at)}
      <Link href={sourcePath(source.slug)}>{source.name}</Link>
      {text.slice(at + source.name.length)}
    </>
  );
}

/**
 * A reprint's attribution, each part said once: the source (within the rights holder's required
 * wording when that names it, with the name linked), the wording itself, and "reprinted with
 * authorization" unless the wording already says so. Only a linked authorization earns that
 * claim: the staff preview of a reprint without one says so instead.
 */
export function Attribution({ article }: { article: Reprint & { source: NonNullable<Reprint["source"]> } }) {
  const { source, authorization } = article;
  if (!authorization) {
    return (
      <aside className="attribution attribution-missing" aria-label="Attribution">
        <SourceLine source={source} /> · no authorization recorded: this reprint cannot be published.
      </aside>
    );
  }
  const required = authorization.attributionRequired ? authorization.attributionText.trim() : "";
  const claimsAuthorization = /reprinted with authori[sz]ation/i.test(required);
  const changes = article.isTranslation
    ? article.isModified
      ? "Translated and edited."
      : "Translated."
    : article.isModified
      ? "Edited."
      : null;
  return (
    <aside className="attribution" aria-label="Attribution">
      {required.includes(source.name) ? (
        <p>{withSourceLinked(required, source)}</p>
      ) : (
        <>
          <p>
            <SourceLine source={source} />
          </p>
          {required && <p>{required}</p>}
        </>
      )}
      {(!claimsAuthorization || changes) && (
        <p>{[!claimsAuthorization && "Reprinted with authorization.", changes].filter(Boolean).join(" ")}</p>
      )}
      {article.originalPublishedAt && (
        <p>
          Originally published{" "}
          <time dateTime={article.originalPublishedAt.toISOString().slice(0, 10)}>
            {originalDay(article.originalPublishedAt)}
          </time>
          .
        </p>
      )}
      {authorization.linkBackRequired && article.originalUrl && (
        <p>
          Original: <a href={article.originalUrl}>{article.originalTitle ?? article.originalUrl}</a>
        </p>
      )}
    </aside>
  );
}
