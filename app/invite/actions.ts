"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { acceptAddressedInvitation, resendInvitation } from "@/lib/domain/invitations";
import { runAction } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";
import { idSchema } from "@/lib/validation/team";
import { parseOrThrow } from "@/lib/errors";

const ResendArgs = z.object({ teamId: idSchema, invitationId: idSchema });

/** Emails a pending invitation again (owners and admins, rate-limited per invitation). */
export async function resendInvitationAction(teamId: string, invitationId: string, _prev: ActionState): Promise<ActionState> {
  const result = await runAction(async (actor) => {
    const args = parseOrThrow(ResendArgs, { teamId, invitationId }, "invitation");
    const sent = await resendInvitation(actor, args.teamId, args.invitationId);
    return { email: sent.email };
  });
  if (result?.ok) revalidatePath(`/teams/${teamId}`);
  return result?.ok ? { ...result, message: "Sent again." } : result;
}

/** Joins through an invitation addressed to the signed-in user's verified email (from their notification). */
export async function acceptAddressedInvitationAction(invitationId: string, _prev: ActionState): Promise<ActionState> {
  const result = await runAction((actor) => acceptAddressedInvitation(actor, parseOrThrow(idSchema, invitationId, "invitation")));
  if (result?.ok) redirect(`/teams/${(result.data as { teamId: string }).teamId}`);
  return result;
}
