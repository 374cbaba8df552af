"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { verifyEmail } from "@/lib/domain/email-verification";
import { actionError, formToObject } from "@/lib/http/action";
import type { ActionState } from "@/lib/api/action-state";

/**
 * Follows a confirmation link; the page asks for a click first, so mail scanners that open links
 * spend nothing. Success leaves the (now spent) link's page for one that says what happened.
 */
export async function verifyEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let changed: boolean;
  try {
    ({ changed } = await verifyEmail(formToObject(form)));
  } catch (error) {
    return actionError(error);
  }
  // The header's "confirm your email" banner belongs to the layout: render it afresh.
  revalidatePath("/", "layout");
  redirect(`/verify-email/confirmed${changed ? "?changed=1" : ""}`);
}
