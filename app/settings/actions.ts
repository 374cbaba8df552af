"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/domain/api-tokens";
import { formToObject, keepValues, runAction, type ActionState } from "@/lib/http/action";
import { signIn, signOut } from "@/lib/auth/auth";
import { changeEmail, changePassword, deleteAccount, endAllSessions, updateName } from "@/lib/domain/users";
import { updateNotificationPrefs } from "@/lib/domain/notifications";

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

/** Ends every session of the account, this one included. */
export async function signOutEverywhereAction(): Promise<ActionState> {
  const result = await runAction((actor) => endAllSessions(actor.userId));
  if (!result?.ok) return result;
  await signOut({ redirectTo: "/sign-in" });
  return result;
}

export async function updateNameAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => updateName(actor, formToObject(form)));
  revalidatePath("/", "layout");
  return result?.ok ? { ok: true, message: "Name saved." } : keepValues(result, form, ["name"]);
}

export async function changeEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => changeEmail(actor, formToObject(form)));
  revalidatePath("/", "layout");
  return result?.ok ? { ok: true, message: "Email changed. Use it to sign in from now on." } : keepValues(result, form, ["email"]);
}

/** A password change ends every session; this browser is signed in again with the new password. */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formToObject(form);
  const result = await runAction((actor) => changePassword(actor, values));
  if (!result?.ok || !result.data) return result;
  await signIn("credentials", { email: result.data.email, password: String(values.newPassword), redirectTo: "/settings?changed=password" });
  return { ok: true };
}

export async function deleteAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => deleteAccount(actor, formToObject(form)));
  if (!result?.ok) return result;
  await signOut({ redirectTo: "/?account=deleted" });
  return result;
}

export async function updateNotificationPrefsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => updateNotificationPrefs(actor, formToObject(form)));
  return result?.ok ? { ok: true, message: "Notification settings saved." } : result;
}
