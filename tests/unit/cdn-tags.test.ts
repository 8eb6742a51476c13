// The tags a CDN sees: one mapping from internal names (CDN-safe, never two alike), the two
// headers with the same de-duplicated tags, both CDNs' limits, the broad tags that stand in when
// an answer has too many, and the purge that always names them; and the settings that turn
// purging on.
import { describe, expect, it } from "vitest";
import {
  CDN_ALL_TAG,
  cdnTag,
  cdnTagHeaders,
  MAX_CDN_HEADER_BYTES,
  MAX_CDN_TAG_BYTES,
  purgeTagsFor,
} from "@/lib/platform/cache/cdn-tags";
import { EVERYTHING, expiresTag } from "@/lib/platform/cache/registry";
import { cacheTag } from "@/lib/platform/cache/tags";
import { parseEnv } from "@/lib/platform/env";

const CDN_SAFE = /^[A-Za-z0-9_.:%-]+$/;

describe("cdnTag", () => {
  it("keeps the site's own tag names as they are", () => {
    expect(cdnTag(cacheTag.articles)).toBe("articles");
    expect(cdnTag(cacheTag.article("cm1x2y3z"))).toBe("article:cm1x2y3z");
    expect(cdnTag(cacheTag.comments("a_b-c.d"))).toBe("comments:a_b-c.d");
    expect(cdnTag(EVERYTHING)).toBe(CDN_ALL_TAG);
  });

  it("percent-encodes anything a CDN header could split on or mangle, so no two tags meet", () => {
    const odd = ["tag:a b", "tag:a,b", "tag:a%20b", "tag:é", "tag:a\tb", 'tag:"x"', "tag:a/b"];
    const mapped = odd.map(cdnTag);
    for (const tag of mapped) expect(tag).toMatch(CDN_SAFE);
    expect(new Set(mapped).size).toBe(odd.length);
    expect(cdnTag("tag:a b")).toBe("tag:a%20b");
    expect(cdnTag("tag:a%20b")).toBe("tag:a%2520b");
    expect(cdnTag("tag:é")).toBe("tag:%C3%A9");
  });
});

describe("cdnTagHeaders", () => {
  it("gives both headers the same de-duplicated tags, the catch-all and broad ones first", () => {
    const headers = cdnTagHeaders([
      EVERYTHING,
      cacheTag.article("a1"),
      cacheTag.articles,
      cacheTag.site,
      cacheTag.article("a1"),
      expiresTag(1_800_000_000_000),
      "_N_T_/articles/some-slug",
      cacheTag.tag("t 1"),
    ]);
    expect(headers).toEqual({
      "cache-tag": "all,articles,site,article:a1,tag:t%201",
      "surrogate-key": "all articles site article:a1 tag:t%201",
    });
  });

  it("gives nothing to an answer built from no tag a purge could name", () => {
    expect(cdnTagHeaders([])).toBeNull();
    expect(cdnTagHeaders([EVERYTHING, expiresTag(1), "_N_T_/layout"])).toBeNull();
  });

  it("stays within 16 KB: too many specific tags give way to their family's broad tag", () => {
    const many = Array.from({ length: 3000 }, (_, i) => cacheTag.article(`article-id-${i}`));
    const comments = Array.from({ length: 10 }, (_, i) => cacheTag.comments(`c${i}`));
    const headers = cdnTagHeaders([cacheTag.site, ...many, ...comments])!;
    expect(headers["cache-tag"].length).toBeLessThanOrEqual(MAX_CDN_HEADER_BYTES);
    expect(headers["surrogate-key"].length).toBe(headers["cache-tag"].length);
    const tags = headers["cache-tag"].split(",");
    expect(new Set(tags).size).toBe(tags.length);
    // The broad tags are all there, ahead of the specific ones: purging `articles` or `comments`
    // reaches this answer whatever was left out.
    expect(tags.slice(0, 4)).toEqual(["all", "site", "articles", "comments"]);
    expect(tags).toContain("article:article-id-0");
    expect(tags).not.toContain("article:article-id-2999");
    expect(tags.length).toBeLessThan(3000);
  });

  it("keeps every tag when they fit exactly, and adds no broad tag then", () => {
    const tags = [cacheTag.article("x"), cacheTag.article("y")];
    const exact = "all,article:x,article:y".length;
    expect(cdnTagHeaders(tags, exact)!["cache-tag"]).toBe("all,article:x,article:y");
    expect(cdnTagHeaders(tags, exact - 1)!["cache-tag"]).toBe("all,articles,article:x");
  });

  it("replaces a tag longer than 1 KB by its family's broad tag", () => {
    const long = cacheTag.person("p".repeat(MAX_CDN_TAG_BYTES));
    expect(cdnTagHeaders([long])).toEqual({ "cache-tag": "all,articles", "surrogate-key": "all articles" });
  });
});

describe("purgeTagsFor", () => {
  it("names each invalidated tag with its family's broad tag, and `all` for everything", () => {
    expect(purgeTagsFor([cacheTag.articles, cacheTag.article("a1")])).toEqual(["articles", "article:a1"]);
    expect(purgeTagsFor([cacheTag.comments("a1")])).toEqual(["comments:a1", "comments"]);
    expect(purgeTagsFor([EVERYTHING, cacheTag.site])).toEqual(["all", "site"]);
    expect(purgeTagsFor([expiresTag(5)])).toEqual([]);
    expect(purgeTagsFor([cacheTag.tag("a b")])).toEqual(["tag:a%20b", "articles"]);
  });
});

describe("the purge settings", () => {
  const base = { NODE_ENV: "test" } as NodeJS.ProcessEnv;
  const secret = "s".repeat(32);

  it("are off by default, and on with an http(s) address and a secret", () => {
    expect(parseEnv(base).CDN_PURGE_URL).toBeUndefined();
    const on = parseEnv({
      ...base,
      CDN_PURGE_URL: "https://purge.example.org/hook",
      CDN_PURGE_SECRET: secret,
    });
    expect(on.CDN_PURGE_URL).toBe("https://purge.example.org/hook");
  });

  it("say clearly what is wrong", () => {
    expect(() => parseEnv({ ...base, CDN_PURGE_URL: "https://purge.example.org/" })).toThrow(
      "CDN_PURGE_SECRET: CDN_PURGE_SECRET is required when CDN_PURGE_URL is set",
    );
    expect(() =>
      parseEnv({ ...base, CDN_PURGE_URL: "ftp://purge.example.org/", CDN_PURGE_SECRET: secret }),
    ).toThrow("CDN_PURGE_URL must be an http:// or https:// URL");
    expect(() =>
      parseEnv({ ...base, CDN_PURGE_URL: "https://purge.example.org/", CDN_PURGE_SECRET: "short" }),
    ).toThrow("CDN_PURGE_SECRET must be at least 32 characters");
  });
});
