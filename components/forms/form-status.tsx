"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import type { ActionState } from "@/lib/api/action-state";

/** The form-level message of a server action's result, announced to screen readers. */
export function FormStatus({ state, success }: { state: ActionState; success?: string }) {
  if (!state) return null;
  const message = state.ok ? (state.message ?? success) : state.message;
  if (!message) return null;
  return (
    <Alert variant={state.ok ? "success" : "destructive"}>
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}

export function fieldError(state: ActionState, name: string): string | undefined {
  return state && !state.ok ? state.fields?.[name] : undefined;
}

/** What the user typed into a form whose action failed, to show again after React resets it. */
export function keptValue(state: ActionState, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}
