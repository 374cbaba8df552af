import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles, createUser } from "../support/factories";
import { AppError } from "@/lib/errors";
import { authenticate, signUp } from "@/lib/domain/users";
import { createTeam, changeRole, leaveTeam, removeMember } from "@/lib/domain/teams";
import { acceptInvitation, createInvitation } from "@/lib/domain/invitations";
import { addItem, createEvaluation, removeItem, renameItem, setRating } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { getEvaluationView } from "@/lib/domain/report";
import { verifyChain } from "@/lib/export/ballot-chain";
import { checkEvaluationIntegrity } from "@/lib/domain/records";

async function rejects(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(() => null, (e: unknown) => e);
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
    await db.ballot.updateMany({ where: { evaluationId: evaluation.id, userId: t.owner.userId, round: 2 }, data: { payload: JSON.stringify({ weights: { [keys[0]]: 100 } }) } });
    const integrity = await checkEvaluationIntegrity(t.viewer, evaluation.id);
    expect(integrity.valid).toBe(false);
    expect(integrity.chain.valid).toBe(true);
    expect(integrity.ballots.reason).toContain(`${t.owner.name}'s round 2 ballot`);
  });
});
