import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { createEvaluation, listTeamEvaluations } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { getEvaluationView } from "@/lib/domain/report";
import { changeRole, leaveTeam, removeMember } from "@/lib/domain/teams";
import { checkEvaluationIntegrity } from "@/lib/domain/records";

// Issue 10, finding 5: a member who leaves, is removed or is demoted to viewer while an evaluation
// is in voting or revealed stops counting from that moment. Their current ballot is withdrawn in
// the same transaction as the membership change; the hash chain keeps its history.

async function setUp() {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.owner, t.teamId, { title: "Withdrawals", template: "django-flask" });
  await transitionEvaluation(t.owner, evaluation.id, { action: "open-voting" });
  const [a, b] = (await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } })).map((x) => x.key);
  const points = (first: number) => ({ method: "points", weights: { [a]: first, [b]: 100 - first } });
  await castBallot(t.owner, evaluation.id, points(50));
  await castBallot(t.admin, evaluation.id, points(50));
  await castBallot(t.member, evaluation.id, points(100));
  return { t, evaluationId: evaluation.id, keys: { a, b }, points };
}

async function withdrawals(evaluationId: string) {
  const rows = await db.auditEntry.findMany({ where: { evaluationId, action: "ballot.withdrawn" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>);
}

describe("a member who stops being a voter stops counting", () => {
  it("removing a member during voting withdraws their ballot, keeps its revisions and records why", async () => {
    const { t, evaluationId, keys } = await setUp();
    const revisionsBefore = await db.ballotRevision.count({ where: { evaluationId } });
    const revisionCounter = (await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } })).revision;

    await removeMember(t.owner, t.teamId, t.member.userId);

    expect(await db.ballot.count({ where: { evaluationId, userId: t.member.userId } })).toBe(0);
    expect(await db.ballotRevision.count({ where: { evaluationId } })).toBe(revisionsBefore);
    expect(await withdrawals(evaluationId)).toEqual([
      expect.objectContaining({ userId: t.member.userId, round: 1, reason: "member.removed" }),
    ]);
    // Live reports watch the revision counter: the change reaches open pages.
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } })).revision).toBeGreaterThan(revisionCounter);
    // Ballot counts, the weights and their spread no longer include the member's 100 / 0.
    expect((await listTeamEvaluations(t.owner, t.teamId)).find((e) => e.id === evaluationId)?.ballots).toBe(2);
    await transitionEvaluation(t.owner, evaluationId, { action: "reveal" });
    const view = await getEvaluationView(t.viewer, evaluationId);
    expect(view.ballots?.map((b) => b.voter).sort()).toEqual([t.owner.userId, t.admin.userId].sort());
    expect(view.report?.weights[keys.a]).toBeCloseTo(0.5, 10);
    expect(view.weightSpread?.[keys.a].sd).toBeCloseTo(0, 10);
    expect(await checkEvaluationIntegrity(t.viewer, evaluationId)).toMatchObject({ valid: true });
  });

  it("leaving after reveal withdraws the ballot; a second round does not carry it forward and the chain still checks", async () => {
    const { t, evaluationId, keys, points } = await setUp();
    await transitionEvaluation(t.owner, evaluationId, { action: "reveal" });
    await leaveTeam(t.member, t.teamId);
    expect(await withdrawals(evaluationId)).toEqual([
      expect.objectContaining({ userId: t.member.userId, round: 1, reason: "member.left" }),
    ]);
    expect((await getEvaluationView(t.viewer, evaluationId)).report?.weights[keys.a]).toBeCloseTo(0.5, 10);

    await transitionEvaluation(t.owner, evaluationId, { action: "second-round" });
    expect(await db.ballot.findMany({ where: { evaluationId, round: 2 }, select: { userId: true } })).toHaveLength(2);
    expect(await db.ballot.count({ where: { evaluationId, userId: t.member.userId } })).toBe(0);
    await castBallot(t.admin, evaluationId, points(80));
    expect(await checkEvaluationIntegrity(t.viewer, evaluationId)).toMatchObject({
      valid: true,
      ballots: { valid: true },
      chain: { valid: true },
    });
    await transitionEvaluation(t.owner, evaluationId, { action: "reveal" });
    const view = await getEvaluationView(t.viewer, evaluationId);
    expect(view.ballots?.map((b) => b.voter).sort()).toEqual([t.owner.userId, t.admin.userId].sort());
    expect(view.report?.weights[keys.a]).toBeCloseTo(0.65, 10);
  });

  it("demoting a voter to viewer withdraws their ballot; other role changes do not", async () => {
    const { t, evaluationId } = await setUp();
    await changeRole(t.owner, t.teamId, { userId: t.admin.userId, role: "member" });
    expect(await db.ballot.count({ where: { evaluationId, userId: t.admin.userId } })).toBe(1);
    await changeRole(t.owner, t.teamId, { userId: t.member.userId, role: "viewer" });
    expect(await db.ballot.count({ where: { evaluationId, userId: t.member.userId } })).toBe(0);
    expect(await withdrawals(evaluationId)).toEqual([expect.objectContaining({ userId: t.member.userId, reason: "member.demoted" })]);
    const view = await getEvaluationView(t.owner, evaluationId);
    expect(
      view.members
        .filter((m) => m.voted)
        .map((m) => m.id)
        .sort(),
    ).toEqual([t.owner.userId, t.admin.userId].sort());
    expect(await checkEvaluationIntegrity(t.viewer, evaluationId)).toMatchObject({ valid: true });
  });

  it("leaves decided evaluations, and the ballots of earlier rounds, as they are", async () => {
    const { t, evaluationId } = await setUp();
    await transitionEvaluation(t.owner, evaluationId, { action: "reveal" });
    const django = await db.option.findFirstOrThrow({ where: { evaluationId, key: "django" } });
    await transitionEvaluation(t.owner, evaluationId, { action: "decide", optionId: django.id, rationale: "Django ships what we need." });
    await removeMember(t.admin, t.teamId, t.member.userId);
    expect(await db.ballot.count({ where: { evaluationId, userId: t.member.userId } })).toBe(1);
    expect(await withdrawals(evaluationId)).toEqual([]);
    expect(await checkEvaluationIntegrity(t.viewer, evaluationId)).toMatchObject({ valid: true });
  });
});
