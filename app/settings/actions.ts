"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/domain/api-tokens";
import { formToObject, runAction, type ActionState } from "@/lib/http/action";

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState<{ token: string; name: string }>> {
  const result = await runAction((actor) => createApiToken(actor, formToObject(form)));
  revalidatePath("/settings");
  return result;
}

export async function revokeTokenAction(tokenId: string): Promise<ActionState> {
  const result = await runAction((actor) => revokeApiToken(actor, tokenId));
  revalidatePath("/settings");
  return result;
}
