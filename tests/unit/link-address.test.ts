import { describe, expect, it } from "vitest";
import { linkAddress } from "@/lib/editor/link-address";

describe("a link address typed in the editor", () => {
  it("keeps http, https and mailto addresses as typed", () => {
    expect(linkAddress(" https://example.org/a?b=c ")).toEqual({
      ok: true,
      href: "https://example.org/a?b=c",
    });
    expect(linkAddress("http://example.org")).toEqual({ ok: true, href: "http://example.org" });
    expect(linkAddress("mailto:desk@example.org")).toEqual({ ok: true, href: "mailto:desk@example.org" });
  });

  it("completes a bare domain with https and an email address with mailto", () => {
    expect(linkAddress("example.org/page")).toEqual({ ok: true, href: "https://example.org/page" });
    expect(linkAddress("新闻.example.cn")).toEqual({ ok: true, href: "https://新闻.example.cn" });
    expect(linkAddress("desk@example.org")).toEqual({ ok: true, href: "mailto:desk@example.org" });
  });

  it("refuses other schemes and text that is no address, saying what to type", () => {
    expect(linkAddress("javascript:alert(1)")).toEqual({
      ok: false,
      message: "Links may only use http, https or mailto addresses.",
    });
    expect(linkAddress("data:text/html,x").ok).toBe(false);
    expect(linkAddress("just some words").ok).toBe(false);
    expect(linkAddress("   ")).toEqual({ ok: false, message: "Type a link address." });
  });
});
