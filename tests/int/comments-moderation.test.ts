// The staff side of comments on a real database: every decision and its one log row, restore
// from the log, edits that keep the original, staff replies, all-or-nothing bulk decisions,
// who may moderate, the queues' data and the filterable moderation log.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as actions from "@/app/(admin)/admin/comments/actions";
import { ActionFailure } from "@/lib/platform/actions/result";
import { runAction, type ActionDefinition } from "@/lib/platform/actions/run-action";
import { publishArticle } from "@/lib/articles/workflow";
import { cacheTime, isFresh } from "@/lib/platform/cache/registry";
import { cacheTag } from "@/lib/platform/cache/tags";
import { resetClock, setClock } from "@/lib/platform/clock";
import { editComment, moderateComment, moderateComments, replyAsStaff } from "@/lib/comments/moderation";
import { REPORTS_DISMISSED } from "@/lib/comments/moderation-terms";
import { REPORTED_AFTER } from "@/lib/comments/queues";
import { reportComment } from "@/lib/comments/report";
import { commentQueueCounts, listCommentQueue, listModerationLog } from "@/lib/comments/moderation-list";
import { db } from "@/lib/platform/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { CurrentUser } from "@/lib/platform/session";
import {
  CommentQueueFiltersSchema,
  ModerationLogFiltersSchema,
  type Decision,
} from "@/lib/comments/moderation-schema";
import { context, createTestArticle } from "../support/articles";
import { createTestUser } from "../support/users";

// Actions refresh the admin's pages; outside a request there are none.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let editor: CurrentUser;
let admin: CurrentUser;
let writer: CurrentUser;
let articleId: string;
let counter = 0;

beforeAll(async () => {
  editor = await createTestUser("EDITOR");
  admin = await createTestUser("ADMIN");
  writer = await createTestUser("WRITER");
  articleId = await publishedArticle();
});

async function publishedArticle(): Promise<string> {
  counter += 1;
  const draft = await createTestArticle(editor, { title: `Commented article ${counter}` });
  return (await publishArticle(draft, context(editor))).id;
}

/** A comment as the submission pipeline leaves it: the row and its "submitted" log entry. */
async function seedComment(
  status: CommentStatus,
  fields: {
    article?: string;
    email?: string;
    name?: string;
    holdReasons?: string[];
    parentId?: string;
    reportCount?: number;
    reportHiddenAt?: Date;
    createdAt?: Date;
  } = {},
) {
  counter += 1;
  const comment = await db.comment.create({
    data: {
      articleId: fields.article ?? articleId,
      parentId: fields.parentId ?? null,
      authorName: fields.name ?? `Reader ${counter}`,
      authorEmail: fields.email ?? `reader-${counter}@example.com`,
      body: `Comment number ${counter}.`,
      status,
      holdReasons: fields.holdReasons ?? [],
      reportCount: fields.reportCount ?? 0,
      reportHiddenAt: fields.reportHiddenAt ?? null,
      createdAt: fields.createdAt,
    },
  });
  await db.commentModeration.create({
    data: {
      commentId: comment.id,
      action: "submitted",
      toStatus: status,
      reasons: fields.holdReasons ?? [],
      createdAt: fields.createdAt,
    },
  });
  return comment;
}

const logOf = (commentId: string) =>
  db.commentModeration.findMany({ where: { commentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

const statusOf = async (commentId: string) =>
  (await db.comment.findUniqueOrThrow({ where: { id: commentId } })).status;

async function failureOf(promise: Promise<unknown>): Promise<ActionFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ActionFailure) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}

function decide(commentId: string, decision: Decision, actor: CurrentUser = editor) {
  return moderateComment({ commentId, decision }, context(actor));
}

describe("decisions and the moderation log", () => {
  it("writes exactly one log row per decision, with the actor and the old and new status", async () => {
    const comment = await seedComment("PENDING", { holdReasons: ["LINKS"] });
    const steps: Array<[Decision, CommentStatus, CommentStatus, string]> = [
      ["approve", "PENDING", "APPROVED", "approved"],
      ["spam", "APPROVED", "SPAM", "marked_spam"],
      ["trash", "SPAM", "TRASH", "trashed"],
      ["restore", "TRASH", "APPROVED", "restored"],
      ["trash", "APPROVED", "TRASH", "trashed"],
    ];
    for (const [decision, from, to, action] of steps) {
      const before = await logOf(comment.id);
      const change = await decide(comment.id, decision);
      expect(change).toMatchObject({ id: comment.id, from, to });
      const after = await logOf(comment.id);
      expect(after, `${decision} from ${from}`).toHaveLength(before.length + 1);
      expect(after.at(-1)).toMatchObject({ actorId: editor.id, action, fromStatus: from, toStatus: to });
      expect(await statusOf(comment.id)).toBe(to);
    }
    // Approving a held comment records what it was held for.
    expect((await logOf(comment.id))[1]!.reasons).toEqual(["LINKS"]);
    const audit = await db.auditLog.findMany({ where: { entityType: "Comment", entityId: comment.id } });
    expect(audit).toHaveLength(steps.length);
  });

  it("records the moderator's reason codes and note with the decision", async () => {
    const comment = await seedComment("APPROVED");
    await moderateComment(
      {
        commentId: comment.id,
        decision: "trash",
        reasons: ["HATE_SPEECH"],
        note: "Slur in the second line.",
      },
      context(admin),
    );
    expect((await logOf(comment.id)).at(-1)).toMatchObject({
      actorId: admin.id,
      reasons: ["HATE_SPEECH"],
      note: "Slur in the second line.",
    });
  });

  it("restores a comment to the status it had before spam or the trash", async () => {
    const wasPending = await seedComment("PENDING");
    await decide(wasPending.id, "trash");
    expect((await decide(wasPending.id, "restore")).to).toBe("PENDING");

    const wasApproved = await seedComment("APPROVED");
    await decide(wasApproved.id, "spam");
    await decide(wasApproved.id, "trash");
    expect((await decide(wasApproved.id, "restore")).to).toBe("APPROVED");

    // Caught by the pipeline straight away: it was never anything else, so it goes to Pending.
    const caught = await seedComment("SPAM", { holdReasons: ["HONEYPOT"] });
    expect((await decide(caught.id, "restore")).to).toBe("PENDING");
  });

  it("refuses decisions that do not apply, saying why, and logs nothing", async () => {
    const approved = await seedComment("APPROVED");
    const spam = await seedComment("SPAM");
    const trashed = await seedComment("TRASH");
    const pending = await seedComment("PENDING");
    const cases: Array<[string, Decision, RegExp]> = [
      [approved.id, "approve", /already approved/],
      [spam.id, "spam", /already in spam/],
      [trashed.id, "trash", /already in the trash/],
      [pending.id, "restore", /Only comments in spam or the trash can be restored; this one is pending/],
    ];
    for (const [id, decision, message] of cases) {
      const failure = await failureOf(decide(id, decision));
      expect(failure.code).toBe("CONFLICT");
      expect(failure.message).toMatch(message);
      expect(await logOf(id)).toHaveLength(1);
    }
    expect((await failureOf(decide("no-such-comment", "approve"))).code).toBe("NOT_FOUND");
  });

  it("keeps a reported comment by approving it, which dismisses its reports", async () => {
    const reported = await seedComment("APPROVED", { reportCount: REPORTED_AFTER });
    const since = cacheTime();
    const change = await decide(reported.id, "approve");
    expect(change).toMatchObject({
      from: "APPROVED",
      to: "APPROVED",
      fromQueue: "REPORTED",
      queue: "APPROVED",
      wasVisible: true,
      visible: true,
    });
    // Readers saw it all along: nothing of theirs to refresh.
    expect(isFresh([cacheTag.comments(articleId)], since)).toBe(true);
    expect((await db.comment.findUniqueOrThrow({ where: { id: reported.id } })).reportCount).toBe(0);
    expect((await logOf(reported.id)).at(-1)).toMatchObject({ reasons: [REPORTS_DISMISSED] });
  });

  it("shows a comment that reports had hidden again when a moderator keeps it", async () => {
    const hidden = await seedComment("APPROVED", { reportCount: 2, reportHiddenAt: new Date() });
    const since = cacheTime();
    expect(await decide(hidden.id, "approve")).toMatchObject({ wasVisible: false, visible: true });
    expect(isFresh([cacheTag.comments(articleId)], since)).toBe(false);
    expect(await db.comment.findUniqueOrThrow({ where: { id: hidden.id } })).toMatchObject({
      reportCount: 0,
      reportHiddenAt: null,
    });
  });

  it("tells readers' caches only when what they see changes", async () => {
    const article = await publishedArticle();
    const pending = await seedComment("PENDING", { article });
    let since = cacheTime();
    await decide(pending.id, "spam");
    expect(isFresh([cacheTag.comments(article)], since)).toBe(true);
    await decide(pending.id, "restore");
    since = cacheTime();
    await decide(pending.id, "approve");
    expect(isFresh([cacheTag.comments(article)], since)).toBe(false);
    expect(isFresh([cacheTag.allComments], since)).toBe(false);
  });
});

describe("edits", () => {
  it("changes the text and keeps the original in the log", async () => {
    const comment = await seedComment("APPROVED");
    const edited = await editComment(
      { commentId: comment.id, body: "Edited: no personal details.", note: "Removed a phone number." },
      context(editor),
    );
    expect(edited).toEqual({ id: comment.id, status: "APPROVED" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe(
      "Edited: no personal details.",
    );
    expect((await logOf(comment.id)).at(-1)).toMatchObject({
      action: "edited",
      fromStatus: "APPROVED",
      toStatus: "APPROVED",
      previousBody: comment.body,
      note: "Removed a phone number.",
    });
  });

  it("writes nothing when the text did not change", async () => {
    const comment = await seedComment("PENDING");
    expect(await editComment({ commentId: comment.id, body: comment.body }, context(editor))).toBeNull();
    expect(await logOf(comment.id)).toHaveLength(1);
  });
});

describe("staff replies", () => {
  it("publishes the reply at once, marked as staff, under the comment", async () => {
    const parent = await seedComment("APPROVED");
    const { reply, parentApproved } = await replyAsStaff(
      { commentId: parent.id, body: "Thanks, we have corrected the date." },
      context(editor),
    );
    expect(parentApproved).toBeNull();
    const stored = await db.comment.findUniqueOrThrow({ where: { id: reply.id } });
    expect(stored).toMatchObject({
      parentId: parent.id,
      articleId,
      status: "APPROVED",
      staffUserId: editor.id,
      authorName: editor.name,
      body: "Thanks, we have corrected the date.",
    });
    expect(await logOf(reply.id)).toMatchObject([
      { action: "staff_reply", actorId: editor.id, fromStatus: null, toStatus: "APPROVED" },
    ]);
  });

  it("approves a pending comment before replying to it, and logs both", async () => {
    const parent = await seedComment("PENDING", { holdReasons: ["FIRST_TIME"] });
    const { reply, parentApproved } = await replyAsStaff(
      { commentId: parent.id, body: "Welcome." },
      context(editor),
    );
    expect(parentApproved).toMatchObject({ from: "PENDING", to: "APPROVED" });
    expect(await statusOf(parent.id)).toBe("APPROVED");
    expect((await logOf(parent.id)).at(-1)).toMatchObject({ action: "approved", fromStatus: "PENDING" });
    expect(await statusOf(reply.id)).toBe("APPROVED");
  });

  it("refuses to reply to a comment in spam or the trash", async () => {
    for (const status of ["SPAM", "TRASH"] as const) {
      const parent = await seedComment(status);
      const failure = await failureOf(replyAsStaff({ commentId: parent.id, body: "Hello" }, context(editor)));
      expect(failure.code).toBe("CONFLICT");
      expect(failure.message).toMatch(/only reply to a published comment/);
      expect(await db.comment.count({ where: { parentId: parent.id } })).toBe(0);
      expect(await statusOf(parent.id)).toBe(status);
    }
  });

  it("refuses to reply beyond the deepest thread level", async () => {
    const top = await seedComment("APPROVED");
    const second = await seedComment("APPROVED", { parentId: top.id });
    const third = await seedComment("APPROVED", { parentId: second.id });
    const failure = await failureOf(replyAsStaff({ commentId: third.id, body: "Deep" }, context(editor)));
    expect(failure.message).toMatch(/cannot go any deeper/);
  });
});

describe("bulk decisions", () => {
  it("applies one decision to every selected comment, one log row each", async () => {
    const comments = await Promise.all([1, 2, 3].map(() => seedComment("PENDING")));
    const changes = await moderateComments(
      comments.map((c) => c.id),
      "approve",
      { note: "Batch" },
      context(editor),
    );
    expect(changes).toHaveLength(3);
    for (const comment of comments) {
      expect(await statusOf(comment.id)).toBe("APPROVED");
      expect(await logOf(comment.id)).toHaveLength(2);
    }
  });

  it("changes nothing when one of the selection cannot take the decision", async () => {
    const fine = await Promise.all([1, 2].map(() => seedComment("PENDING")));
    const already = await seedComment("SPAM", { name: "Already Spam" });
    const failure = await failureOf(
      moderateComments([...fine.map((c) => c.id), already.id], "spam", {}, context(editor)),
    );
    expect(failure.code).toBe("CONFLICT");
    expect(failure.message).toMatch(/^Nothing was changed: 1 of 3/);
    expect(failure.message).toContain("Already Spam: This comment is already in spam.");
    for (const comment of fine) {
      expect(await statusOf(comment.id)).toBe("PENDING");
      expect(await logOf(comment.id)).toHaveLength(1);
    }
    expect(await db.auditLog.count({ where: { entityId: { in: fine.map((c) => c.id) } } })).toBe(0);
  });

  it("works through the server action, all or nothing", async () => {
    const comments = await Promise.all([1, 2].map(() => seedComment("PENDING")));
    const result = await runAction(actions.bulkModerateComments.definition, admin, {
      ids: comments.map((c) => c.id),
      decision: "trash",
      reasons: "OFF_TOPIC",
    });
    expect(result).toMatchObject({ ok: true, message: "2 comment(s) now in the trash." });
    for (const comment of comments) {
      expect((await logOf(comment.id)).at(-1)).toMatchObject({ toStatus: "TRASH", reasons: ["OFF_TOPIC"] });
    }
  });
});

describe("who may moderate", () => {
  const definitions = (): Array<[string, ActionDefinition, (id: string) => unknown]> => [
    ["moderateComment", actions.moderateComment.definition, (id) => ({ commentId: id, decision: "approve" })],
    [
      "bulkModerateComments",
      actions.bulkModerateComments.definition,
      (id) => ({ ids: [id], decision: "approve" }),
    ],
    ["editComment", actions.editComment.definition, (id) => ({ commentId: id, body: "Rewritten" })],
    ["replyToComment", actions.replyToComment.definition, (id) => ({ commentId: id, body: "Reply" })],
  ];

  it("refuses writers every moderation action and changes nothing", async () => {
    const comment = await seedComment("PENDING");
    for (const [name, definition, input] of definitions()) {
      const result = await runAction(definition, writer, input(comment.id));
      expect(result, name).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      status: "PENDING",
      body: comment.body,
    });
    expect(await db.comment.count({ where: { parentId: comment.id } })).toBe(0);
    expect(await logOf(comment.id)).toHaveLength(1);
  });

  it("lets editors and admins moderate through the actions", async () => {
    for (const actor of [editor, admin]) {
      const comment = await seedComment("PENDING");
      const result = await runAction(actions.moderateComment.definition, actor, {
        commentId: comment.id,
        decision: "approve",
      });
      expect(result).toMatchObject({ ok: true, message: "The comment is now approved." });
      expect((await logOf(comment.id)).at(-1)).toMatchObject({ actorId: actor.id });
    }
  });

  it("answers an invalid transition through the action with a clear refusal", async () => {
    const comment = await seedComment("APPROVED");
    const result = await runAction(actions.moderateComment.definition, editor, {
      commentId: comment.id,
      decision: "approve",
    });
    expect(result).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "This comment is already approved.",
      fieldErrors: undefined,
      data: undefined,
    });
  });
});

describe("the queues", () => {
  it("counts each queue and gives each comment its reasons, article, thread and commenter history", async () => {
    const article = await publishedArticle();
    const email = `regular-${counter}@example.com`;
    await seedComment("APPROVED", { article, email });
    await seedComment("SPAM", { article, email });
    const parent = await seedComment("APPROVED", { article, name: "First Speaker" });
    const held = await seedComment("PENDING", {
      article,
      email,
      parentId: parent.id,
      holdReasons: ["LINKS", "FIRST_TIME"],
    });
    await seedComment("APPROVED", { article, reportCount: REPORTED_AFTER });
    await seedComment("TRASH", { article });

    const filters = CommentQueueFiltersSchema.parse({ article });
    expect(await commentQueueCounts(filters)).toEqual({
      PENDING: 1,
      REPORTED: 1,
      APPROVED: 2,
      SPAM: 1,
      TRASH: 1,
    });
    const { comments, total } = await listCommentQueue(filters, new Date());
    expect(total).toBe(1);
    expect(comments[0]).toMatchObject({
      id: held.id,
      queue: "PENDING",
      holdReasons: ["LINKS", "FIRST_TIME"],
      article: { id: article, title: expect.stringMatching(/^Commented article/) },
      parent: { id: parent.id, authorName: "First Speaker", status: "APPROVED" },
      commenterHistory: { approved: 1, spam: 1 },
    });
    expect(comments[0]!.log.map((entry) => entry.action)).toEqual(["submitted"]);

    const reported = await listCommentQueue(
      CommentQueueFiltersSchema.parse({ article, queue: "REPORTED" }),
      new Date(),
    );
    expect(reported.comments.map((c) => c.reportCount)).toEqual([REPORTED_AFTER]);
  });

  it("shows each report with its reporter's history: reports made, upheld and dismissed", async () => {
    const article = await publishedArticle();
    const [upheldOne, dismissedOne, open] = [
      await seedComment("APPROVED", { article }),
      await seedComment("APPROVED", { article }),
      await seedComment("APPROVED", { article }),
    ];
    const regular = { ip: "192.0.2.10", savedEmail: `reporter-${counter}@example.com` };
    for (const comment of [upheldOne, dismissedOne, open]) {
      expect(await reportComment(comment.id, { reason: "abuse" }, regular)).toMatchObject({ ok: true });
    }
    await reportComment(upheldOne.id, { reason: "spam" }, { ip: "198.51.100.20" });
    await reportComment(open.id, { reason: "off-topic" }, { ip: "2001:db8:77:1::5" });
    await reportComment(open.id, { reason: "other" }, { ip: "192.0.2.99", staffUserId: writer.id });

    await decide(upheldOne.id, "trash");
    await decide(dismissedOne.id, "approve");
    const outcomes = async (commentId: string) =>
      (await db.commentReport.findMany({ where: { commentId } })).map((r) => r.outcome);
    expect(await outcomes(upheldOne.id)).toEqual(["UPHELD", "UPHELD"]);
    expect(await outcomes(dismissedOne.id)).toEqual(["DISMISSED"]);
    expect(await db.comment.findUniqueOrThrow({ where: { id: upheldOne.id } })).toMatchObject({
      status: "TRASH",
      reportCount: 0,
    });

    const { comments } = await listCommentQueue(
      CommentQueueFiltersSchema.parse({ article, queue: "REPORTED" }),
      new Date(),
    );
    expect(comments.map((c) => c.id)).toEqual([open.id]);
    const [row] = comments;
    // The writer's report hid it: staff are trusted.
    expect(row).toMatchObject({ reportCount: 3, hiddenByReports: true });
    expect(
      row!.reports.map(({ reason, reporter, trusted, knownReader, reporterHistory }) => ({
        reason,
        reporter,
        trusted,
        knownReader,
        reporterHistory,
      })),
    ).toEqual([
      {
        reason: "other",
        reporter: { kind: "staff", name: writer.name },
        trusted: true,
        knownReader: true,
        reporterHistory: { reports: 1, upheld: 0, dismissed: 0 },
      },
      {
        reason: "off-topic",
        reporter: { kind: "anonymous", name: null },
        trusted: false,
        knownReader: false,
        reporterHistory: { reports: 1, upheld: 0, dismissed: 0 },
      },
      {
        reason: "abuse",
        reporter: { kind: "saved-commenter", name: null },
        trusted: false,
        knownReader: false,
        reporterHistory: { reports: 3, upheld: 1, dismissed: 1 },
      },
    ]);
    // Hashes and addresses stay on the server.
    expect(JSON.stringify(row!.reports)).not.toMatch(/reporterKey|Hash|192\.0\.2|@example\.com/);
  });

  it("links to an article only while readers may see it, by the one visibility rule", async () => {
    const day = 86_400_000;
    const open = await publishedArticle();
    // Published, not withdrawn, but its reprint authorization has expired: not public.
    const source = await db.source.create({
      data: { name: `Lapsed source ${counter}`, slug: `lapsed-source-${Date.now()}`, kind: "WEBSITE" },
    });
    const lapsedGrant = await db.reprintAuthorization.create({
      data: {
        sourceId: source.id,
        status: "GRANTED",
        validFrom: new Date(Date.now() - 2 * day),
        validUntil: new Date(Date.now() - day),
      },
    });
    const lapsed = await publishedArticle();
    await db.article.update({
      where: { id: lapsed },
      data: { kind: "REPRINT", sourceId: source.id, authorizationId: lapsedGrant.id },
    });
    // Scheduled, and its time has come (the sweep has not run yet): public.
    const due = await publishedArticle();
    await db.article.update({
      where: { id: due },
      data: { status: "SCHEDULED", publishedAt: new Date(Date.now() - 60_000) },
    });
    for (const article of [open, lapsed, due]) await seedComment("PENDING", { article });

    const isPublic = async (article: string) => {
      const filters = CommentQueueFiltersSchema.parse({ article });
      const { comments } = await listCommentQueue(filters, new Date());
      return comments[0]?.article.isPublic;
    };
    expect(await isPublic(open)).toBe(true);
    expect(await isPublic(lapsed)).toBe(false);
    expect(await isPublic(due)).toBe(true);
  });

  it("filters by commenter email and by date", async () => {
    const article = await publishedArticle();
    await seedComment("PENDING", {
      article,
      email: "early@example.com",
      createdAt: new Date("2030-01-10T12:00Z"),
    });
    await seedComment("PENDING", {
      article,
      email: "late@example.com",
      createdAt: new Date("2030-02-10T12:00Z"),
    });
    const list = async (query: Record<string, string>) =>
      (
        await listCommentQueue(CommentQueueFiltersSchema.parse({ article, ...query }), new Date())
      ).comments.map((c) => c.authorEmail);
    expect(await list({ email: "EARLY@" })).toEqual(["early@example.com"]);
    expect(await list({ from: "2030-02-01" })).toEqual(["late@example.com"]);
    expect(await list({ to: "2030-01-10" })).toEqual(["early@example.com"]);
    expect(await list({})).toEqual(["late@example.com", "early@example.com"]);
  });
});

describe("the moderation log", () => {
  it("filters by actor, system, action, comment and date", async () => {
    const moderator = await createTestUser("EDITOR");
    const first = await seedComment("PENDING");
    const second = await seedComment("PENDING");
    setClock(new Date("2031-03-01T10:00:00Z"));
    await decide(first.id, "approve", moderator);
    setClock(new Date("2031-03-05T10:00:00Z"));
    await decide(second.id, "spam", moderator);
    await decide(first.id, "trash", moderator);
    resetClock();

    const log = async (query: Record<string, string>) =>
      (await listModerationLog(ModerationLogFiltersSchema.parse(query))).entries.map(
        (e) => `${e.comment.id === first.id ? "first" : "second"}:${e.action}`,
      );
    expect(await log({ actor: moderator.id })).toEqual([
      "first:trashed",
      "second:marked_spam",
      "first:approved",
    ]);
    expect(await log({ actor: moderator.id, action: "approved" })).toEqual(["first:approved"]);
    expect(await log({ actor: moderator.id, from: "2031-03-02" })).toEqual([
      "first:trashed",
      "second:marked_spam",
    ]);
    expect(await log({ actor: moderator.id, to: "2031-03-01" })).toEqual(["first:approved"]);
    expect(await log({ actor: "system", comment: second.id })).toEqual(["second:submitted"]);
    expect(await log({ comment: first.id })).toEqual(["first:trashed", "first:approved", "first:submitted"]);

    const entry = (await listModerationLog(ModerationLogFiltersSchema.parse({ actor: moderator.id })))
      .entries[0]!;
    expect(entry).toMatchObject({
      actor: { name: moderator.name },
      fromStatus: "APPROVED",
      toStatus: "TRASH",
      comment: { article: { id: articleId } },
    });
  });
});
