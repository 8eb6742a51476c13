// The pure parts of the fidelity guard: what counts as the same text, which paragraphs of a new
// revision changed, and which alignments fit two texts.
import { describe, expect, it } from "vitest";
import { alignmentProblem, defaultAlignment, effectiveAlignment } from "@/lib/rights/fidelity/alignment";
import { changedParagraphs } from "@/lib/rights/fidelity/changed-paragraphs";
import { sameText } from "@/lib/rights/fidelity/comparable-text";
import { fidelityFindings } from "@/lib/rights/fidelity/fidelity-findings";
import { documentFromBlocks } from "@/lib/editor/document";

const doc = (...paragraphs: string[]) =>
  documentFromBlocks(paragraphs.map((text) => ({ type: "paragraph", text })));

describe("the same text", () => {
  it("ignores whitespace, punctuation width and quote style", () => {
    expect(sameText("他说：“好的！”", '他说: "好的!"')).toBe(true);
    expect(sameText("「駅」で、待つ｡", "“駅”で､ 待つ。")).toBe(true);
    expect(sameText("He said ‘yes’.", "He  said 'yes'.")).toBe(true);
  });

  it("does not ignore other changes", () => {
    expect(sameText("订单多了三成。", "订单多了四成。")).toBe(false);
    expect(sameText("駅で待つ。", "駅で待った。")).toBe(false);
  });
});

describe("changed paragraphs of a new revision", () => {
  it("names rewritten, added and removed paragraphs by their place in the new revision", () => {
    expect(changedParagraphs(["一。", "二。", "三。"], ["一。", "二！", "三。"])).toEqual([2]);
    expect(changedParagraphs(["一。", "二。"], ["一。", "二。", "三。"])).toEqual([3]);
    expect(changedParagraphs(["一。", "二。", "三。"], ["一。", "三。"])).toEqual([2]);
    expect(changedParagraphs(["一。"], ["一 。"])).toEqual([]);
  });
});

describe("alignments", () => {
  it("refuses rows that skip, repeat or name missing paragraphs", () => {
    expect(alignmentProblem(defaultAlignment(3, 2), 3, 2)).toBeNull();
    expect(alignmentProblem([{ original: [0, 2], translation: [0, 1] }], 3, 2)).toMatch(/once, in order/);
    expect(alignmentProblem([{ original: [0], translation: [5] }], 1, 1)).toMatch(
      /paragraph 6 of the translation/,
    );
    expect(alignmentProblem([{ original: [0], translation: [0], omitted: true }], 1, 1)).toMatch(/skipped/);
  });

  it("falls back to paragraph by paragraph when the stored one no longer fits", () => {
    expect(effectiveAlignment([{ original: [0, 1], translation: [0] }], 3, 1)).toEqual({
      rows: defaultAlignment(3, 1),
      stored: false,
    });
  });
});

describe("fidelity findings", () => {
  it("finds nothing without an original, and a Japanese edit with its diff", () => {
    const article = {
      title: "駅",
      body: doc("駅で待つ。"),
      isTranslation: false,
      alignment: null,
      confirmedHeadline: null,
    };
    expect(fidelityFindings({ original: null, article })).toEqual([]);
    const findings = fidelityFindings({ original: { title: "駅", body: doc("駅で待った。") }, article });
    expect(findings).toEqual([
      expect.objectContaining({ reason: "MODIFICATION_NOT_PERMITTED", paragraph: 1 }),
    ]);
  });
});
