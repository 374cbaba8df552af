"use server";

import { unstable_rethrow } from "next/navigation";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { signIn, signOut } from "@/lib/auth/auth";
import { endAllSessions, signUp } from "@/lib/domain/users";
import { currentUser } from "@/lib/auth/session";
import { requestPasswordReset, resetPassword } from "@/lib/domain/password-reset";
import { fieldErrorsOf } from "@/lib/errors";
import { actionError, formToObject, keepValues } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";
import { SignInSchema } from "@/lib/validation/auth";
import { safeReturnPath } from "@/lib/http/return-path";

const SIGN_IN_MESSAGES: Record<string, string> = {
  // Limits back off rather than lock (lib/auth/throttle-policy.ts): a short wait is enough.
  rate_limited: "Too many sign-in attempts from here. Wait a minute and try again.",
  unauthenticated: "Wrong email or password.",
};

async function signInWith(email: string, password: string, next: string) {
  await signIn("credentials", { email, password, redirectTo: safeReturnPath(next) });
}

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formToObject(form);
  const parsed = SignInSchema.safeParse(values);
  if (!parsed.success) {
    return keepValues({ ok: false, message: "Check the highlighted fields.", fields: fieldErrorsOf(parsed.error) }, form, ["email"]);
  }
  try {
    await signInWith(parsed.data.email, parsed.data.password, String(values.next ?? ""));
    return { ok: true };
  } catch (error) {
    unstable_rethrow(error); // a redirect (or another Next.js control-flow error) is not a failure
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "unauthenticated";
      return keepValues({ ok: false, message: SIGN_IN_MESSAGES[code] ?? SIGN_IN_MESSAGES.unauthenticated }, form, ["email"]);
    }
    throw error;
  }
}

export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formToObject(form);
  try {
    await signUp(values);
    await signInWith(String(values.email), String(values.password), String(values.next ?? ""));
    return { ok: true };
  } catch (error) {
    return keepValues(actionError(error), form, ["name", "email"]);
  }
}

/**
 * Signing out ends every session of the account, on every device and every server instance (issue
 * 13: a sign-out that left other sessions, or a copy of this cookie, working was the finding); to
 * end one other device only, Settings revokes it.
 */
export async function signOutAction() {
  const user = await currentUser();
  if (user) await endAllSessions(user.id);
  await signOut({ redirectTo: "/" });
}

/** Always the same answer, whether or not the email has an account. */
export async function forgotPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await requestPasswordReset(formToObject(form), clientAddress(await headers()));
    return { ok: true, message: "If an account uses that email, a reset link is on its way. It works once, for an hour." };
  } catch (error) {
    return keepValues(actionError(error), form, ["email"]);
  }
}

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formToObject(form);
  try {
    const { email } = await resetPassword(values);
    await signInWith(email, String(values.newPassword), "/teams");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
