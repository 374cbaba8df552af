"use server";

import { redirect } from "next/navigation";
import { acceptInvitation } from "@/lib/domain/invitations";
import { runAction } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";

export async function acceptInvitationAction(token: string, _prev: ActionState): Promise<ActionState> {
  const result = await runAction((actor) => acceptInvitation(actor, token));
  if (result?.ok) redirect(`/teams/${(result.data as { teamId: string }).teamId}`);
  return result;
}
