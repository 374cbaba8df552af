"use server";

import { redirect } from "next/navigation";
import { createEvaluation } from "@/lib/domain/evaluations";
import { formToObject, keepValues, runAction } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";

/** Form fields → the createEvaluation input; the profile is only sent when the questionnaire is on. */
function evaluationInput(form: FormData) {
  const values = formToObject(form);
  const needs = values.needs === undefined ? [] : ([] as unknown[]).concat(values.needs);
  return {
    title: values.title,
    problem: values.problem,
    template: values.template,
    visibility: values.visibility,
    profile:
      values.useProfile === "on"
        ? {
            projectSize: values.projectSize,
            timeline: values.timeline,
            teamExperience: values.teamExperience,
            teamSize: values.teamSize === "" ? undefined : Number(values.teamSize),
            needs,
            budget: values.budget || undefined,
            teamPreference: values.teamPreference || undefined,
          }
        : undefined,
  };
}

export async function createEvaluationAction(teamId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => createEvaluation(actor, teamId, evaluationInput(form)));
  if (result?.ok) redirect(`/evaluations/${(result.data as { id: string }).id}`);
  return keepValues(result, form, ["title", "problem", "template", "visibility"]);
}
