import { describe, expect, it } from "vitest";
import { ArticleFieldsSchema } from "@/lib/articles/schema";

const BODY = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] };
const person = "cperson0000000000000000000000001";

describe("an article's bylines as the editor sends them", () => {
  it("drops a row whose person is not chosen yet instead of naming anyone", () => {
    const fields = ArticleFieldsSchema.parse({
      title: "Bylines",
      body: BODY,
      bylines: [
        { personId: person, role: "TRANSLATOR" },
        { personId: "", role: "AUTHOR" },
      ],
    });
    expect(fields.bylines).toEqual([{ personId: person, role: "TRANSLATOR" }]);
  });

  it("still refuses an id no person could have", () => {
    const result = ArticleFieldsSchema.safeParse({
      title: "Bylines",
      body: BODY,
      bylines: [{ personId: "x".repeat(65), role: "AUTHOR" }],
    });
    expect(result.success).toBe(false);
  });

  it("defaults to no byline", () => {
    expect(ArticleFieldsSchema.parse({ title: "None", body: BODY }).bylines).toEqual([]);
  });
});
