// Which paths the launcher answers itself, before Next's router would fail to decode them.
import { describe, expect, it } from "vitest";
import { MAX_SEGMENT_BYTES, pathOfRequestTarget, pathProblem } from "@/lib/platform/server/well-formed-path";

describe("pathProblem", () => {
  it.each([
    ["/articles/%ff", "malformed-escape"],
    ["/articles/%", "malformed-escape"],
    ["/articles/%zz", "malformed-escape"],
    ["/articles/%e4%b8", "malformed-escape"],
    ["/media/%c0%ae%c0%ae/etc/passwd", "malformed-escape"],
    ["/tags/%c0%af", "malformed-escape"],
    ["/tags/%ed%a0%80", "malformed-escape"],
    ["/api/v1/articles/ok%ff", "malformed-escape"],
    ["/articles/%00", "control-character"],
    ["/articles/a%0Ab", "control-character"],
    ["/articles/" + "a".repeat(MAX_SEGMENT_BYTES + 1), "segment-too-long"],
    ["/tags/" + "%E5%8F%B0".repeat(81), "segment-too-long"],
  ])("refuses %s (%s)", (path, problem) => {
    expect(pathProblem(path)).toBe(problem);
  });

  it.each([
    "/",
    "/articles/today-there-is-a-special-background",
    "/tags/%E5%8F%B0%E6%B9%BE",
    "/tags/台湾",
    "/articles/..%2f..%2fetc%2fpasswd",
    "/tags/" + "%E5%8F%B0".repeat(80),
    "/articles/" + "a".repeat(MAX_SEGMENT_BYTES),
    "//double//slashes/",
  ])("lets %s through to the routes", (path) => {
    expect(pathProblem(path)).toBeNull();
  });
});

describe("pathOfRequestTarget", () => {
  it("takes the path of origin-form and absolute-form targets, without query or fragment", () => {
    expect(pathOfRequestTarget("/articles/%ff?q=1")).toBe("/articles/%ff");
    expect(pathOfRequestTarget("/a#b")).toBe("/a");
    expect(pathOfRequestTarget("http://example.com/tags/%ff?x")).toBe("/tags/%ff");
    expect(pathOfRequestTarget("http://example.com")).toBe("/");
    expect(pathOfRequestTarget("*")).toBe("/");
  });
});
