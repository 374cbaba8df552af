"use client";

import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { EvaluationView } from "@/lib/domain/report";
import { fetchJson } from "@/lib/http/client";

export const evaluationKey = (id: string) => ["evaluation", id] as const;


/**
 * Subscribes to the evaluation's Server-Sent Events and invalidates every query under
 * `["evaluation", id]` (the view, its comments) on each change. True while the stream is up.
 */
export function useEvaluationEvents(id: string): boolean {
  const queryClient = useQueryClient();
  const [streaming, setStreaming] = useState(false);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1/evaluations/${id}/events`);
    source.addEventListener("ready", () => setStreaming(true));
    source.addEventListener("change", () => {
      void queryClient.invalidateQueries({ queryKey: evaluationKey(id) });
    });
    source.onerror = () => setStreaming(false);
    return () => source.close();
  }, [id, queryClient]);
  return streaming;
}

/**
 * The evaluation as the server computes it, kept live: a Server-Sent Events stream invalidates the
 * query on every change; while the stream is down, the query polls every 3 seconds instead.
 */
export function useEvaluation(initial: EvaluationView) {
  const id = initial.id;
  const streaming = useEvaluationEvents(id);
  const query = useQuery({
    queryKey: evaluationKey(id),
    queryFn: () => fetchJson<EvaluationView>(`/api/v1/evaluations/${id}`),
    initialData: initial,
    refetchInterval: streaming ? false : 3_000,
  });
  return { ...query, data: query.data ?? initial, live: streaming };
}
