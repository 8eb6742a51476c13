// Runs before routing. Three jobs, none of them the only line of defence:
// - anonymous visitors to /admin go to the sign-in page (every admin page and action checks the
//   session again itself);
// - the URL of an article whose reprint rights ended, or that a takedown notice withdrew, answers
//   451 with a short notice saying why (its original's page and the side-by-side view too) (and a blocked-by link to the case); lists, feeds and the
//   article page itself already hide it through the shared visibility rule;
// - an article or archive address that cannot have a page answers the site's not-found page,
//   rendered in full on the server (lib/articles/public-addresses.ts says why);
// - a search that asks for anything is rendered at the path of its cached page,
//   /search/<key> (lib/search/page-key.ts); the empty search is /search itself.
import { NextResponse, type NextRequest } from "next/server";
import { withdrawnArticleAnswer } from "@/lib/rights/withdrawn";
import { addressOf, mayHavePage } from "@/lib/articles/public-addresses";
import { now } from "@/lib/platform/clock";
import { searchPagePath } from "@/lib/search/page-key";

// Matches no route, so Next answers it with app/global-not-found.tsx and a 404.
const NOT_FOUND_PATH = "/_no-such-page";
const VERSION_LIKE = /^\/[^/]+\/articles\/[^/]+\/?$/;

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  if (pathname === "/search") {
    const page = searchPagePath(searchParams);
    return page === pathname ? NextResponse.next() : NextResponse.rewrite(new URL(page, request.url));
  }
  const address = addressOf(pathname);
  if (address) {
    const withdrawn = address.kind === "articles" && (await withdrawnArticleAnswer(request.nextUrl, now()));
    if (withdrawn) return withdrawn;
    if (await mayHavePage(address, now())) return NextResponse.next();
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  if (!isStaffPath(pathname)) {
    // The matcher lets through /<anything>/articles/<slug>; only the site's languages have pages.
    return VERSION_LIKE.test(pathname)
      ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url))
      : NextResponse.next();
  }
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

function isStaffPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

export const config = {
  matcher: [
    "/search",
    "/admin",
    "/admin/:path*",
    "/articles/:slug",
    "/articles/:slug/side-by-side",
    // An article's original beside it, at /<language>/articles/<slug>.
    "/:language/articles/:slug",
    "/tags/:slug",
    "/sources/:slug",
    "/authors/:slug",
  ],
};
