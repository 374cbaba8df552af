import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { AppError } from "@/lib/errors";
import { createEvaluation } from "@/lib/domain/evaluations";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { castBallot } from "@/lib/domain/ballots";
import { deleteScenario, listScenarios, saveScenario } from "@/lib/domain/scenarios";
import { LIMITS } from "@/lib/limits";

// Issue 15: saved what-if scenarios. A scenario is one member's what-if, shared with the team by
// link; it may equal its creator's ballot, so while a blind vote is open only its creator sees it.

async function rejects(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError "${code}"`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function setUp(visibility: "blind" | "open" = "blind") {
  const team = await createTeamWithRoles();
  const evaluation = await createEvaluation(team.owner, team.teamId, { title: "Django or Flask", template: "django-flask", visibility });
  const keys = (await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } })).map((c) => c.key);
  const weights = { [keys[0]]: 60, [keys[1]]: 40 };
  return { ...team, evaluationId: evaluation.id, keys, weights };
}

const revisionOf = async (id: string) => (await db.evaluation.findUniqueOrThrow({ where: { id } })).revision;

describe("scenarios", () => {
  it("saves a named what-if, lists it with its creator and bumps the revision live pages watch", async () => {
    const t = await setUp("open");
    const before = await revisionOf(t.evaluationId);
    const saved = await saveScenario(t.member, t.evaluationId, { name: "  Security first  ", weights: t.weights });
    expect(saved).toMatchObject({
      name: "Security first",
      weights: t.weights,
      createdBy: { id: t.member.userId },
      canDelete: true,
      shared: true,
    });
    expect(await revisionOf(t.evaluationId)).toBe(before + 1);
    const listed = await listScenarios(t.viewer, t.evaluationId);
    expect(listed.map((s) => [s.id, s.name, s.canDelete])).toEqual([[saved.id, "Security first", false]]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { evaluationId: t.evaluationId, action: "scenario.saved" } });
    // The weights are not in the audit log: they may be a blind ballot.
    expect(audit.detail).not.toContain(String(t.keys[0]));
  });

  it("validates the name and the weights, naming the field, and changes nothing", async () => {
    const t = await setUp();
    const before = await revisionOf(t.evaluationId);
    expect((await rejects(saveScenario(t.member, t.evaluationId, { name: "", weights: t.weights }), "invalid")).fields?.name).toMatch(
      /Name the scenario/,
    );
    expect(
      (await rejects(saveScenario(t.member, t.evaluationId, { name: "x".repeat(81), weights: t.weights }), "invalid")).fields?.name,
    ).toMatch(/at most 80/);
    const unknown = await rejects(saveScenario(t.member, t.evaluationId, { name: "Typo", weights: { ...t.weights, rails: 0 } }), "invalid");
    expect(unknown.fields?.["weights.rails"]).toMatch(/Unknown criterion "rails"/);
    expect(unknown.message).toMatch(/rails/);
    const total = await rejects(saveScenario(t.member, t.evaluationId, { name: "Short", weights: { [t.keys[0]]: 60 } }), "invalid");
    expect(total.fields?.weights).toMatch(/add up to 100 \(they add up to 60\)/);
    const negative = await rejects(
      saveScenario(t.member, t.evaluationId, { name: "Neg", weights: { [t.keys[0]]: 110, [t.keys[1]]: -10 } }),
      "invalid",
    );
    expect(negative.fields?.[`weights.${t.keys[0]}`]).toMatch(/at most 100/);
    expect(negative.fields?.[`weights.${t.keys[1]}`]).toMatch(/negative/);
    const extra = await rejects(saveScenario(t.member, t.evaluationId, { name: "Extra", weights: t.weights, owner: "me" }), "invalid");
    expect(extra.message).toMatch(/owner/);
    expect(await revisionOf(t.evaluationId)).toBe(before);
    expect(await db.scenario.count({ where: { evaluationId: t.evaluationId } })).toBe(0);
  });

  it("lets members save but not viewers, and hides everything from another team", async () => {
    const t = await setUp("open");
    await rejects(saveScenario(t.viewer, t.evaluationId, { name: "Watching", weights: t.weights }), "forbidden");
    const saved = await saveScenario(t.member, t.evaluationId, { name: "Mine", weights: t.weights });
    await rejects(listScenarios(t.outsider, t.evaluationId), "not_found");
    await rejects(saveScenario(t.outsider, t.evaluationId, { name: "Theirs", weights: t.weights }), "not_found");
    await rejects(deleteScenario(t.outsider, t.evaluationId, saved.id), "not_found");
    await rejects(deleteScenario(t.viewer, t.evaluationId, saved.id), "forbidden");
    expect(await db.scenario.count({ where: { evaluationId: t.evaluationId } })).toBe(1);
  });

  it("deletes by its creator or an admin, not by another member", async () => {
    const t = await setUp("open");
    const mine = await saveScenario(t.member, t.evaluationId, { name: "Mine", weights: t.weights });
    const admins = await saveScenario(t.admin, t.evaluationId, { name: "Admin's", weights: t.weights });
    await rejects(deleteScenario(t.member, t.evaluationId, admins.id), "forbidden");
    await deleteScenario(t.admin, t.evaluationId, mine.id);
    await deleteScenario(t.admin, t.evaluationId, admins.id);
    await rejects(deleteScenario(t.admin, t.evaluationId, admins.id), "not_found");
    const other = await setUp("open");
    const elsewhere = await saveScenario(other.member, other.evaluationId, { name: "Elsewhere", weights: other.weights });
    // A scenario id from another evaluation is not found through this one.
    await rejects(deleteScenario(t.owner, t.evaluationId, elsewhere.id), "not_found");
    expect(await db.scenario.count({ where: { evaluationId: other.evaluationId } })).toBe(1);
  });

  it("keeps a scenario to its creator while a blind vote is open, and shares it once revealed", async () => {
    const t = await setUp("blind");
    await transitionEvaluation(t.owner, t.evaluationId, { action: "open-voting" });
    await castBallot(t.member, t.evaluationId, { method: "points", weights: t.weights });
    const ballotAsScenario = await saveScenario(t.member, t.evaluationId, { name: "What I voted", weights: t.weights });
    expect(ballotAsScenario.shared).toBe(false);
    expect((await listScenarios(t.member, t.evaluationId)).map((s) => s.id)).toEqual([ballotAsScenario.id]);
    for (const reader of [t.owner, t.admin, t.viewer]) expect(await listScenarios(reader, t.evaluationId)).toEqual([]);
    // Not even its existence: deleting it as an admin is "not found" while it is private.
    await rejects(deleteScenario(t.admin, t.evaluationId, ballotAsScenario.id), "not_found");

    await transitionEvaluation(t.owner, t.evaluationId, { action: "reveal" });
    const revealed = await listScenarios(t.viewer, t.evaluationId);
    expect(revealed).toMatchObject([{ id: ballotAsScenario.id, weights: t.weights, shared: true }]);
  });

  it("shares scenarios while an open vote runs", async () => {
    const t = await setUp("open");
    await transitionEvaluation(t.owner, t.evaluationId, { action: "open-voting" });
    const saved = await saveScenario(t.member, t.evaluationId, { name: "Open", weights: t.weights });
    expect((await listScenarios(t.viewer, t.evaluationId)).map((s) => s.id)).toEqual([saved.id]);
  });

  it(`holds at most ${LIMITS.scenariosPerEvaluation} scenarios, counted under the lock when saves race`, async () => {
    const t = await setUp("open");
    const limit = LIMITS.scenariosPerEvaluation;
    await db.scenario.createMany({
      data: Array.from({ length: limit - 3 }, (_, i) => ({
        evaluationId: t.evaluationId,
        createdById: t.member.userId,
        name: `s${i}`,
        weights: JSON.stringify(t.weights),
      })),
    });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        saveScenario(i % 2 ? t.member : t.admin, t.evaluationId, { name: `race ${i}`, weights: t.weights }).then(
          () => "saved",
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "saved")).toHaveLength(3);
    expect(outcomes.filter((o) => o !== "saved")).toEqual(Array(5).fill("conflict"));
    expect(await db.scenario.count({ where: { evaluationId: t.evaluationId } })).toBe(limit);
  });
});
