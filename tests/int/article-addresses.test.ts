// A draft reserves no address until it goes public or an editor sets its slug by hand, so
// abandoned drafts never push a published piece to `-2`; the editor shows the address it will get.
import { describe, expect, it } from "vitest";
import { serverArticle } from "@/lib/articles/editor-load";
import { saveArticle } from "@/lib/articles/save-article";
import { publishArticle, scheduleArticle } from "@/lib/articles/workflow";
import { setClock, resetClock } from "@/lib/platform/clock";
import { articleFields, context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

describe("article addresses", () => {
  it("gives the published piece its title's address, whatever abandoned drafts share the title", async () => {
    const editor = await createTestUser("EDITOR");
    const title = "Abandoned twice over the Strait";
    const first = await createTestArticle(editor, { title });
    const second = await createTestArticle(editor, { title });
    expect(first.slug).toBe(first.id);
    expect(second.slug).toBe(second.id);

    const third = await createTestArticle(editor, { title });
    expect((await serverArticle(third.id))!).toMatchObject({
      slug: "",
      path: "/articles/abandoned-twice-over-the-strait",
    });
    const published = await publishArticle(third, context(editor));
    expect(published.slug).toBe("abandoned-twice-over-the-strait");
    expect((await serverArticle(third.id))!).toMatchObject({
      slug: "abandoned-twice-over-the-strait",
      path: "/articles/abandoned-twice-over-the-strait",
    });

    // The drafts now would get the next free address, and say so.
    expect((await serverArticle(first.id))!.path).toBe("/articles/abandoned-twice-over-the-strait-2");
  });

  it("keeps a slug set by hand, and follows the title until then", async () => {
    const editor = await createTestUser("EDITOR");
    const chosen = await createTestArticle(editor, { title: "Chosen words", slug: "chosen-address" });
    expect(chosen.slug).toBe("chosen-address");
    const rival = await createTestArticle(editor, { title: "Chosen address" });
    expect((await serverArticle(rival.id))!.path).toBe("/articles/chosen-address-2");

    const retitled = await saveArticle(
      { ...articleFields({ title: "Another title" }), id: rival.id, version: rival.version, manual: false },
      context(editor),
    );
    expect(retitled.slug).toBe(rival.id);
    expect((await serverArticle(rival.id))!.path).toBe("/articles/another-title");
  });

  it("gives a scheduled draft its address when it is scheduled", async () => {
    const editor = await createTestUser("EDITOR");
    setClock(new Date("2026-06-01T08:00:00Z"));
    try {
      const draft = await createTestArticle(editor, { title: "Scheduled for Monday" });
      const scheduled = await scheduleArticle(
        { id: draft.id, version: draft.version, publishAt: new Date("2026-06-08T08:00:00Z") },
        context(editor),
      );
      expect(scheduled.slug).toBe("scheduled-for-monday");
    } finally {
      resetClock();
    }
  });
});
