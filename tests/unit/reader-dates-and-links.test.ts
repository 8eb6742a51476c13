// Dates in the reader's time zone (UTC on the server), the commenter's website without a scheme,
// and feed autodiscovery that survives a page's own canonical URL.
import { describe, expect, it } from "vitest";
import { formatLocalTime } from "@/components/site/local-time";
import { CommentInputSchema, withWebScheme } from "@/lib/comments/schema";
import { pageAlternates } from "@/lib/seo/feed-links";

const comment = {
  articleId: "a1",
  name: "Mei Lin",
  email: "meilin@example.org",
  body: "Thank you for this.",
  website2: "",
};

describe("formatLocalTime", () => {
  const iso = "2026-07-08T18:30:00.000Z";
  it("prints the instant in the given zone, naming the zone for times", () => {
    expect(formatLocalTime(iso, "dateTime", "UTC")).toBe("8 July 2026 at 18:30 UTC");
    expect(formatLocalTime(iso, "dateTime", "Asia/Taipei")).toBe("9 July 2026 at 02:30 GMT+8");
    expect(formatLocalTime(iso, "date", "Asia/Taipei")).toBe("9 July 2026");
    expect(formatLocalTime(iso, "date", "UTC")).toBe("8 July 2026");
  });
});

describe("the commenter's website", () => {
  it("takes an address without a scheme as https", () => {
    const parsed = CommentInputSchema.safeParse({ ...comment, website: "meilin.example.org" });
    expect(parsed.success && parsed.data.website).toBe("https://meilin.example.org");
    expect(withWebScheme(" //meilin.example.org/blog ")).toBe("https://meilin.example.org/blog");
    expect(withWebScheme("meilin.example.org:8080/x")).toBe("https://meilin.example.org:8080/x");
    expect(withWebScheme("http://meilin.example.org")).toBe("http://meilin.example.org");
  });

  it("still refuses other schemes", () => {
    for (const website of ["javascript:alert(1)", "ftp://meilin.example.org", "data:text/html,x"]) {
      expect(CommentInputSchema.safeParse({ ...comment, website }).success, website).toBe(false);
    }
  });
});

describe("pageAlternates", () => {
  it("links the site feed beside the page's canonical URL and its own feed", () => {
    expect(
      pageAlternates({ canonical: "/tags/japan", feeds: [{ url: "/feeds/tags/japan", title: "Japan" }] }),
    ).toEqual({
      canonical: "/tags/japan",
      types: {
        "application/rss+xml": [
          { url: "/feed.xml", title: "All articles" },
          { url: "/feeds/tags/japan", title: "Japan" },
        ],
      },
    });
  });
});
