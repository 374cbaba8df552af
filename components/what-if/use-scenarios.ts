"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { evaluationKey } from "@/components/evaluation/use-evaluation";
import { fetchJson } from "@/lib/http/client";
import type { ScenarioSummary } from "@/lib/domain/scenarios";
import type { ScenarioInput } from "@/lib/validation/scenario";

// Under the evaluation's key: a change on the event stream (a scenario saved or deleted bumps the
// revision) refetches the list with the view.
export const scenariosKey = (evaluationId: string) => [...evaluationKey(evaluationId), "scenarios"] as const;

/** The saved scenarios the reader may see: the team's once shared, always their own. */
export function useScenarios(evaluationId: string) {
  return useQuery({
    queryKey: scenariosKey(evaluationId),
    queryFn: () => fetchJson<ScenarioSummary[]>(`/api/v1/evaluations/${evaluationId}/scenarios`),
    staleTime: 10_000,
  });
}

export function useSaveScenario(evaluationId: string, onSaved: (scenario: ScenarioSummary) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScenarioInput) =>
      fetchJson<ScenarioSummary>(`/api/v1/evaluations/${evaluationId}/scenarios`, { method: "POST", body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData<ScenarioSummary[]>(scenariosKey(evaluationId), (list) => [
        saved,
        ...(list ?? []).filter((s) => s.id !== saved.id),
      ]);
      onSaved(saved);
      return queryClient.invalidateQueries({ queryKey: scenariosKey(evaluationId) });
    },
  });
}

export function useDeleteScenario(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scenarioId: string) => fetchJson(`/api/v1/evaluations/${evaluationId}/scenarios/${scenarioId}`, { method: "DELETE" }),
    onSuccess: (_answer, scenarioId) => {
      queryClient.setQueryData<ScenarioSummary[]>(scenariosKey(evaluationId), (list) => list?.filter((s) => s.id !== scenarioId));
      return queryClient.invalidateQueries({ queryKey: scenariosKey(evaluationId) });
    },
  });
}
