"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { deleteScenario, listScenarios, saveScenario, type Scenario } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { ScenarioInput } from "@/lib/validation/scenario";

// Under the evaluation's key: a change on the event stream (a scenario saved or deleted bumps the
// revision) refetches the list with the view.

/** The saved scenarios the reader may see: the team's once shared, always their own. */
export function useScenarios(evaluationId: string) {
  return useQuery({
    queryKey: queryKeys.scenarios(evaluationId),
    queryFn: () => listScenarios(evaluationId),
    staleTime: 10_000,
  });
}

export function useSaveScenario(evaluationId: string, onSaved: (scenario: Scenario) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScenarioInput) => saveScenario(evaluationId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData<Scenario[]>(queryKeys.scenarios(evaluationId), (list) => [
        saved,
        ...(list ?? []).filter((s) => s.id !== saved.id),
      ]);
      onSaved(saved);
      return queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(evaluationId) });
    },
  });
}

export function useDeleteScenario(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scenarioId: string) => deleteScenario(evaluationId, scenarioId),
    onSuccess: (_answer, scenarioId) => {
      queryClient.setQueryData<Scenario[]>(queryKeys.scenarios(evaluationId), (list) => list?.filter((s) => s.id !== scenarioId));
      return queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(evaluationId) });
    },
  });
}
