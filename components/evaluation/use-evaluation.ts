"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import type { BallotInput } from "@/lib/validation/ballot";
import { castBallot, getEvaluation } from "@/lib/api/client";
import { apiPaths } from "@/lib/api/paths";
import { queryKeys } from "@/lib/api/query-keys";
import { useEventSource } from "@/components/live/use-event-source";

/** How long to wait before opening a new stream when the browser has given up on one (an error status). */
const REOPEN_MS = 3_000;

/**
 * Subscribes to the evaluation's Server-Sent Events and invalidates every query under
 * `["evaluation", id]` (the view, its comments) on each change. True while the stream is up.
 * Each event's id is the evaluation's revision: the browser sends the last one back as
 * Last-Event-ID when it reconnects by itself, and a stream reopened here after the browser gave up
 * passes it as `?lastEventId=`, so the server reports at once a change made while it was away.
 */
export function useEvaluationEvents(id: string): boolean {
  const queryClient = useQueryClient();
  return useEventSource(
    (lastEventId) => apiPaths.evaluationEvents(id, lastEventId),
    {
      change: () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.evaluation(id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }); // a change may notify me (NotificationBell)
      },
    },
    { reopenMs: REOPEN_MS },
  );
}

/**
 * The evaluation as the server computes it, kept live: a Server-Sent Events stream invalidates the
 * query on every change; while the stream is down, the query polls every 3 seconds instead.
 */
export function useEvaluation(initial: EvaluationView) {
  const id = initial.id;
  const streaming = useEvaluationEvents(id);
  const query = useQuery({
    queryKey: queryKeys.evaluation(id),
    queryFn: () => getEvaluation(id),
    initialData: initial,
    refetchInterval: streaming ? false : 3_000,
  });
  return { ...query, data: query.data ?? initial, live: streaming };
}

/**
 * Casts or revises the current user's ballot, optimistically: the cached view counts the vote at
 * once (their ballot, their tick among the voters) and the server's answer then replaces it; a
 * refusal puts the view back. The ballot form and the what-if panel's "cast" both use it, so a
 * ballot looks the same in the page whichever way it was cast.
 */
export function useCastBallot(
  evaluationId: string,
  currentUserId: string,
  callbacks: { onMutate?: () => void; onSuccess?: () => void } = {},
) {
  const queryClient = useQueryClient();
  const key = queryKeys.evaluation(evaluationId);
  return useMutation({
    mutationFn: (ballot: BallotInput) => castBallot(evaluationId, ballot),
    onMutate: async (ballot) => {
      callbacks.onMutate?.();
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<EvaluationView>(key);
      if (previous) {
        queryClient.setQueryData<EvaluationView>(key, {
          ...previous,
          myBallot:
            ballot.method === "pairwise"
              ? { voter: currentUserId, method: ballot.method, comparisons: ballot.comparisons }
              : { voter: currentUserId, method: ballot.method, weights: ballot.weights },
          members: previous.members.map((m) => (m.id === currentUserId ? { ...m, voted: true } : m)),
        });
      }
      return { previous };
    },
    onError: (_error, _ballot, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: () => callbacks.onSuccess?.(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
