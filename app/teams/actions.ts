"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createTeam, changeRole, removeMember, leaveTeam } from "@/lib/domain/teams";
import { createInvitation, revokeInvitation } from "@/lib/domain/invitations";
import { formToObject, keepValues, runAction, type ActionState } from "@/lib/http/action";

export async function createTeamAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => createTeam(actor, formToObject(form)));
  if (result?.ok) redirect(`/teams/${(result.data as { id: string }).id}`);
  return keepValues(result, form, ["name"]);
}

export async function createInvitationAction(teamId: string, _prev: ActionState, form: FormData): Promise<ActionState<{ token: string; role: string; expiresAt: Date }>> {
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
