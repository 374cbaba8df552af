import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { AppError } from "@/lib/errors";
import { createEvaluation } from "@/lib/domain/evaluations";
import { addComment, deleteComment, editComment, listComments } from "@/lib/domain/comments";

async function code(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

async function setUp() {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.member, t.teamId, { title: "Edits", template: "django-flask" });
  return { ...t, evaluationId: evaluation.id };
}

describe("comment edit and delete", () => {
  it("the author edits their comment, shown as edited, with the old text kept in the audit log", async () => {
    const t = await setUp();
    const c = await addComment(t.member, t.evaluationId, { body: "Djnago is heavier" });
    expect(c).toMatchObject({ canEdit: true, canDelete: true, editedAt: null });
    const edited = await editComment(t.member, t.evaluationId, c.id, { body: "Django is heavier" });
    expect(edited.body).toBe("Django is heavier");
    expect(edited.editedAt).not.toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { evaluationId: t.evaluationId, action: "comment.edited" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ commentId: c.id, previousBody: "Djnago is heavier" });

    expect(await code(editComment(t.admin, t.evaluationId, c.id, { body: "Put words in mouth" }))).toBe("forbidden");
    expect(await code(editComment(t.outsider, t.evaluationId, c.id, { body: "x" }))).toBe("not_found");
    expect(await code(editComment(t.member, t.evaluationId, c.id, { body: "half \ud800" }))).toBe("invalid");
    // What others may do, as each reader sees it.
    const [asAdmin] = await listComments(t.admin, t.evaluationId);
    expect(asAdmin).toMatchObject({ canEdit: false, canDelete: true });
    const [asViewer] = await listComments(t.viewer, t.evaluationId);
    expect(asViewer).toMatchObject({ canEdit: false, canDelete: false });
  });

  it("the author or an admin deletes; replies stay, the text is gone from the thread", async () => {
    const t = await setUp();
    const root = await addComment(t.member, t.evaluationId, { body: "Something regrettable" });
    await addComment(t.admin, t.evaluationId, { body: "A reply", parentId: root.id });
    expect(await code(deleteComment(t.viewer, t.evaluationId, root.id))).toBe("forbidden");
    await deleteComment(t.admin, t.evaluationId, root.id);
    const [thread] = await listComments(t.member, t.evaluationId);
    expect(thread).toMatchObject({ deleted: true, body: "", canEdit: false, canDelete: false });
    expect(thread.replies[0].body).toBe("A reply");
    expect(await code(deleteComment(t.member, t.evaluationId, root.id))).toBe("not_found");
    const own = await addComment(t.member, t.evaluationId, { body: "Mine to delete" });
    await deleteComment(t.member, t.evaluationId, own.id);
  });
});
