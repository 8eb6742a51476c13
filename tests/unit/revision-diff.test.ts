import { describe, expect, it } from "vitest";
import { diffRevisions, diffText, splitDiffLines, type DiffPart } from "@/lib/articles/revision-diff";
import { documentFromBlocks, type PlainBlock } from "@/lib/editor/document";

const same = (text: string): DiffPart => ({ kind: "same", text });
const added = (text: string): DiffPart => ({ kind: "added", text });
const removed = (text: string): DiffPart => ({ kind: "removed", text });

function sides(parts: DiffPart[]) {
  return {
    before: parts
      .filter((p) => p.kind !== "added")
      .map((p) => p.text)
      .join(""),
    after: parts
      .filter((p) => p.kind !== "removed")
      .map((p) => p.text)
      .join(""),
  };
}

function doc(...blocks: (string | PlainBlock)[]) {
  return documentFromBlocks(blocks.map((b) => (typeof b === "string" ? { type: "paragraph", text: b } : b)));
}

describe("diffText", () => {
  it("gives nothing for two empty texts and one same part for equal texts", () => {
    expect(diffText("", "")).toEqual([]);
    expect(diffText("a\nb", "a\nb")).toEqual([same("a\nb")]);
  });

  it("marks the changed words inside an edited line", () => {
    expect(diffText("The quick brown fox", "The slow brown fox jumps")).toEqual([
      same("The "),
      removed("quick"),
      added("slow"),
      same(" brown fox"),
      added(" jumps"),
    ]);
    expect(diffText("Hello, world.", "Hello there, world!")).toEqual([
      same("Hello"),
      added(" there"),
      same(", world"),
      removed("."),
      added("!"),
    ]);
  });

  it("shows a rewritten line as removed and added whole, not as word soup", () => {
    expect(diffText("Old", "New")).toEqual([removed("Old"), added("New")]);
    expect(diffText("One\nA cat sat here.\nTwo", "One\nDogs run far away!\nTwo")).toEqual([
      same("One\n"),
      removed("A cat sat here.\n"),
      added("Dogs run far away!\n"),
      same("Two"),
    ]);
  });

  it("adds and removes whole lines, keeping the newlines on the right side", () => {
    expect(diffText("a", "a\nb")).toEqual([same("a"), added("\nb")]);
    expect(diffText("a\nb", "a")).toEqual([same("a"), removed("\nb")]);
    expect(diffText("x\ny", "y")).toEqual([removed("x\n"), same("y")]);
    expect(diffText("", "hello")).toEqual([added("hello")]);
    expect(diffText("hello", "")).toEqual([removed("hello")]);
  });

  it("combines line and word changes in one text", () => {
    expect(
      diffText("The quick brown fox.\nSecond para.\nThird.", "The slow brown fox.\nThird.\nFourth one here."),
    ).toEqual([
      same("The "),
      removed("quick"),
      added("slow"),
      same(" brown fox.\n"),
      removed("Second para.\n"),
      same("Third."),
      added("\nFourth one here."),
    ]);
  });

  it("always rebuilds both texts exactly from the parts", () => {
    const texts = [
      "",
      "one",
      "one\ntwo",
      "one two three\nfour five\nsix",
      "one 2 three\nsix\nseven eight",
      "completely different\ncontent",
      "four five\none two three",
    ];
    for (const before of texts) {
      for (const after of texts) {
        expect(sides(diffText(before, after)), JSON.stringify([before, after])).toEqual({ before, after });
      }
    }
  });
});

describe("diffRevisions", () => {
  it("compares title, excerpt and body (as plain text, one block per line)", () => {
    const older = {
      title: "Rivers of the north",
      excerpt: "A short look.",
      body: doc({ type: "heading", text: "Intro" }, "Water flows north.", "Fish swim."),
    };
    const newer = {
      title: "Rivers of the far north",
      excerpt: "A short look.",
      body: doc(
        { type: "heading", text: "Intro" },
        "Water flows south.",
        { type: "sectionBreak" },
        "Birds fly.",
      ),
    };
    expect(diffRevisions(older, newer)).toEqual([
      {
        field: "title",
        changed: true,
        parts: [same("Rivers of the "), added("far "), same("north")],
      },
      { field: "excerpt", changed: false, parts: [same("A short look.")] },
      {
        field: "body",
        changed: true,
        parts: [
          same("Intro\nWater flows "),
          removed("north"),
          added("south"),
          same(".\n"),
          removed("Fish swim."),
          added("Birds fly."),
        ],
      },
    ]);
  });

  it("treats a missing or malformed body as empty", () => {
    const diff = diffRevisions(
      { title: "T", excerpt: "", body: null },
      { title: "T", excerpt: "", body: doc("Now there is text.") },
    );
    expect(diff.map((d) => [d.field, d.changed])).toEqual([
      ["title", false],
      ["excerpt", false],
      ["body", true],
    ]);
    expect(diff[2]!.parts).toEqual([added("Now there is text.")]);
    expect(
      diffRevisions({ title: "", excerpt: "", body: [] }, { title: "", excerpt: "", body: "x" }),
    ).toEqual([
      { field: "title", changed: false, parts: [] },
      { field: "excerpt", changed: false, parts: [] },
      { field: "body", changed: false, parts: [] },
    ]);
  });
});

describe("splitDiffLines", () => {
  it("cuts parts into display lines at every newline, whatever its kind", () => {
    expect(splitDiffLines([same("a"), added("\nb"), same(" c\nd"), removed("x\n"), same("y")])).toEqual([
      [same("a")],
      [added("b"), same(" c")],
      [same("d"), removed("x")],
      [same("y")],
    ]);
    expect(splitDiffLines([])).toEqual([[]]);
  });
});
