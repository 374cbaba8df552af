import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { AppError } from "@/lib/errors";
import { addItem, createEvaluation } from "@/lib/domain/evaluations";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { LIMITS } from "@/lib/limits";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("draft guard rails", () => {
  it("refuses an option past the limit, a duplicate name, and voting with ratings missing or a quorum above the voters", async () => {
    const t = await createTeamWithRoles();
    const evaluation = await createEvaluation(t.member, t.teamId, { title: "Limits", template: "blank" });
    await db.option.createMany({
      data: Array.from({ length: LIMITS.optionsPerEvaluation }, (_, i) => ({
        evaluationId: evaluation.id,
        key: `o${i}`,
        name: `Option ${i}`,
        position: i,
      })),
    });
    const tooMany = await refusal(addItem(t.member, evaluation.id, { kind: "option", name: "One more" }));
    expect(tooMany.fields?.name).toBe(`An evaluation has at most ${LIMITS.optionsPerEvaluation} options.`);
    const duplicate = await refusal(addItem(t.member, evaluation.id, { kind: "option", name: " option 3 " }));
    expect(duplicate.message).toBe('This evaluation already has an option named "Option 3".');

    await addItem(t.member, evaluation.id, { kind: "criterion", name: "Hiring pool" });
    const unrated = await refusal(transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" }));
    expect(unrated.message).toBe(`Rate every option on every criterion before voting: ${LIMITS.optionsPerEvaluation} ratings are missing.`);

    const template = await createEvaluation(t.member, t.teamId, { title: "Quorum", template: "django-flask" });
    // owner, admin and member can vote; the viewer cannot.
    const quorum = await refusal(transitionEvaluation(t.admin, template.id, { action: "open-voting", quorum: 4 }));
    expect(quorum.fields?.quorum).toBe("At most 3");
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: template.id } })).status).toBe("draft");
  });
});
