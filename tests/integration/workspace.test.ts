import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles, createUser } from "../support/factories";
import { AppError } from "@/lib/errors";
import { authenticate, signUp } from "@/lib/domain/users";
import { createTeam, changeRole, deleteTeam, getTeamDeletionSummary, leaveTeam, removeMember, renameTeam } from "@/lib/domain/teams";
import { acceptInvitation, createInvitation } from "@/lib/domain/invitations";
import {
  addItem,
  addRatingCitation,
  createEvaluation,
  deleteDraftEvaluation,
  listTeamEvaluations,
  removeItem,
  removeRatingCitation,
  renameItem,
  setEvaluationArchived,
  setRating,
} from "@/lib/domain/evaluations";
import { addComment } from "@/lib/domain/comments";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { getEvaluationView } from "@/lib/domain/report";
import { verifyChain } from "@/lib/export/ballot-chain";
import { checkEvaluationIntegrity } from "@/lib/domain/records";
import { formatUtcDateTime } from "@/lib/dates";

async function rejects(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError "${code}"`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("accounts", () => {
  it("signs up, refuses a taken email naming the field, and checks passwords", async () => {
    const user = await signUp({ name: "Maria", email: "Maria@Example.com", password: "correct horse battery" });
    expect(user.email).toBe("maria@example.com");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);

    const taken = await rejects(signUp({ name: "M", email: "maria@example.com", password: "another password" }), "conflict");
    expect(taken.fields?.email).toBeDefined();
    const bad = await rejects(signUp({ name: "", email: "not-an-email", password: "short" }), "invalid");
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(["name", "email", "password"]));

    await expect(authenticate({ email: "maria@example.com", password: "correct horse battery" })).resolves.toMatchObject({ id: user.id });
    await rejects(authenticate({ email: "maria@example.com", password: "wrong password" }), "unauthenticated");
  });

  it("locks an email after repeated failed sign-ins, even with the right password", async () => {
    await signUp({ name: "Lock", email: "lock@example.com", password: "the right password" });
    for (let i = 0; i < 5; i++) await rejects(authenticate({ email: "lock@example.com", password: `wrong ${i}` }), "unauthenticated");
    await rejects(authenticate({ email: "lock@example.com", password: "the right password" }), "rate_limited");
  });
});

describe("teams and invitations", () => {
  it("makes the creator owner and lets an invitee join with the chosen role, once", async () => {
    const owner = await createUser("owner");
    const team = await createTeam(owner, { name: "Platform" });
    const invite = await createInvitation(owner, team.id, { role: "viewer" });
    const joiner = await createUser("joiner");
    await acceptInvitation(joiner, invite.token);
    const membership = await db.membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.id, userId: joiner.userId } } });
    expect(membership.role).toBe("viewer");
    await rejects(acceptInvitation(await createUser("late"), invite.token), "conflict");
    await rejects(acceptInvitation(joiner, "inv_not-a-real-token"), "not_found");
  });

  it("refuses expired invitations", async () => {
    const owner = await createUser("owner");
    const team = await createTeam(owner, { name: "Expiring" });
    const invite = await createInvitation(owner, team.id, { role: "member" });
    await db.invitation.updateMany({ where: { teamId: team.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = await rejects(acceptInvitation(await createUser(), invite.token), "conflict");
    expect(error.message).toMatch(/expired/);
  });

  it("enforces who manages members, and keeps at least one owner", async () => {
    const t = await createTeamWithRoles();
    await rejects(createInvitation(t.member, t.teamId, { role: "member" }), "forbidden");
    await rejects(createInvitation(t.outsider, t.teamId, { role: "member" }), "not_found");
    await rejects(createInvitation(t.admin, t.teamId, { role: "owner" }), "forbidden");
    await rejects(changeRole(t.admin, t.teamId, { userId: t.owner.userId, role: "member" }), "forbidden");
    await rejects(changeRole(t.owner, t.teamId, { userId: t.owner.userId, role: "admin" }), "conflict");
    await rejects(leaveTeam(t.owner, t.teamId), "conflict");

    await changeRole(t.admin, t.teamId, { userId: t.viewer.userId, role: "member" });
    await removeMember(t.admin, t.teamId, t.viewer.userId);
    await leaveTeam(t.member, t.teamId);
    expect(await db.membership.count({ where: { teamId: t.teamId } })).toBe(2);
    const audit = await db.auditEntry.findMany({ where: { teamId: t.teamId }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["member.role_changed", "member.removed", "member.left"]));
  });
});

describe("evaluations and ballots", () => {
  async function votingEvaluation() {
    const t = await createTeamWithRoles();
    const evaluation = await createEvaluation(t.member, t.teamId, { title: "Django or Flask", template: "django-flask" });
    return { t, evaluation };
  }

  it("creates from the knowledge-base template with cited ratings, or blank", async () => {
    const { t, evaluation } = await votingEvaluation();
    const view = await getEvaluationView(t.viewer, evaluation.id);
    expect(view.options.map((o) => o.key)).toEqual(["django", "flask"]);
    expect(view.criteria.length).toBeGreaterThanOrEqual(16);
    expect(view.ratings).toHaveLength(view.options.length * view.criteria.length);
    expect(view.ratings.every((r) => r.citations.length > 0)).toBe(true);

    const blank = await createEvaluation(t.member, t.teamId, { title: "Blank one", template: "blank" });
    expect((await getEvaluationView(t.member, blank.id)).options).toHaveLength(0);
    await rejects(createEvaluation(t.viewer, t.teamId, { title: "Nope", template: "blank" }), "forbidden");
    await rejects(getEvaluationView(t.outsider, evaluation.id), "not_found");
  });

  it("edits options, criteria and ratings only while a draft", async () => {
    const { t, evaluation } = await votingEvaluation();
    const fastapi = await addItem(t.member, evaluation.id, { kind: "option", name: "FastAPI" });
    expect(fastapi.key).toBe("fastapi");
    await renameItem(t.member, evaluation.id, { kind: "option", id: fastapi.id, name: "FastAPI (async)" });
    await removeItem(t.member, evaluation.id, { kind: "option", id: fastapi.id });
    const bad = await rejects(addItem(t.member, evaluation.id, { kind: "criterion", name: "" }), "invalid");
    expect(bad.fields?.name).toBeDefined();

    // Changing a template score keeps its cited rationale unless a new one is given.
    const django = await db.option.findFirstOrThrow({ where: { evaluationId: evaluation.id, key: "django" } });
    const security = await db.criterion.findFirstOrThrow({ where: { evaluationId: evaluation.id, key: "built-in-security" } });
    const where = { optionId_criterionId: { optionId: django.id, criterionId: security.id } };
    const { rationale } = await db.rating.findUniqueOrThrow({ where });
    expect(rationale).not.toBe("");
    await setRating(t.member, evaluation.id, { optionId: django.id, criterionId: security.id, score: 7 });
    expect(await db.rating.findUniqueOrThrow({ where })).toMatchObject({ score: 7, rationale });
    await setRating(t.member, evaluation.id, { optionId: django.id, criterionId: security.id, score: 7, rationale: "Our own audit" });
    expect(await db.rating.findUniqueOrThrow({ where })).toMatchObject({ rationale: "Our own audit" });
    await rejects(setRating(t.member, evaluation.id, { optionId: django.id, criterionId: security.id, score: 11 }), "invalid");

    await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
    await rejects(addItem(t.member, evaluation.id, { kind: "option", name: "Rails" }), "conflict");
    await rejects(setRating(t.member, evaluation.id, { optionId: django.id, criterionId: security.id, score: 5 }), "conflict");
  });

  it("keeps every ballot revision in a hash chain, counts the latest, and rejects bad ballots writing nothing", async () => {
    const { t, evaluation } = await votingEvaluation();
    await rejects(transitionEvaluation(t.member, evaluation.id, { action: "open-voting" }), "forbidden");
    await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
    const keys = (await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } })).map((c) => c.key);
    const points = (first: number) => ({ method: "points", weights: { [keys[0]]: first, [keys[1]]: 100 - first } });

    await castBallot(t.member, evaluation.id, points(70));
    await castBallot(t.member, evaluation.id, points(20));
    await castBallot(t.owner, evaluation.id, points(50));

    const notHundred = await rejects(castBallot(t.admin, evaluation.id, { method: "points", weights: { [keys[0]]: 30 } }), "invalid");
    expect(notHundred.fields?.weights).toMatch(/add up to 100/);
    await rejects(castBallot(t.admin, evaluation.id, { method: "points", weights: { nonsense: 100 } }), "invalid");
    await rejects(castBallot(t.viewer, evaluation.id, points(50)), "forbidden");
    await rejects(castBallot(t.outsider, evaluation.id, points(50)), "not_found");

    const revisions = await db.ballotRevision.findMany({ where: { evaluationId: evaluation.id }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(verifyChain(revisions).valid).toBe(true);
    expect(await db.ballot.count({ where: { evaluationId: evaluation.id } })).toBe(2);

    // Blind while voting: who voted, nothing computed from what they voted (tests/integration/blind-*.test.ts).
    const view = await getEvaluationView(t.viewer, evaluation.id);
    expect(view.members.filter((m) => m.voted)).toHaveLength(2);
    expect(view.ballots).toBeNull();
    expect(view.report).toBeNull();

    await transitionEvaluation(t.owner, evaluation.id, { action: "reveal" });
    await rejects(castBallot(t.member, evaluation.id, points(10)), "conflict");
    const revealed = await getEvaluationView(t.viewer, evaluation.id);
    expect(revealed.ballots).toHaveLength(2);
    // The member's latest ballot (20/80) and the owner's (50/50) average to 35/65.
    expect(revealed.report?.weights[keys[0]]).toBeCloseTo(0.35, 10);
    expect(revealed.report?.weights[keys[1]]).toBeCloseTo(0.65, 10);

    // A second round carries the ballots over inside the chain; the integrity check still holds.
    await transitionEvaluation(t.owner, evaluation.id, { action: "second-round" });
    await castBallot(t.member, evaluation.id, points(90));
    expect(await checkEvaluationIntegrity(t.viewer, evaluation.id)).toMatchObject({ valid: true, revisions: 6 });

    // The tally reads Ballot rows: one edited behind the application's back is flagged by name.
    await db.ballot.updateMany({
      where: { evaluationId: evaluation.id, userId: t.owner.userId, round: 2 },
      data: { payload: JSON.stringify({ weights: { [keys[0]]: 100 } }) },
    });
    const integrity = await checkEvaluationIntegrity(t.viewer, evaluation.id);
    expect(integrity.valid).toBe(false);
    expect(integrity.chain.valid).toBe(true);
    expect(integrity.ballots.reason).toContain(`${t.owner.name}'s round 2 ballot`);
  });
});

// Issue 15: the lifecycle of evaluations and teams.

/** A template evaluation open for voting with one member's ballot in. */
async function votingTemplate(t: Awaited<ReturnType<typeof createTeamWithRoles>>, title = "Lifecycle") {
  const evaluation = await createEvaluation(t.member, t.teamId, { title, template: "django-flask" });
  await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
  const criteria = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
  const ballot = { method: "points", weights: Object.fromEntries(criteria.map((c, i) => [c.key, i === 0 ? 100 : 0])) };
  return { evaluationId: evaluation.id, ballot };
}

describe("archive and restore", () => {
  it("files any status away for owners and admins only, keeps the status, refuses ballots while archived, and audits both", async () => {
    const t = await createTeamWithRoles();
    const { evaluationId, ballot } = await votingTemplate(t);
    await castBallot(t.member, evaluationId, ballot);

    await rejects(setEvaluationArchived(t.member, evaluationId, { archived: true }), "forbidden");
    await rejects(setEvaluationArchived(t.outsider, evaluationId, { archived: true }), "not_found");
    await setEvaluationArchived(t.admin, evaluationId, { archived: true });
    await rejects(setEvaluationArchived(t.owner, evaluationId, { archived: true }), "conflict");

    const archived = (await listTeamEvaluations(t.viewer, t.teamId)).find((e) => e.id === evaluationId)!;
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.status).toBe("voting");

    // Archive is filing, not closing: a ballot is refused with 409 and a message saying why, and nothing changes.
    const refused = await rejects(castBallot(t.admin, evaluationId, ballot), "conflict");
    expect(refused.message).toMatch(/archived/i);
    expect(await db.ballot.count({ where: { evaluationId } })).toBe(1);

    await setEvaluationArchived(t.owner, evaluationId, { archived: false });
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } })).archivedAt).toBeNull();
    await castBallot(t.admin, evaluationId, ballot);
    expect(await db.ballot.count({ where: { evaluationId } })).toBe(2);

    const actions = (await db.auditEntry.findMany({ where: { evaluationId }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toContain("evaluation.archived");
    expect(actions).toContain("evaluation.restored");
  });
});

describe("deleting drafts", () => {
  it("lets the creator, an admin or an owner delete a draft, and keeps its audit entries", async () => {
    const t = await createTeamWithRoles();
    const draft = await createEvaluation(t.member, t.teamId, { title: "Scratch", template: "django-flask" });
    await addComment(t.admin, draft.id, { body: "Let us not do this one" });
    const other = await createEvaluation(t.admin, t.teamId, { title: "Not yours", template: "blank" });

    await rejects(deleteDraftEvaluation(t.viewer, draft.id), "forbidden");
    await rejects(deleteDraftEvaluation(t.member, other.id), "forbidden");
    await rejects(deleteDraftEvaluation(t.outsider, draft.id), "not_found");

    await deleteDraftEvaluation(t.member, draft.id);
    await deleteDraftEvaluation(t.owner, other.id);
    expect(await db.evaluation.count({ where: { id: { in: [draft.id, other.id] } } })).toBe(0);
    expect(await db.rating.count({ where: { evaluationId: draft.id } })).toBe(0);
    expect(await db.comment.count({ where: { evaluationId: draft.id } })).toBe(0);

    // The audit trail outlives what it describes: the entries stay, unlinked, with one naming the deleted draft.
    const entries = await db.auditEntry.findMany({
      where: { teamId: t.teamId, action: { in: ["evaluation.created", "evaluation.deleted"] } },
    });
    const deleted = entries
      .filter((e) => e.action === "evaluation.deleted")
      .map((e) => JSON.parse(e.detail) as { id: string; title: string });
    expect(deleted.map((d) => d.title).sort()).toEqual(["Not yours", "Scratch"]);
    expect(deleted.find((d) => d.title === "Scratch")!.id).toBe(draft.id);
    expect(entries.every((e) => e.evaluationId === null)).toBe(true);
    expect(entries.filter((e) => e.action === "evaluation.created")).toHaveLength(2);
  });

  it("refuses to delete an evaluation past its draft, even for an owner", async () => {
    const t = await createTeamWithRoles();
    const { evaluationId } = await votingTemplate(t);
    const error = await rejects(deleteDraftEvaluation(t.owner, evaluationId), "conflict");
    expect(error.message).toMatch(/Only a draft can be deleted/);
    expect(await db.evaluation.count({ where: { id: evaluationId } })).toBe(1);
  });

  it("never deletes a voting evaluation when deleting a draft races opening its vote", async () => {
    const t = await createTeamWithRoles();
    for (let round = 0; round < 6; round++) {
      const draft = await createEvaluation(t.member, t.teamId, { title: `Race ${round}`, template: "django-flask" });
      const [opened, deleted] = await Promise.allSettled([
        transitionEvaluation(t.admin, draft.id, { action: "open-voting" }),
        deleteDraftEvaluation(t.owner, draft.id),
      ]);
      const row = await db.evaluation.findUnique({ where: { id: draft.id }, select: { status: true } });
      // Exactly one wins: deleted while still a draft (opening then finds nothing), or opened (deleting is refused).
      if (deleted.status === "fulfilled") {
        expect(row).toBeNull();
        expect(opened.status).toBe("rejected");
      } else {
        expect(opened.status).toBe("fulfilled");
        expect(row?.status).toBe("voting");
        expect((deleted.reason as AppError).code).toBe("conflict");
      }
    }
  });

  it("restores the decision a deleted revisiting draft superseded", async () => {
    const t = await createTeamWithRoles();
    const { evaluationId, ballot } = await votingTemplate(t);
    await castBallot(t.member, evaluationId, ballot);
    await transitionEvaluation(t.admin, evaluationId, { action: "reveal" });
    const option = await db.option.findFirstOrThrow({ where: { evaluationId } });
    await transitionEvaluation(t.admin, evaluationId, { action: "decide", optionId: option.id, rationale: "The team agreed on it." });
    const { evaluationId: revisit } = await transitionEvaluation(t.admin, evaluationId, { action: "supersede" });
    await deleteDraftEvaluation(t.admin, revisit);
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } })).status).toBe("decided");
  });
});

describe("renaming and deleting teams", () => {
  it("lets only an owner rename, with the name validated", async () => {
    const t = await createTeamWithRoles();
    await rejects(renameTeam(t.admin, t.teamId, { name: "Hijacked" }), "forbidden");
    await rejects(renameTeam(t.outsider, t.teamId, { name: "Hijacked" }), "not_found");
    const invalid = await rejects(renameTeam(t.owner, t.teamId, { name: " x " }), "invalid");
    expect(invalid.fields?.name).toMatch(/at least 2/);
    await renameTeam(t.owner, t.teamId, { name: "Platform guild" });
    expect((await db.team.findUniqueOrThrow({ where: { id: t.teamId } })).name).toBe("Platform guild");
  });

  it("deletes the team and everything in it for its owner only, confirmed by its name; accounts stay", async () => {
    const t = await createTeamWithRoles();
    const { evaluationId, ballot } = await votingTemplate(t, "Going away");
    await castBallot(t.member, evaluationId, ballot);
    await addComment(t.member, evaluationId, { body: "Before the team goes" });
    // The member also belongs to another team; the viewer and admin belong to this one only.
    const other = await createTeam(t.member, { name: "Elsewhere" });
    const team = await db.team.findUniqueOrThrow({ where: { id: t.teamId } });
    const versions = async () =>
      Object.fromEntries(
        (await db.user.findMany({ where: { id: { in: [t.owner.userId, t.admin.userId, t.member.userId, t.viewer.userId] } } })).map((u) => [
          u.id,
          u.sessionVersion,
        ]),
      );
    const before = await versions();

    await rejects(deleteTeam(t.admin, t.teamId, { confirmName: team.name }), "forbidden");
    await rejects(deleteTeam(t.member, t.teamId, { confirmName: team.name }), "forbidden");
    await rejects(deleteTeam(t.outsider, t.teamId, { confirmName: team.name }), "not_found");
    await rejects(getTeamDeletionSummary(t.admin, t.teamId), "forbidden");
    const wrong = await rejects(deleteTeam(t.owner, t.teamId, { confirmName: "not the name" }), "invalid");
    expect(wrong.fields?.confirmName).toContain(team.name);

    expect(await getTeamDeletionSummary(t.owner, t.teamId)).toEqual({ evaluations: 1, ballots: 1, comments: 1, members: 4 });
    const result = await deleteTeam(t.owner, t.teamId, { confirmName: team.name });
    expect(result).toMatchObject({ name: team.name, evaluations: 1, ballots: 1, comments: 1, members: 4 });

    expect(await db.team.findUnique({ where: { id: t.teamId } })).toBeNull();
    expect(await db.evaluation.count({ where: { teamId: t.teamId } })).toBe(0);
    expect(await db.ballot.count({ where: { evaluationId } })).toBe(0);
    expect(await db.membership.count({ where: { teamId: t.teamId } })).toBe(0);
    expect(await db.user.count({ where: { id: { in: [t.owner.userId, t.admin.userId, t.member.userId, t.viewer.userId] } } })).toBe(4);
    expect(await db.team.findUnique({ where: { id: other.id } })).not.toBeNull();

    // Members left with no team lose their sessions (as when removed from their last team); the
    // member with another team and the owner who chose to delete it keep theirs.
    const after = await versions();
    expect(after[t.admin.userId]).toBe(before[t.admin.userId] + 1);
    expect(after[t.viewer.userId]).toBe(before[t.viewer.userId] + 1);
    expect(after[t.member.userId]).toBe(before[t.member.userId]);
    expect(after[t.owner.userId]).toBe(before[t.owner.userId]);
  });
});

describe("a team's own citations", () => {
  it("adds an https citation to a draft's rating, refuses javascript: naming the field, and removes it", async () => {
    const t = await createTeamWithRoles();
    const draft = await createEvaluation(t.member, t.teamId, { title: "Cited", template: "django-flask" });
    const rating = await db.rating.findFirstOrThrow({ where: { evaluationId: draft.id } });
    const base = { optionId: rating.optionId, criterionId: rating.criterionId, title: "Our load test", quote: "p95 stayed under 80 ms." };

    const bad = await rejects(addRatingCitation(t.member, draft.id, { ...base, url: "javascript:alert(1)" }), "invalid");
    expect(bad.fields?.url).toMatch(/https/);
    expect(bad.message).toContain("url");
    await rejects(addRatingCitation(t.member, draft.id, { ...base, url: "http://wiki.example.com/load" }), "invalid");
    await rejects(addRatingCitation(t.viewer, draft.id, { ...base, url: "https://wiki.example.com/load" }), "forbidden");
    const before = await db.rating.findUniqueOrThrow({ where: { id: rating.id } });
    expect(before.citations).toBe(rating.citations);

    await addRatingCitation(t.member, draft.id, { ...base, url: "https://wiki.example.com/load" });
    const view = await getEvaluationView(t.viewer, draft.id);
    const cited = view.ratings.find((r) => r.optionId === rating.optionId && r.criterionId === rating.criterionId)!;
    const builtIn = JSON.parse(rating.citations).length;
    expect(cited.citations).toHaveLength(builtIn + 1);
    expect(cited.citations.at(-1)).toEqual({
      source: "https://wiki.example.com/load",
      title: "Our load test",
      url: "https://wiki.example.com/load",
      quote: "p95 stayed under 80 ms.",
    });

    await removeRatingCitation(t.member, draft.id, { optionId: rating.optionId, criterionId: rating.criterionId, index: builtIn });
    expect(JSON.parse((await db.rating.findUniqueOrThrow({ where: { id: rating.id } })).citations)).toHaveLength(builtIn);

    // Ratings and their sources change only in a draft.
    await transitionEvaluation(t.admin, draft.id, { action: "open-voting" });
    await rejects(addRatingCitation(t.member, draft.id, { ...base, url: "https://wiki.example.com/load" }), "conflict");
  });
});

describe("the voting deadline", () => {
  it("refuses a ballot once the deadline has passed, writing nothing, and takes one before it", async () => {
    const t = await createTeamWithRoles();
    const { evaluationId, ballot } = await votingTemplate(t);
    await db.evaluation.update({ where: { id: evaluationId }, data: { votingDeadline: new Date(Date.now() + 60_000) } });
    await castBallot(t.member, evaluationId, ballot);

    await db.evaluation.update({ where: { id: evaluationId }, data: { votingDeadline: new Date(Date.now() - 1_000) } });
    const refused = await rejects(castBallot(t.admin, evaluationId, ballot), "conflict");
    expect(refused.message).toMatch(/deadline has passed/);
    expect(await db.ballot.count({ where: { evaluationId } })).toBe(1);
    expect(await db.ballotRevision.count({ where: { evaluationId } })).toBe(1);
  });
});

describe("a second round", () => {
  it("keeps a deadline still ahead unless told otherwise, and tells members their ballots were carried over", async () => {
    const t = await createTeamWithRoles();
    const { evaluationId, ballot } = await votingTemplate(t);
    const deadline = new Date(Date.now() + 3 * 24 * 3600_000);
    await db.evaluation.update({ where: { id: evaluationId }, data: { votingDeadline: deadline } });
    await castBallot(t.member, evaluationId, ballot);
    await transitionEvaluation(t.admin, evaluationId, { action: "reveal" });

    await transitionEvaluation(t.admin, evaluationId, { action: "second-round" });
    let row = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(row.round).toBe(2);
    expect(row.votingDeadline?.toISOString()).toBe(deadline.toISOString());
    expect(await db.ballot.count({ where: { evaluationId, round: 2 } })).toBe(1);
    const notice = await db.notification.findFirstOrThrow({
      where: { userId: t.member.userId, evaluationId, kind: "voting_opened" },
      orderBy: { createdAt: "desc" },
    });
    expect(notice.title).toMatch(/Round 2 .*round 1 ballots were carried over/);
    expect(notice.title).toContain(`until ${formatUtcDateTime(deadline)}`);

    // An explicit empty deadline clears it; a new one replaces it.
    await transitionEvaluation(t.admin, evaluationId, { action: "reveal" });
    await transitionEvaluation(t.admin, evaluationId, { action: "second-round", deadline: "" });
    row = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(row.round).toBe(3);
    expect(row.votingDeadline).toBeNull();
  });
});
