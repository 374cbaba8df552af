import { describe, expect, it } from "vitest";
import { castPairwiseAndPointsBallots, createTeamWithRoles } from "../support/factories";
import { createEvaluation } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { getEvaluationView } from "@/lib/domain/report";
import type { Actor } from "@/lib/domain/authorize";
import { EvaluationViewSchema } from "@/lib/api/evaluation-view";

// The evaluation view's schema (lib/api/evaluation-view.ts) is the contract the page, the browser
// cache and GET /api/v1/evaluations/{id} share. Through a whole lifecycle, as every role, the view as
// it travels (JSON) must parse, and parse to itself: a field the server sends that the schema does
// not describe would be stripped by the parse and fail the comparison.

function expectViewMatchesSchema(view: unknown, where: string) {
  const travelled = JSON.parse(JSON.stringify(view));
  const parsed = EvaluationViewSchema.safeParse(travelled);
  if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  expect(parsed.data, where).toEqual(travelled);
}

describe("the evaluation view's schema", () => {
  it("describes every field the view carries, in every state and for every role", async () => {
    const t = await createTeamWithRoles();
    const roles: [string, Actor][] = [
      ["owner", t.owner],
      ["admin", t.admin],
      ["member", t.member],
      ["viewer", t.viewer],
    ];
    const checkAll = async (state: string) => {
      for (const [role, actor] of roles) expectViewMatchesSchema(await getEvaluationView(actor, evaluation.id), `${state}, ${role}`);
    };

    const evaluation = await createEvaluation(t.owner, t.teamId, {
      title: "Django or Flask",
      template: "django-flask",
      profile: { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: [] },
    });
    await checkAll("draft with a suggestion");
    const draft = await getEvaluationView(t.owner, evaluation.id);
    expect(draft.suggestedWeights?.explanations.length).toBeGreaterThan(0);

    await transitionEvaluation(t.owner, evaluation.id, { action: "open-voting", quorum: "2" });
    await castPairwiseAndPointsBallots(t, evaluation.id);
    await checkAll("voting, blind");

    await transitionEvaluation(t.owner, evaluation.id, { action: "reveal" });
    await checkAll("revealed");
    const revealed = await getEvaluationView(t.owner, evaluation.id);
    expect(revealed.report?.inconsistentJudgments).toBeDefined();
    expect(revealed.report?.aggregations?.rules.length).toBeGreaterThan(0);

    await transitionEvaluation(t.owner, evaluation.id, { action: "second-round" });
    await castBallot(t.admin, evaluation.id, { method: "likert", weights: Object.fromEntries(revealed.criteria.map((x) => [x.key, 3])) });
    await transitionEvaluation(t.owner, evaluation.id, { action: "reveal" });
    const second = await getEvaluationView(t.owner, evaluation.id);
    expect(second.ballots?.some((ballot) => ballot.changes && ballot.changes.length > 0)).toBe(true);
    await checkAll("second round revealed");

    const leader = second.options.find((o) => o.key === second.report?.ranking[0].option)!;
    await transitionEvaluation(t.owner, evaluation.id, {
      action: "decide",
      optionId: leader.id,
      rationale: "The ranking and the discussion agree.",
    });
    await checkAll("decided");
    await transitionEvaluation(t.owner, evaluation.id, { action: "supersede" });
    await checkAll("superseded");
    expect((await getEvaluationView(t.owner, evaluation.id)).supersededBy).not.toBeNull();
  });

  it("fails on a field the schema does not describe", () => {
    const view = {
      ...{ id: "e", teamId: "t", teamName: "T", title: "x", problem: "", status: "draft", visibility: "blind", round: 1, revision: 0 },
      ...{ aggregation: "mean", votingDeadline: null, quorum: null, decision: null, supersededBy: null, supersedes: null },
      ...{ myRole: "owner", options: [], criteria: [], ratings: [], members: [], myBallot: null, ballots: null },
      ...{
        table: { options: [], criteria: [], ratings: {} },
        report: null,
        reportHidden: null,
        weightSpread: null,
        suggestedWeights: null,
      },
    };
    expectViewMatchesSchema(view, "a complete view");
    expect(() => expectViewMatchesSchema({ ...view, secret: "ballot values" }, "an extra field")).toThrow();
  });
});
