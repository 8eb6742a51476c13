// Every page a reader or a staff member can open, found on a running site: the fixed paths, and
// one of each kind of detail page (an article, a tag, an editor…) reached by following links.
// The screenshots script and the every-page checks walk the same list.
import type { Page } from "playwright-core";
import { signIn } from "./staff-session";

/** The distinct links on `listPath` whose href matches `pattern`, in page order. */
async function hrefs(page: Page, baseUrl: string, listPath: string, pattern: RegExp): Promise<string[]> {
  await page.goto(baseUrl + listPath);
  const all = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  return [...new Set(all.filter((href): href is string => href !== null && pattern.test(href)))];
}

/** The first link on `listPath` whose href matches `pattern`: how an id or slug is found. */
async function firstHref(
  page: Page,
  baseUrl: string,
  listPath: string,
  pattern: RegExp,
): Promise<string | null> {
  return (await hrefs(page, baseUrl, listPath, pattern))[0] ?? null;
}

/** A webhook endpoint's page: the first listed, or one added through the form when there is none. */
async function webhookPage(page: Page, baseUrl: string): Promise<string> {
  const listed = await firstHref(page, baseUrl, "/admin/webhooks", /^\/admin\/webhooks\/c/);
  if (listed) return listed;
  await page.goto(`${baseUrl}/admin/webhooks/new`);
  await page.getByLabel("Address").fill("https://receiver.example/crosscurrent-hooks");
  await page.getByLabel("Description").fill("Partner feed (example)");
  await page.getByRole("checkbox", { name: /notice\.received/ }).check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  await page.waitForURL(/\/admin\/webhooks\/c[^/]+$/, { timeout: 15_000 });
  return new URL(page.url()).pathname;
}

export interface SitePages {
  publicPages: string[];
  staffPages: string[];
}

/** Finds the pages on the site at `baseUrl`; signs `page` in as the given admin on the way. */
export async function sitePages(
  page: Page,
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<SitePages> {
  // Earlier tests may have published pieces with no tags or source: look through the front
  // page's articles until one of each kind of archive is linked.
  const articles = await hrefs(page, baseUrl, "/", /^\/articles\/[^/]+$/);
  const article = articles[0] ?? null;
  let tag: string | null = null;
  let source: string | null = null;
  let author: string | null = null;
  for (const candidate of articles) {
    if (tag && source && author) break;
    const links = await hrefs(page, baseUrl, candidate, /^\/(tags|sources|authors)\/[^/]+$/);
    tag ??= links.find((href) => href.startsWith("/tags/")) ?? null;
    source ??= links.find((href) => href.startsWith("/sources/")) ?? null;
    author ??= links.find((href) => href.startsWith("/authors/")) ?? null;
  }
  // The demo's translated reprint has its Chinese original published beside it.
  const translated = await firstHref(page, baseUrl, "/search?q=coast+guard", /^\/articles\/[^/]+$/);
  const versions = translated
    ? await hrefs(page, baseUrl, translated, /^\/(?:[^/]+\/articles\/[^/]+|articles\/[^/]+\/side-by-side)$/)
    : [];
  const publicPages = [
    "/",
    article,
    ...versions,
    tag,
    source,
    author,
    "/search?q=Taiwan",
    // A search in Chinese: substring matching, and a result that names the original it matched in.
    `/search?q=${encodeURIComponent("海警")}`,
    "/search",
    "/rights/notice",
    "/no-such-page",
    // Where the reply-notification mails lead (a link with a token shows the button).
    `/comments/notifications/confirm?token=${"a".repeat(43)}`,
    `/comments/notifications/unsubscribe?token=${"a".repeat(43)}`,
    // The notice a withdrawn article's address answers with (451), at its own address.
    "/notices/withdrawn/a-withdrawn-reprint",
    // Sign-in and the page an unlock mail leads to, as anyone meets them before signing in.
    "/login",
    `/login/unlock?token=${"a".repeat(43)}`,
  ];
  await signIn(page, baseUrl, admin.email, admin.password);
  // A fresh site has no takedown case: a rights holder sends one about the first article, so the
  // case pages exist to be walked.
  let noticeCase = await firstHref(page, baseUrl, "/admin/rights/notices", /^\/admin\/rights\/notices\/c/);
  if (!noticeCase && article) {
    await page.request.post(`${baseUrl}/api/rights/notices`, {
      headers: { Origin: baseUrl },
      data: {
        claimantName: "Page Walk",
        contactEmail: "rights@walk.example",
        workTitle: "The original piece",
        workUrl: "https://original.example/piece",
        articleUrls: [baseUrl + article],
        goodFaith: true,
        accuracy: true,
        signature: "Page Walk",
      },
    });
    noticeCase = await firstHref(page, baseUrl, "/admin/rights/notices", /^\/admin\/rights\/notices\/c/);
  }
  const publicCase = noticeCase && (await firstHref(page, baseUrl, noticeCase, /^\/rights\/notices\/[^/]+$/));
  if (publicCase) publicPages.push(publicCase);
  const editor = await firstHref(page, baseUrl, "/admin/articles", /^\/admin\/articles\/c[^/]+$/);
  const authorization = await firstHref(
    page,
    baseUrl,
    "/admin/authorizations",
    /^\/admin\/authorizations\/c/,
  );
  const sourceAdmin = await firstHref(page, baseUrl, "/admin/sources", /^\/admin\/sources\/c/);
  const webhook = await webhookPage(page, baseUrl);
  // A translated reprint, for its original side by side: the demo's piece from a WeChat account.
  const reprint = await firstHref(
    page,
    baseUrl,
    "/admin/articles?kind=REPRINT&q=coast+guard",
    /^\/admin\/articles\/c[^/]+$/,
  );
  const staffPages = [
    "/admin",
    "/admin/articles",
    "/admin/articles/new",
    "/admin/articles/import",
    editor,
    editor && `${editor}/revisions`,
    editor && `${editor}/preview`,
    reprint && `${reprint}/original`,
    "/admin/media",
    "/admin/tags",
    "/admin/people",
    "/admin/sources",
    "/admin/sources/new",
    sourceAdmin,
    "/admin/authorizations",
    "/admin/authorizations/new",
    "/admin/authorizations/record",
    authorization,
    "/admin/rights/notices",
    noticeCase,
    "/admin/comments",
    "/admin/comments/log",
    "/admin/users",
    "/admin/settings",
    "/admin/settings/commenters",
    "/admin/audit",
    "/admin/webhooks",
    "/admin/webhooks/new",
    webhook,
    "/admin/jobs",
    "/admin/outbox",
    "/admin/account",
  ];
  return {
    publicPages: publicPages.filter((p): p is string => Boolean(p)),
    staffPages: staffPages.filter((p): p is string => Boolean(p)),
  };
}
