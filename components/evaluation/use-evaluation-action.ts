"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/query-keys";
import type { ActionState } from "@/lib/api/action-state";

/** Runs a server action on the evaluation, keeps its error for display and refreshes the view. */
export function useEvaluationAction(evaluationId: string) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fields?: Record<string, string>; detail: string } | null>(null);
  const run = (action: () => Promise<ActionState<unknown>>, onSuccess?: (state: ActionState<unknown>) => void) =>
    startTransition(async () => {
      const state = await action();
      if (state && !state.ok) {
        // `detail` spells the field messages out, for places that have no field to show them beside.
        setError({
          message: state.message,
          fields: state.fields,
          detail: state.fields ? Object.values(state.fields).join(" ") : state.message,
        });
        return;
      }
      setError(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.evaluation(evaluationId) });
      onSuccess?.(state);
    });
  return { run, pending, error };
}
