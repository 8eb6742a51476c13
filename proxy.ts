// Runs before routing. Three jobs, none of them the only line of defence:
// - anonymous visitors to /admin go to the sign-in page (every admin page and action checks the
//   session again itself);
// - the URL of an article whose reprint rights ended, or that a takedown notice withdrew, answers
//   451 with a short notice saying why (and a blocked-by link to the case); lists, feeds and the
//   article page itself already hide it through the shared visibility rule;
// - a search that asks for anything is rendered at the path of its cached page,
//   /search/<key> (lib/search/page-key.ts); the empty search is /search itself.
import { NextResponse, type NextRequest } from "next/server";
import { withdrawnArticleAnswer } from "@/lib/rights/withdrawn";
import { now } from "@/lib/platform/clock";
import { searchPagePath } from "@/lib/search/page-key";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  if (pathname === "/search") {
    const page = searchPagePath(searchParams);
    return page === pathname ? NextResponse.next() : NextResponse.rewrite(new URL(page, request.url));
  }
  if (pathname.startsWith("/articles/")) {
    return (await withdrawnArticleAnswer(request.nextUrl, now())) ?? NextResponse.next();
  }
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/search", "/admin", "/admin/:path*", "/articles/:slug"] };
