"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { evaluationKey } from "@/components/evaluation/use-evaluation";
import { fetchJson } from "@/lib/http/client";
import type { CommentNode } from "@/lib/domain/comments";
import type { CommentInput } from "@/lib/validation/comment";

/** Under the evaluation's key, so every live `change` event refreshes the discussion too. */
export const commentsKey = (evaluationId: string) => [...evaluationKey(evaluationId), "comments"] as const;

/** The evaluation's comment threads; polls every 3 seconds while the live stream is down. */
export function useComments(evaluationId: string, { initial, live }: { initial?: CommentNode[]; live: boolean }) {
  return useQuery({
    queryKey: commentsKey(evaluationId),
    queryFn: () => fetchJson<CommentNode[]>(`/api/v1/evaluations/${evaluationId}/comments`),
    initialData: initial,
    refetchInterval: live ? false : 3_000,
  });
}

export function useAddComment(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentInput) =>
      fetchJson<CommentNode>(`/api/v1/evaluations/${evaluationId}/comments`, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(evaluationId) }),
  });
}

export function useEditComment(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) =>
      fetchJson<CommentNode>(`/api/v1/evaluations/${evaluationId}/comments/${commentId}`, { method: "PATCH", body: { body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(evaluationId) }),
  });
}

export function useDeleteComment(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => fetchJson(`/api/v1/evaluations/${evaluationId}/comments/${commentId}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(evaluationId) }),
  });
}
