"use client";

// The header's search box. On the search page it holds the query being shown, so a reader can
// refine it from the top of any screen; it is filled in the browser, from the address bar,
// because the layout around every page is shared by all of them.
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useRef } from "react";

function SearchBox({ query }: { query: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Never over what the reader has started typing.
    if (input.current && document.activeElement !== input.current) input.current.value = query;
  }, [query]);
  return (
    <form role="search" action="/search" className="site-search">
      <input
        ref={input}
        type="search"
        name="q"
        aria-label="Search the site"
        placeholder="Search"
        maxLength={200 /* MAX_QUERY_LENGTH, without its module in the browser */}
        defaultValue=""
      />
    </form>
  );
}

function CurrentQuerySearchBox() {
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <SearchBox
      query={pathname === "/search" || pathname.startsWith("/search/") ? (params.get("q") ?? "") : ""}
    />
  );
}

export function HeaderSearch() {
  return (
    <Suspense fallback={<SearchBox query="" />}>
      <CurrentQuerySearchBox />
    </Suspense>
  );
}
