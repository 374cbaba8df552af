import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { AppError } from "@/lib/errors";
import { addItem, createEvaluation, setRating } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { getEvaluationView } from "@/lib/domain/report";
import { exportDecisionRecord } from "@/lib/domain/records";

// Names such as "Constructor", "toString" or "__proto__" become keys that collide with
// Object.prototype. They must behave like any other name: ballots that leave them out are refused,
// weights stay finite, and every export works.

describe("criteria and options named like JavaScript object members", () => {
  it("are ordinary keys from the ballot to the record", async () => {
    const t = await createTeamWithRoles();
    const evaluation = await createEvaluation(t.member, t.teamId, { title: "Prototype names", template: "blank" });
    for (const name of ["hasOwnProperty", "valueOf"]) await addItem(t.member, evaluation.id, { kind: "option", name });
    for (const name of ["Constructor", "toString", "__proto__"]) await addItem(t.member, evaluation.id, { kind: "criterion", name });
    const options = await db.option.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
    const criteria = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
    expect(criteria.map((c) => c.key)).toEqual(["constructor", "tostring", "proto"]);
    for (const [i, o] of options.entries()) {
      for (const [j, c] of criteria.entries())
        await setRating(t.member, evaluation.id, { optionId: o.id, criterionId: c.id, score: i === 0 ? 2 + j : 8 - j });
    }
    await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });

    // A 1-5 ballot that leaves "constructor" unrated is refused instead of reading it from the prototype.
    const partial = await castBallot(t.member, evaluation.id, { method: "likert", weights: { tostring: 3, proto: 3 } }).catch(
      (e: unknown) => e,
    );
    expect(partial).toBeInstanceOf(AppError);
    await castBallot(t.member, evaluation.id, { method: "points", weights: { constructor: 60, tostring: 30, proto: 10 } });
    await castBallot(t.admin, evaluation.id, { method: "likert", weights: { constructor: 5, tostring: 2, proto: 1 } });
    await transitionEvaluation(t.owner, evaluation.id, { action: "reveal" });

    const view = await getEvaluationView(t.viewer, evaluation.id);
    const weights = view.report!.weights;
    expect(Object.keys(weights).sort()).toEqual(["constructor", "proto", "tostring"]);
    for (const value of Object.values(weights)) expect(Number.isFinite(value)).toBe(true);
    // Not the equal-weights fallback: "constructor" carries most of the weight in both ballots.
    expect(weights.constructor).toBeGreaterThan(0.5);
    for (const format of ["md", "json", "csv"] as const) {
      const file = await exportDecisionRecord(t.viewer, evaluation.id, format);
      expect(file.body).toContain("Constructor");
    }
  });
});
