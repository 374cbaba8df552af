"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { addComment, deleteComment, editComment, listComments, type CommentNode } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/query-keys";
import type { CommentInput } from "@/lib/validation/comment";

/** Under the evaluation's key, so every live `change` event refreshes the discussion too. */

/** The evaluation's comment threads; polls every 3 seconds while the live stream is down. */
export function useComments(evaluationId: string, { initial, live }: { initial?: CommentNode[]; live: boolean }) {
  return useQuery({
    queryKey: queryKeys.comments(evaluationId),
    queryFn: () => listComments(evaluationId),
    initialData: initial,
    refetchInterval: live ? false : 3_000,
  });
}

export function useAddComment(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentInput) => addComment(evaluationId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.comments(evaluationId) }),
  });
}

export function useEditComment(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) => editComment(evaluationId, commentId, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.comments(evaluationId) }),
  });
}

export function useDeleteComment(evaluationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => deleteComment(evaluationId, commentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.comments(evaluationId) }),
  });
}
