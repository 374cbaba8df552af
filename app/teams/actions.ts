"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createTeam, changeRole, removeMember, leaveTeam, renameTeam, deleteTeam } from "@/lib/domain/teams";
import { setEvaluationArchived } from "@/lib/domain/evaluations";
import { createInvitation, revokeInvitation } from "@/lib/domain/invitations";
import { formToObject, keepValues, runAction } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";

export async function createTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => createTeam(actor, formToObject(form)));
  if (result?.ok) redirect(`/teams/${(result.data as { id: string }).id}`);
  return keepValues(result, form, ["name"]);
}

export async function createInvitationAction(
  teamId: string,
  _prev: ActionState,
  form: FormData,
): Promise<ActionState<{ token: string; role: string; expiresAt: Date }>> {
  const result = await runAction((actor) => createInvitation(actor, teamId, formToObject(form)));
  revalidatePath(`/teams/${teamId}`);
  return result;
}

export async function revokeInvitationAction(teamId: string, invitationId: string, _prev: ActionState): Promise<ActionState> {
  const result = await runAction((actor) => revokeInvitation(actor, teamId, invitationId));
  revalidatePath(`/teams/${teamId}`);
  return result;
}

export async function changeRoleAction(teamId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => changeRole(actor, teamId, formToObject(form)));
  revalidatePath(`/teams/${teamId}`);
  return result;
}

export async function removeMemberAction(teamId: string, userId: string, _prev: ActionState): Promise<ActionState> {
  const result = await runAction((actor) => removeMember(actor, teamId, userId));
  revalidatePath(`/teams/${teamId}`);
  return result;
}

export async function leaveTeamAction(teamId: string, _prev: ActionState): Promise<ActionState> {
  const result = await runAction((actor) => leaveTeam(actor, teamId));
  if (result?.ok) redirect("/teams");
  return result;
}

export async function renameTeamAction(teamId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => renameTeam(actor, teamId, formToObject(form)));
  revalidatePath(`/teams/${teamId}`);
  revalidatePath("/teams");
  return keepValues(result, form, ["name"]);
}

export async function deleteTeamAction(teamId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => deleteTeam(actor, teamId, formToObject(form)));
  if (result?.ok) {
    revalidatePath("/teams");
    redirect("/teams?deleted=1");
  }
  return keepValues(result, form, ["confirmName"]);
}

/** Archive or restore from the team page's list. */
export async function setArchivedFromTeamAction(teamId: string, evaluationId: string, archived: boolean): Promise<ActionState> {
  const result = await runAction((actor) => setEvaluationArchived(actor, evaluationId, { archived }));
  revalidatePath(`/teams/${teamId}`);
  return result;
}
