import { describe, expect, it } from "vitest";
import { importReprintText, type ImportedBlock } from "@/lib/import/reprint-text";

function paragraphs(blocks: readonly ImportedBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === "paragraph" ? [block.text] : []));
}

const allText = (html: string): string => {
  const draft = importReprintText(html);
  return [draft.title, ...draft.blocks.flatMap((block) => ("text" in block ? [block.text] : []))].join("\n");
};

describe("HTML input through htmlparser2", () => {
  it("decodes entities in text and attributes, Windows-1252 numeric references included", () => {
    const draft = importReprintText(
      "<h1>Title</h1><p>&#147;Quoted&#148; &#150; dash &#151; &#128;5 &#153;</p>" +
        "<p>Smile <img class=emoji alt='&#x1F642;' src=e.png> &copy 2022 &amp more</p>",
    );
    expect(paragraphs(draft.blocks)).toEqual(["“Quoted” – dash — €5 ™", "Smile 🙂 © 2022 & more"]);
  });

  it("reads upper-case tags and unquoted attributes", () => {
    const draft = importReprintText(
      "<H1 CLASS=title>Title</H1><P>One.</P><OL START=3><LI>Three<LI>Four</OL>",
    );
    expect(draft.title).toBe("Title");
    expect(paragraphs(draft.blocks)).toEqual(["One.", "3. Three", "4. Four"]);
  });

  it("ends a heading left unclosed at the next paragraph", () => {
    const draft = importReprintText("<h1>Title<p>One.</p><p>Two.</p>");
    expect(draft.title).toBe("Title");
    expect(draft.blocks).toEqual([
      { type: "paragraph", text: "One." },
      { type: "paragraph", text: "Two." },
    ]);
  });

  it("puts a space between table cells and a paragraph boundary between rows", () => {
    const draft = importReprintText(
      "<h1>Title</h1><table><tr><td>Name</td><td>Role</td></tr><tr><td>Jane</td><td>Editor</td></tr></table><p>After.</p>",
    );
    expect(paragraphs(draft.blocks)).toEqual(["Name Role", "Jane Editor", "After."]);
  });

  it("reads a clipboard fragment, leaving comments and CDATA out", () => {
    const draft = importReprintText(
      "<meta charset='utf-8'><!--StartFragment--><h1>Title</h1>" +
        "<p>One <!-- <p>hidden</p> -->and<![CDATA[ hidden ]]> two.</p><!--EndFragment-->",
    );
    expect(draft.title).toBe("Title");
    expect(paragraphs(draft.blocks)).toEqual(["One and two."]);
  });

  it("drops fallback content that browsers do not show", () => {
    const draft = importReprintText(
      "<h1>Title</h1><p>One.</p><noscript><p>Enable JavaScript</p></noscript><noembed><p>x</p></noembed><p>Two.</p>",
    );
    expect(paragraphs(draft.blocks)).toEqual(["One.", "Two."]);
  });

  it("reads a self-closed iframe as a section break, not as the start of raw text", () => {
    const draft = importReprintText(
      "<h1>Title</h1><p>One.</p><iframe src='https://example.com/embed' allowfullscreen /><p>Two.</p>",
    );
    expect(draft.blocks).toEqual([
      { type: "paragraph", text: "One." },
      { type: "sectionBreak" },
      { type: "paragraph", text: "Two." },
    ]);
  });
});

describe("malformed HTML", () => {
  it("does not let an unclosed element that is normally dropped swallow the article", () => {
    const draft = importReprintText(
      "<h1>Title</h1><p>One.</p><figure><img src=a.jpg><figcaption>A caption</figcaption><p>Two.</p><p>Three.</p>",
    );
    expect(paragraphs(draft.blocks)).toContain("Two.");
    expect(paragraphs(draft.blocks).at(-1)).toBe("Three.");
    expect(draft.blocks[1]).toEqual({ type: "sectionBreak" });
  });

  it("drops an unclosed script to the end of the input", () => {
    const draft = importReprintText(
      "<h1>Title</h1><p>One.</p><p>Two.</p><script>var html = '<p>not text</p>';",
    );
    expect(paragraphs(draft.blocks)).toEqual(["One.", "Two."]);
  });

  it("never lets markup through: broken attribute quoting, a tag cut off at the end", () => {
    const text = allText("<h1 class='entry' 'stray>Title</h1><p>One.</p><p>Two.</p><div class=\"cut off");
    expect(text).toBe("Title\nOne.\nTwo.");
  });
});
