import "server-only";
import { unstable_rethrow } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/api/action-state";
import { currentUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/authorize";

/**
 * Runs a server action for the signed-in user, turning AppErrors into form state. Next checks
 * that server actions come from our own origin (its CSRF defence); this adds authentication.
 */
export async function runAction<T>(fn: (actor: Actor) => Promise<T>): Promise<ActionState<T>> {
  try {
    const user = await currentUser();
    if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
    const data = await fn({ userId: user.id });
    return { ok: true, data };
  } catch (error) {
    return actionError(error);
  }
}

/** An error as form state; Next's redirects pass through, unexpected errors are logged, not shown. */
export function actionError(error: unknown): ActionState<never> {
  unstable_rethrow(error); // a redirect (or another Next.js control-flow error) is not a failure
  if (error instanceof AppError) {
    // Field messages appear beside their inputs; the form-level message only points at them.
    const message = error.code === "invalid" && error.fields ? "Check the highlighted fields." : error.message;
    return { ok: false, message, fields: error.fields };
  }
  console.error("Unexpected error in a server action", error);
  return { ok: false, message: "Something went wrong on our side. Please try again." };
}

/**
 * A failed form's state with the named inputs echoed back: React resets a form after its action,
 * and the form uses these as default values so nothing typed is lost. Never echo a password.
 */
export function keepValues<T>(state: ActionState<T>, form: FormData, names: string[]): ActionState<T> {
  if (!state || state.ok) return state;
  const values = Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "")]));
  return { ...state, values };
}

/** FormData as a plain object, for zod: repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : value.name;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}
