// Share addresses for an article: plain links to each service's own share page, so no
// third-party script ever runs on ours. Every value is percent-encoded as UTF-8 (titles are often
// Chinese or Japanese), with %20 for spaces, which every one of these services and mail clients read.
import { articlePath } from "@/lib/articles/paths";
import { absoluteUrl } from "@/lib/seo/urls";

export type ShareService = "email" | "x" | "facebook" | "weibo" | "line";

export interface ShareLink {
  service: ShareService;
  label: string;
  href: string;
  /** Opens another site (in a new tab); email opens the reader's mail app instead. */
  external: boolean;
}

function withQuery(base: string, params: Record<string, string>): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
  return `${base}?${query}`;
}

/** The absolute public address of an article, as shared and copied. */
export function articleShareUrl(siteUrl: string, slug: string): string {
  return absoluteUrl(siteUrl, articlePath(slug));
}

export function shareLinks({ url, title }: { url: string; title: string }): ShareLink[] {
  return [
    {
      service: "email",
      label: "Email",
      // RFC 6068: line breaks in a mailto body are CRLF.
      href: `mailto:${withQuery("", { subject: title, body: `${title}\r\n\r\n${url}` })}`,
      external: false,
    },
    {
      service: "x",
      label: "X (Twitter)",
      href: withQuery("https://twitter.com/intent/tweet", { text: title, url }),
      external: true,
    },
    {
      service: "facebook",
      label: "Facebook",
      href: withQuery("https://www.facebook.com/sharer/sharer.php", { u: url }),
      external: true,
    },
    {
      service: "weibo",
      label: "Weibo",
      href: withQuery("https://service.weibo.com/share/share.php", { url, title }),
      external: true,
    },
    {
      service: "line",
      label: "LINE",
      href: withQuery("https://social-plugins.line.me/lineit/share", { url }),
      external: true,
    },
  ];
}
