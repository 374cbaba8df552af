"use server";

import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { signIn, signOut } from "@/lib/auth/auth";
import { signUp } from "@/lib/domain/users";
import { fieldErrorsOf } from "@/lib/errors";
import { actionError, formToObject, keepValues, type ActionState } from "@/lib/http/action";
import { SignInSchema } from "@/lib/validation/auth";
import { safeReturnPath } from "@/lib/http/return-path";

const SIGN_IN_MESSAGES: Record<string, string> = {
  rate_limited: "Too many failed sign-in attempts. Wait 15 minutes and try again.",
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
    if (isRedirectError(error)) throw error;
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

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
