"use client";

// The header's search box. On the search page it holds the query being shown, so a reader can
// refine it from the top of any screen. It is filled in the browser, from the address bar: the
// layout around every page is shared by all of them, and reads no query string. (Searches are
// plain GET forms, so a new query is a new page load; links between searches keep the query.)
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function HeaderSearch() {
  const pathname = usePathname();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const query = pathname === "/search" ? (new URLSearchParams(window.location.search).get("q") ?? "") : "";
    // Never over what the reader has started typing.
    if (input.current && document.activeElement !== input.current) input.current.value = query;
  }, [pathname]);
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
