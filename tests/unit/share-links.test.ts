// Share links: each service's own share page with the article's absolute address and title,
// percent-encoded as UTF-8 so Chinese and Japanese titles and slugs survive, and nothing but
// plain links (no scripts); external ones open in a new tab without handing over the opener.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShareLinks } from "@/components/article/share-links";
import { articleShareUrl, shareLinks, type ShareService } from "@/components/article/share-urls";

const SITE = "https://crosscurrent.example";
const TITLE = "台海局势：中日高层通话的特殊背景 & “what next?”";
const SLUG = "台海局势";
const URL_ = `${SITE}/articles/%E5%8F%B0%E6%B5%B7%E5%B1%80%E5%8A%BF`;

function linkFor(service: ShareService, url = URL_, title = TITLE) {
  return shareLinks({ url, title }).find((link) => link.service === service)!;
}

describe("articleShareUrl", () => {
  it("is the absolute address, the slug percent-encoded as a path segment", () => {
    expect(articleShareUrl(SITE, SLUG)).toBe(URL_);
    expect(articleShareUrl(`${SITE}/`, "harbour-notes")).toBe(`${SITE}/articles/harbour-notes`);
    expect(articleShareUrl(`${SITE}/cc`, "harbour-notes")).toBe(`${SITE}/cc/articles/harbour-notes`);
  });
});

describe("shareLinks", () => {
  it("offers email, X, Facebook, Weibo and LINE, in that order", () => {
    expect(shareLinks({ url: URL_, title: TITLE }).map((l) => l.service)).toEqual([
      "email",
      "x",
      "facebook",
      "weibo",
      "line",
    ]);
  });

  it("builds each service's share page with the address and title as query values", () => {
    const params = (service: ShareService) => new URL(linkFor(service).href).searchParams;
    expect(linkFor("x").href).toMatch(/^https:\/\/twitter\.com\/intent\/tweet\?/);
    expect(Object.fromEntries(params("x"))).toEqual({ text: TITLE, url: URL_ });
    expect(linkFor("facebook").href).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?/);
    expect(Object.fromEntries(params("facebook"))).toEqual({ u: URL_ });
    expect(linkFor("weibo").href).toMatch(/^https:\/\/service\.weibo\.com\/share\/share\.php\?/);
    expect(Object.fromEntries(params("weibo"))).toEqual({ url: URL_, title: TITLE });
    expect(linkFor("line").href).toMatch(/^https:\/\/social-plugins\.line\.me\/lineit\/share\?/);
    expect(Object.fromEntries(params("line"))).toEqual({ url: URL_ });
  });

  it("percent-encodes CJK, spaces, & and quotes, so every href is plain ASCII", () => {
    for (const link of shareLinks({ url: URL_, title: TITLE })) {
      expect(link.href).toMatch(/^[\x21-\x7e]+$/);
      expect(link.href).not.toContain("+");
    }
    // The encoded slug is encoded once more as a query value, and decodes back to the address.
    expect(linkFor("facebook").href).toContain(
      "u=https%3A%2F%2Fcrosscurrent.example%2Farticles%2F%25E5%258F%25B0",
    );
    expect(linkFor("x").href).toContain("text=%E5%8F%B0%E6%B5%B7%E5%B1%80%E5%8A%BF");
    expect(linkFor("x").href).toContain("%20%26%20");
  });

  it("writes an email with the title as subject and title and address in the body", () => {
    const href = linkFor("email").href;
    expect(href.startsWith("mailto:?subject=")).toBe(true);
    const fields = Object.fromEntries(
      href
        .slice("mailto:?".length)
        .split("&")
        .map((pair) => pair.split("=").map(decodeURIComponent) as [string, string]),
    );
    expect(fields).toEqual({ subject: TITLE, body: `${TITLE}\r\n\r\n${URL_}` });
  });

  it("marks every service but email as external", () => {
    expect(
      shareLinks({ url: URL_, title: TITLE })
        .filter((l) => !l.external)
        .map((l) => l.service),
    ).toEqual(["email"]);
  });
});

describe("<ShareLinks>", () => {
  const html = renderToStaticMarkup(createElement(ShareLinks, { slug: SLUG, title: TITLE, siteUrl: SITE }));

  it("renders plain links: external ones in a new tab with noopener noreferrer, no scripts", () => {
    const anchors = html.match(/<a [^>]*>/g) ?? [];
    expect(anchors).toHaveLength(5);
    const external = anchors.filter((a) => a.includes('target="_blank"'));
    expect(external).toHaveLength(4);
    for (const anchor of external) expect(anchor).toContain('rel="noopener noreferrer"');
    expect(anchors.find((a) => a.includes("mailto:"))).not.toContain("target=");
    expect(html).not.toContain("<script");
    expect(html).toContain("(opens in a new tab)");
  });

  it("has a Copy link button and an empty live region for its status", () => {
    expect(html).toMatch(/<button type="button"[^>]*>Copy link<\/button>/);
    expect(html).toMatch(/<span[^>]*role="status"[^>]*aria-live="polite"[^>]*><\/span>/);
  });
});
