import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { castPairwiseAndPointsBallots, createTeamWithRoles } from "../support/factories";
import { createEvaluation } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { getEvaluationReport, getEvaluationView } from "@/lib/domain/report";
import type { Actor } from "@/lib/domain/authorize";

// Issue 10, findings 1 and 2: until the ballots are revealed, nobody (the owner included) learns
// anything computed from them: no per-voter consistency, no team weights or spread, no ranking.
// They see who has voted and how many, and their own ballot.

const ROLES = ["owner", "admin", "member", "viewer"] as const;

/** Keys of the engine's report and the view's aggregates that must not leave the server while blind. */
const AGGREGATE_KEYS = ["consistency", "inconsistentJudgments", "winProbability", "sensitivity", "consensus", "mostContested", "ranking"];

async function votingWithTwoBallots(visibility?: "blind" | "open") {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.owner, t.teamId, {
    title: "Django or Flask, blind",
    template: "django-flask",
    ...(visibility ? { visibility } : {}),
  });
  await transitionEvaluation(t.owner, evaluation.id, { action: "open-voting" });
  const keys = await castPairwiseAndPointsBallots(t, evaluation.id);
  return { t, evaluationId: evaluation.id, keys };
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, found));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      found.add(k);
      keysOf(v, found);
    }
  }
  return found;
}

/** The view or report as it travels (JSON), with the actor's own ballot taken out. */
function othersOnly(view: unknown, actor: Actor) {
  const copy = JSON.parse(JSON.stringify(view));
  if (copy && typeof copy === "object" && "myBallot" in copy && copy.myBallot?.voter === actor.userId) copy.myBallot = "(mine)";
  return copy;
}

describe("blind voting: finding 1, pairwise ballots do not leak before reveal", () => {
  it("carries no consistency or inconsistent judgments, keyed by voter or not, in the view or the report, for any role", async () => {
    const { t, evaluationId } = await votingWithTwoBallots();
    for (const role of ROLES) {
      const view = await getEvaluationView(t[role], evaluationId);
      const report = await getEvaluationReport(t[role], evaluationId);
      for (const [what, body] of [
        ["view", view],
        ["report", report],
      ] as const) {
        const keys = keysOf(othersOnly(body, t[role]));
        expect(keys.has("consistency"), `${role}'s ${what} carries consistency`).toBe(false);
        expect(keys.has("inconsistentJudgments"), `${role}'s ${what} carries inconsistentJudgments`).toBe(false);
        // No voter id appears as a key anywhere (per-voter statistics).
        expect(keys.has(t.member.userId), `${role}'s ${what} is keyed by the pairwise voter's id`).toBe(false);
        expect(keys.has(t.admin.userId), `${role}'s ${what} is keyed by the points voter's id`).toBe(false);
      }
      expect(report.report, `${role}'s /report`).toBeNull();
      expect(report).toMatchObject({ evaluation: { id: evaluationId, status: "voting" }, reportHidden: { hidden: "blind" } });
    }
  });
});

describe("blind voting: finding 2, no live aggregate reveals a ballot", () => {
  it("shows who voted and how many, never weights, spread, consensus or ranking: the owner included", async () => {
    const { t, evaluationId } = await votingWithTwoBallots();
    for (const role of ROLES) {
      const view = await getEvaluationView(t[role], evaluationId);
      expect(view.report, `${role} sees a report`).toBeNull();
      expect(view.reportHidden, role).toMatchObject({ hidden: "blind" });
      expect(view.weightSpread, `${role} sees the weight spread`).toBeNull();
      expect(view.ballots, role).toBeNull();
      expect(
        view.members
          .filter((m) => m.voted)
          .map((m) => m.id)
          .sort(),
      ).toEqual([t.admin.userId, t.member.userId].sort());
      const keys = keysOf(othersOnly(view, t[role]));
      for (const key of AGGREGATE_KEYS) expect(keys.has(key), `${role}'s view carries "${key}"`).toBe(false);
      // Nothing carries the admin's 37 / 63 but the admin's own ballot.
      const text = JSON.stringify(othersOnly(view, t[role]));
      expect(text, role).not.toMatch(/:(37|63)\b|0\.(37|63)\b/);
    }
  });

  it("does not show the first voter's ballot as the ranking", async () => {
    const t = await createTeamWithRoles();
    const evaluation = await createEvaluation(t.owner, t.teamId, { title: "One ballot in", template: "django-flask" });
    await transitionEvaluation(t.owner, evaluation.id, { action: "open-voting" });
    const [a, b] = (await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } })).map(
      (x) => x.key,
    );
    await castBallot(t.member, evaluation.id, { method: "points", weights: { [a]: 37, [b]: 63 } });
    for (const role of ROLES) {
      expect((await getEvaluationView(t[role], evaluation.id)).report, role).toBeNull();
      expect((await getEvaluationReport(t[role], evaluation.id)).report, role).toBeNull();
    }
    // The voter keeps their own ballot, to revise it or preview it privately.
    expect((await getEvaluationView(t.member, evaluation.id)).myBallot).toMatchObject({ method: "points", weights: { [a]: 37, [b]: 63 } });
    expect((await getEvaluationView(t.owner, evaluation.id)).myBallot).toBeNull();
  });

  it("gives watching the view after each vote nothing: the view is the same before and after a ballot, but for who voted", async () => {
    const { t, evaluationId, keys } = await votingWithTwoBallots();
    const strip = (v: Awaited<ReturnType<typeof getEvaluationView>>) => ({
      ...v,
      revision: 0,
      members: v.members.map((m) => ({ ...m, voted: false })),
    });
    const before = strip(await getEvaluationView(t.viewer, evaluationId));
    await castBallot(t.owner, evaluationId, { method: "points", weights: { [keys.a]: 10, [keys.c]: 90 } });
    const after = strip(await getEvaluationView(t.viewer, evaluationId));
    expect(after).toEqual(before);
  });

  it("shows everything once revealed: the report, the spread, each ballot and each pairwise ballot's consistency", async () => {
    const { t, evaluationId, keys } = await votingWithTwoBallots();
    await transitionEvaluation(t.owner, evaluationId, { action: "reveal" });
    for (const role of ROLES) {
      const view = await getEvaluationView(t[role], evaluationId);
      expect(view.reportHidden).toBeNull();
      expect(view.report?.consistency[t.member.userId]).toBeGreaterThan(0.1);
      expect(view.report?.inconsistentJudgments?.[t.member.userId]?.length).toBeGreaterThan(0);
      expect(view.weightSpread?.[keys.a]).toBeDefined();
      expect(view.ballots?.find((b) => b.voter === t.admin.userId)?.weights[keys.a]).toBeCloseTo(0.37, 10);
      const report = await getEvaluationReport(t[role], evaluationId);
      expect(report.reportHidden).toBeNull();
      expect(report.report?.ranking.length).toBe(2);
    }
  });
});

describe("open voting", () => {
  it("is chosen when creating, shows live results during voting and says so in the view", async () => {
    const { t, evaluationId, keys } = await votingWithTwoBallots("open");
    const view = await getEvaluationView(t.viewer, evaluationId);
    expect(view.visibility).toBe("open");
    expect(view.reportHidden).toBeNull();
    expect(view.report?.ranking.length).toBe(2);
    expect(view.weightSpread?.[keys.a]).toBeDefined();
    // Results are live; who voted what is still shown only at reveal.
    expect(view.ballots).toBeNull();
    expect((await getEvaluationReport(t.viewer, evaluationId)).report).not.toBeNull();
  });

  it("shows no single voter's pairwise consistency or judgments before the reveal, in the view or the API", async () => {
    const { t, evaluationId } = await votingWithTwoBallots("open");
    for (const report of [
      (await getEvaluationView(t.viewer, evaluationId)).report,
      (await getEvaluationReport(t.viewer, evaluationId)).report,
    ]) {
      expect(report?.ranking.length).toBe(2);
      expect(report?.consistency).toEqual({});
      expect(report?.inconsistentJudgments ?? {}).toEqual({});
      expect(JSON.stringify(report)).not.toContain(t.member.userId);
    }
    await transitionEvaluation(t.owner, evaluationId, { action: "reveal" });
    const revealed = (await getEvaluationView(t.viewer, evaluationId)).report;
    expect(revealed?.consistency[t.member.userId]).toBeGreaterThan(0.1);
  });

  it("defaults to blind, and refuses a visibility it does not know", async () => {
    const t = await createTeamWithRoles();
    const blind = await createEvaluation(t.owner, t.teamId, { title: "Default", template: "blank" });
    expect((await getEvaluationView(t.owner, blind.id)).visibility).toBe("blind");
    await expect(createEvaluation(t.owner, t.teamId, { title: "Odd", template: "blank", visibility: "public" })).rejects.toMatchObject({
      code: "invalid",
      fields: { visibility: expect.any(String) },
    });
  });
});
