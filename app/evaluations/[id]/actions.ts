"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import {
  addItem,
  addRatingCitation,
  deleteDraftEvaluation,
  removeItem,
  removeRatingCitation,
  renameItem,
  setEvaluationArchived,
  setRating,
  updateEvaluationDetails,
} from "@/lib/domain/evaluations";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { runAction } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";

// Thin wrappers: each calls one domain operation for the signed-in user; the client invalidates
// its evaluation query afterwards, and live streams tell the other members.

export async function addItemAction(evaluationId: string, input: unknown): Promise<ActionState> {
  return runAction(async (actor) => {
    await addItem(actor, evaluationId, input);
  });
}

export async function renameItemAction(evaluationId: string, input: unknown): Promise<ActionState> {
  return runAction((actor) => renameItem(actor, evaluationId, input));
}

export async function removeItemAction(evaluationId: string, input: unknown): Promise<ActionState> {
  return runAction((actor) => removeItem(actor, evaluationId, input));
}

export async function setRatingAction(evaluationId: string, input: unknown): Promise<ActionState> {
  return runAction((actor) => setRating(actor, evaluationId, input));
}

export async function updateDetailsAction(evaluationId: string, input: unknown): Promise<ActionState> {
  return runAction((actor) => updateEvaluationDetails(actor, evaluationId, input));
}

export async function transitionAction(evaluationId: string, input: unknown): Promise<ActionState<{ evaluationId: string }>> {
  return runAction((actor) => transitionEvaluation(actor, evaluationId, input));
}

export async function setArchivedAction(evaluationId: string, archived: boolean): Promise<ActionState> {
  const result = await runAction((actor) => setEvaluationArchived(actor, evaluationId, { archived }));
  revalidatePath(`/evaluations/${evaluationId}`);
  return result;
}

export async function deleteDraftAction(evaluationId: string): Promise<ActionState> {
  const result = await runAction((actor) => deleteDraftEvaluation(actor, evaluationId));
  if (result?.ok && result.data) redirect(`/teams/${result.data.teamId}?deleted=1`);
  return result;
}

export async function addCitationAction(evaluationId: string, input: unknown): Promise<ActionState> {
  return runAction((actor) => addRatingCitation(actor, evaluationId, input));
}

export async function removeCitationAction(evaluationId: string, input: unknown): Promise<ActionState> {
  return runAction((actor) => removeRatingCitation(actor, evaluationId, input));
}
