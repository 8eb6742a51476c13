// Each search is one cached page: equivalent requests share a key, the key gives back exactly
// what was asked, and only keys of normalized searches are answered.
import { describe, expect, it } from "vitest";
import { searchPageKey, searchPagePath, searchParamsFromKey } from "@/lib/search/page-key";
import { MAX_QUERY_LENGTH, parseSearchParams } from "@/lib/search/query";

const pathOf = (query: string) => searchPagePath(new URLSearchParams(query));
const keyOf = (query: string) => pathOf(query).slice("/search/".length);

describe("search page keys", () => {
  it("gives back the parameters the request asked for", () => {
    const key = keyOf("q=%22Taiwan+Strait%22+-Kishida&tag=east-asia&source=asahi&page=3");
    expect(searchParamsFromKey(key)).toEqual({
      q: '"Taiwan Strait" -Kishida',
      tag: "east-asia",
      source: "asahi",
      page: 3,
    });
  });

  it("is one path segment of URL-safe characters, whatever the query holds", () => {
    for (const query of ["q=台湾海峡+尖閣", "q=a%2Fb%3Fc%23d%26e", "q=%F0%9F%98%80", "tag=east-asia"]) {
      expect(pathOf(query)).toMatch(/^\/search\/[A-Za-z0-9_-]+$/);
      expect(searchParamsFromKey(keyOf(query))?.q).toBe(
        parseSearchParams(Object.fromEntries(new URLSearchParams(query))).q,
      );
    }
  });

  it("is the same for requests that mean the same search", () => {
    expect(keyOf("q=++Taiwan%0A%0Astrait++")).toBe(keyOf("q=Taiwan+strait"));
    expect(keyOf("q=Taiwan&page=abc")).toBe(keyOf("q=Taiwan"));
    expect(keyOf("q=Taiwan&page=-2")).toBe(keyOf("q=Taiwan&page=1"));
    expect(keyOf("q=Taiwan&tag=Not+A+Slug!")).toBe(keyOf("q=Taiwan"));
    expect(keyOf("q=Taiwan&q=Japan&page=2&page=5")).toBe(keyOf("q=Taiwan&page=2"));
    expect(keyOf("q=Taiwan&utm_source=x&_rsc=1")).toBe(keyOf("q=Taiwan"));
    expect(keyOf("q=Taiwan")).not.toBe(keyOf("q=taiwan+-Japan"));
    expect(keyOf("tag=east-asia")).toBe(keyOf("q=&tag=east-asia&page=1"));
  });

  it("renders the empty search at /search itself, which no key stands for", () => {
    for (const query of ["", "q=&page=1", "q=+++", "page=abc&utm_source=feed", "tag=Not+A+Slug!"]) {
      expect(pathOf(query), query).toBe("/search");
    }
    expect(searchParamsFromKey(searchPageKey(parseSearchParams({})))).toBeNull();
    expect(pathOf("page=2")).toMatch(/^\/search\/[A-Za-z0-9_-]+$/);
  });

  it("stays short for a query of 10,000 characters", () => {
    const key = keyOf(`q=${"x".repeat(10_000)}`);
    expect(searchParamsFromKey(key)?.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(key.length).toBeLessThan(400);
  });

  it("answers only keys of normalized searches", () => {
    const encode = (fields: unknown) => Buffer.from(JSON.stringify(fields)).toString("base64url");
    expect(searchParamsFromKey(searchPageKey({ q: "Kishida", page: 2 }))).toEqual({
      q: "Kishida",
      tag: undefined,
      source: undefined,
      page: 2,
    });
    for (const key of [
      "",
      "not-a-key",
      "%2e%2e",
      encode({ q: "Kishida" }),
      encode(["Kishida", "", ""]),
      encode(["  Kishida ", "", "", 1]),
      encode(["Kishida", "", "", 0]),
      encode(["Kishida", "", "", "1"]),
      encode(["Kishida", "Bad Tag", "", 1]),
      encode(["x".repeat(MAX_QUERY_LENGTH + 1), "", "", 1]),
      `${searchPageKey({ q: "Kishida", page: 1 })}=`,
    ]) {
      expect(searchParamsFromKey(key), key).toBeNull();
    }
  });
});
