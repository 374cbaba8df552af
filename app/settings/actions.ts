"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/domain/api-tokens";
import { formToObject, keepValues, runAction } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";
import { signIn, signOut } from "@/lib/auth/auth";
import { changeEmail, changePassword, deleteAccount, updateName } from "@/lib/domain/users";
import { updateNotificationPrefs } from "@/lib/domain/notifications";
import { revokeSession } from "@/lib/domain/sessions";
import { resendVerification } from "@/lib/domain/email-verification";
import { currentUser } from "@/lib/auth/session";
import { SessionIdSchema } from "@/lib/validation/auth";

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

/** Ends one of the account's sessions; ending this browser's own is signing out. */
export async function revokeSessionAction(sessionId: unknown): Promise<ActionState> {
  const parsed = SessionIdSchema.safeParse(sessionId);
  if (!parsed.success) return { ok: false, message: "That session has already ended." };
  const current = (await currentUser())?.sessionId;
  const result = await runAction((actor) => revokeSession(actor, parsed.data));
  if (result?.ok && parsed.data === current) await signOut({ redirectTo: "/sign-in" });
  revalidatePath("/settings");
  return result;
}

export async function resendVerificationAction(): Promise<ActionState> {
  const result = await runAction((actor) => resendVerification(actor));
  return result?.ok && result.data ? { ok: true, message: `Sent. Follow the link in the message to ${result.data.email}.` } : result;
}

export async function updateNameAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => updateName(actor, formToObject(form)));
  revalidatePath("/", "layout");
  return result?.ok ? { ok: true, message: "Name saved." } : keepValues(result, form, ["name"]);
}

export async function changeEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction((actor) => changeEmail(actor, formToObject(form)));
  revalidatePath("/settings");
  if (!result?.ok || !result.data) return keepValues(result, form, ["email"]);
  return { ok: true, message: `Check ${result.data.email}: your email changes when you follow the link we sent there.` };
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
