import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { AppError } from "@/lib/errors";
import { createEvaluation } from "@/lib/domain/evaluations";
import { addComment, listComments } from "@/lib/domain/comments";
import { mentionAtCaret, mentionText, suggestMentions } from "@/lib/mentions";

async function rejects(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError "${code}"`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function setUp() {
  const team = await createTeamWithRoles();
  const evaluation = await createEvaluation(team.member, team.teamId, { title: "Django or Flask", template: "django-flask" });
  const criterion = await db.criterion.findFirstOrThrow({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
  const option = await db.option.findFirstOrThrow({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
  return { ...team, evaluationId: evaluation.id, criterion, option };
}

const revisionOf = async (id: string) => (await db.evaluation.findUniqueOrThrow({ where: { id } })).revision;

describe("comments", () => {
  it("hides the discussion from non-members and keeps viewers read-only", async () => {
    const t = await setUp();
    await addComment(t.member, t.evaluationId, { body: "First thoughts" });
    await rejects(listComments(t.outsider, t.evaluationId), "not_found");
    await rejects(addComment(t.outsider, t.evaluationId, { body: "Let me in" }), "not_found");
    await rejects(addComment(t.viewer, t.evaluationId, { body: "I only watch" }), "forbidden");
    await rejects(listComments(t.member, "no-such-evaluation"), "not_found");
    await expect(listComments(t.viewer, t.evaluationId)).resolves.toHaveLength(1);
  });

  it("refuses a body with a lone surrogate as invalid input, and keeps emoji", async () => {
    const t = await setUp();
    const broken = await rejects(addComment(t.member, t.evaluationId, { body: "half an emoji \ud800" }), "invalid");
    expect(broken.fields?.body).toMatch(/broken character/);
    const kept = await addComment(t.member, t.evaluationId, { body: "Ship it 👍" });
    expect(kept.body).toBe("Ship it 👍");
  });

  it("validates the body and the target, naming the field", async () => {
    const t = await setUp();
    expect((await rejects(addComment(t.member, t.evaluationId, { body: "   " }), "invalid")).fields?.body).toBeDefined();
    expect((await rejects(addComment(t.member, t.evaluationId, { body: "x".repeat(4001) }), "invalid")).fields?.body).toBeDefined();
    const unknown = await rejects(
      addComment(t.member, t.evaluationId, { body: "On what?", targetType: "option", targetKey: "rails" }),
      "invalid",
    );
    expect(unknown.fields?.targetKey).toBeDefined();
    await rejects(addComment(t.member, t.evaluationId, { body: "Missing key", targetType: "criterion" }), "invalid");
  });

  it("resolves @mentions by full or first name, case-insensitively, to team members only", async () => {
    const t = await setUp();
    await db.user.update({ where: { id: t.admin.userId }, data: { name: "Grace Hopper" } });
    await db.user.update({ where: { id: t.viewer.userId }, data: { name: "Barbara Liskov" } });
    await db.user.update({ where: { id: t.outsider.userId }, data: { name: "Linus Torvalds" } });
    const comment = await addComment(t.member, t.evaluationId, {
      body: "@grace hopper and @BARBARA, what do you think? Not @linus, nor mail@grace.dev.",
    });
    expect(comment.mentions.map((m) => m.id)).toEqual([t.admin.userId, t.viewer.userId]);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(JSON.parse(stored.mentions)).toEqual([t.admin.userId, t.viewer.userId]);
    const [listed] = await listComments(t.owner, t.evaluationId);
    expect(listed.mentions).toEqual([
      { id: t.admin.userId, name: "Grace Hopper" },
      { id: t.viewer.userId, name: "Barbara Liskov" },
    ]);
  });

  it("threads replies under their parent, on the parent's target, within one evaluation", async () => {
    const t = await setUp();
    const root = await addComment(t.member, t.evaluationId, {
      body: "Is this rating fair?",
      targetType: "criterion",
      targetKey: t.criterion.key,
    });
    const reply = await addComment(t.admin, t.evaluationId, { body: "Yes, see the source.", parentId: root.id });
    await addComment(t.owner, t.evaluationId, { body: "Agreed.", parentId: reply.id });
    await addComment(t.member, t.evaluationId, { body: "Strong admin panel", targetType: "option", targetKey: t.option.key });
    expect(reply).toMatchObject({ parentId: root.id, targetType: "criterion", targetKey: t.criterion.key });

    const threads = await listComments(t.member, t.evaluationId);
    expect(threads.map((c) => c.body)).toEqual(["Is this rating fair?", "Strong admin panel"]);
    expect(threads[0].replies.map((c) => c.body)).toEqual(["Yes, see the source."]);
    expect(threads[0].replies[0].replies.map((c) => c.body)).toEqual(["Agreed."]);
    expect(threads[1]).toMatchObject({ targetType: "option", targetKey: t.option.key });

    const other = await setUp();
    await rejects(addComment(other.member, other.evaluationId, { body: "Cross-thread", parentId: root.id }), "not_found");
  });

  it("bumps the live revision and writes an audit entry with each comment", async () => {
    const t = await setUp();
    const before = await revisionOf(t.evaluationId);
    const comment = await addComment(t.member, t.evaluationId, { body: "Ping" });
    expect(await revisionOf(t.evaluationId)).toBe(before + 1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { evaluationId: t.evaluationId, action: "comment.added" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ commentId: comment.id, targetType: "evaluation" });
    await rejects(addComment(t.viewer, t.evaluationId, { body: "No" }), "forbidden");
    expect(await revisionOf(t.evaluationId)).toBe(before + 1);
  });

  it("a mention picked from the @ suggestions resolves to that member, whatever their name looks like", async () => {
    const t = await setUp();
    await db.user.update({ where: { id: t.admin.userId }, data: { name: "Ada   Lovelace" } });
    await db.user.update({ where: { id: t.viewer.userId }, data: { name: "Ada King" } });
    const members = [
      { id: t.admin.userId, name: "Ada   Lovelace" },
      { id: t.viewer.userId, name: "Ada King" },
      { id: t.owner.userId, name: t.owner.name },
    ];
    // Typing "@ad" offers both Adas (names starting with it first); "@lov" finds a later word.
    const typed = "Ask @ad";
    const at = mentionAtCaret(typed, typed.length)!;
    expect(at).toEqual({ start: 4, query: "ad" });
    expect(suggestMentions(at.query, members).map((m) => m.id)).toEqual([t.viewer.userId, t.admin.userId]);
    expect(suggestMentions("lov", members).map((m) => m.id)).toEqual([t.admin.userId]);
    // Not a mention being typed: an e-mail address, a new line after "@".
    expect(mentionAtCaret("mail ada@ex", 11)).toBeNull();
    expect(mentionAtCaret("@ada\nnext", 9)).toBeNull();

    // The inserted text ("@" + the full name, spaces collapsed) is what the server resolves.
    const body = `${typed.slice(0, at.start)}${mentionText("Ada   Lovelace")} and ${mentionText("Ada King")} please look`;
    const comment = await addComment(t.member, t.evaluationId, { body });
    expect(comment.mentions.map((m) => m.id)).toEqual([t.admin.userId, t.viewer.userId]);
  });
});
