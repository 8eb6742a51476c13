// The pure rules of the comment pipeline: word matching across scripts, link counting,
// duplicate normalization, IP grouping and the input schema.
import { describe, expect, it } from "vitest";
import { keyedHash, rateLimitAddress } from "@/lib/platform/http/address-keys";
import { BODY_MAX_BYTES, CommentInputSchema } from "@/lib/comments/schema";
import { countLinks, matchingTerms, normalizeBody } from "@/lib/comments/text";

describe("word-list matching", () => {
  it("matches whole words only, case-insensitively", () => {
    expect(matchingTerms("What a pain in the ASS.", ["ass"])).toEqual(["ass"]);
    expect(matchingTerms("A class act; an assassin; bass.", ["ass"])).toEqual([]);
    expect(matchingTerms("ass-backwards", ["ass"])).toEqual(["ass"]);
    expect(matchingTerms("ass2", ["ass"])).toEqual([]);
  });

  it("matches Cyrillic whole words with Unicode boundaries and case", () => {
    expect(matchingTerms("Это ПРОПАГАНДА, ясно.", ["пропаганда"])).toEqual(["пропаганда"]);
    expect(matchingTerms("Это пропагандаист", ["пропаганда"])).toEqual([]);
    expect(matchingTerms("классный текст", ["класс"])).toEqual([]);
    expect(matchingTerms("мой класс", ["класс"])).toEqual(["класс"]);
  });

  it("matches Chinese and Japanese terms as substrings", () => {
    expect(matchingTerms("这是垃圾评论", ["垃圾"])).toEqual(["垃圾"]);
    expect(matchingTerms("これはスパムです", ["スパム"])).toEqual(["スパム"]);
    expect(matchingTerms("这是一篇好文章", ["垃圾"])).toEqual([]);
  });

  it("treats accented letters as part of a word and ignores regex syntax and blanks", () => {
    expect(matchingTerms("café", ["caf"])).toEqual([]);
    expect(matchingTerms("cafe\u0301", ["cafe"])).toEqual([]);
    expect(matchingTerms("costs $5 (a lot)", ["$5", "(a lot)", "  "])).toEqual(["$5", "(a lot)"]);
    expect(matchingTerms("a.b", ["a.b"])).toEqual(["a.b"]);
    expect(matchingTerms("axb", ["a.b"])).toEqual([]);
  });

  it("matches multi-word terms across any whitespace", () => {
    expect(matchingTerms("buy  cheap\nwatches", ["cheap watches"])).toEqual(["cheap watches"]);
  });
});

describe("link counting", () => {
  it("counts http and https URLs only", () => {
    expect(countLinks("no links here, example.com")).toBe(0);
    expect(countLinks("see https://a.example/x?y=1 and HTTP://b.example")).toBe(2);
    expect(countLinks("ftp://c.example mailto:x@y.z")).toBe(0);
  });
});

describe("duplicate normalization", () => {
  it("ignores case, spacing and compatibility forms", () => {
    expect(normalizeBody("  Hello   World\n")).toBe(normalizeBody("hello world"));
    expect(normalizeBody("ＡＢＣ")).toBe(normalizeBody("abc"));
    expect(normalizeBody("hello world")).not.toBe(normalizeBody("hello, world"));
  });
});

describe("rate-limit addresses", () => {
  it("keeps IPv4 as is and groups IPv6 by /64", () => {
    expect(rateLimitAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:0DB8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("reads IPv4-mapped IPv6 as IPv4 and rejects non-addresses", () => {
    expect(rateLimitAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitAddress("not an ip")).toBeNull();
  });

  it("hashes with a key, never returning the input", () => {
    const hash = keyedHash("203.0.113.9");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(keyedHash("203.0.113.9"));
    expect(hash).not.toBe(keyedHash("203.0.113.10"));
  });
});

describe("the input schema", () => {
  const valid = { articleId: "a1", name: "Ann", email: "Ann@Example.com", body: "Hi" };

  it("accepts a minimal comment and normalizes the email", () => {
    const parsed = CommentInputSchema.parse(valid);
    expect(parsed).toMatchObject({ email: "ann@example.com", website2: "" });
    expect(parsed.website).toBeUndefined();
  });

  it("enforces the field limits", () => {
    const bad = (over: Record<string, unknown>) =>
      !CommentInputSchema.safeParse({ ...valid, ...over }).success;
    expect(bad({ name: "" })).toBe(true);
    expect(bad({ name: "x".repeat(245) })).toBe(false);
    expect(bad({ name: "x".repeat(246) })).toBe(true);
    expect(bad({ email: "not-an-email" })).toBe(true);
    expect(bad({ email: `${"a".repeat(88)}@example.com` })).toBe(false);
    expect(bad({ email: `${"a".repeat(89)}@example.com` })).toBe(true);
    expect(bad({ website: "javascript:alert(1)" })).toBe(true);
    expect(bad({ website: "ftp://example.com" })).toBe(true);
    expect(bad({ website: "https://example.com" })).toBe(false);
    expect(bad({ website: `https://example.com/${"p".repeat(181)}` })).toBe(true);
    expect(bad({ body: "   " })).toBe(true);
    expect(bad({ body: "x".repeat(BODY_MAX_BYTES) })).toBe(false);
    expect(bad({ body: "é".repeat(BODY_MAX_BYTES / 2 + 1) })).toBe(true);
  });

  it("accepts a filled honeypot so that the pipeline, not validation, deals with it", () => {
    expect(CommentInputSchema.parse({ ...valid, website2: "http://spam.example" }).website2).toBe(
      "http://spam.example",
    );
  });
});
