"use client";

import { CommentThread } from "@/components/comments/comment-thread";
import { useComments } from "@/components/comments/use-comments";
import { useEvaluationEvents } from "@/components/evaluation/use-evaluation";
import type { CommentNode } from "@/lib/api/client";

/** The team's notes on one option: its comment thread, kept live. */
export function OptionNotes({
  evaluationId,
  option,
  initial,
  canComment,
}: {
  evaluationId: string;
  option: { key: string; name: string };
  initial: CommentNode[];
  canComment: boolean;
}) {
  const live = useEvaluationEvents(evaluationId);
  const { data } = useComments(evaluationId, { initial, live });
  const threads = (data ?? initial).filter((c) => c.targetType === "option" && c.targetKey === option.key);
  return (
    <CommentThread
      evaluationId={evaluationId}
      comments={threads}
      target={{ targetType: "option", targetKey: option.key, label: option.name }}
      canComment={canComment}
    />
  );
}
