import type { CommentNode } from "@/lib/api/client";
import type { CommentTarget } from "@/components/comments/comment-thread";

/** A discussion topic in the URL: "evaluation", "criterion:<key>" or "option:<key>". */
export type TopicId = string;

export interface Topic extends CommentTarget {
  id: TopicId;
}

export function topicsOf(view: { criteria: { key: string; name: string }[]; options: { key: string; name: string }[] }): {
  general: Topic;
  criteria: Topic[];
  options: Topic[];
} {
  return {
    general: { id: "evaluation", targetType: "evaluation", label: "the evaluation as a whole" },
    criteria: view.criteria.map((c) => ({ id: `criterion:${c.key}`, targetType: "criterion", targetKey: c.key, label: c.name })),
    options: view.options.map((o) => ({ id: `option:${o.key}`, targetType: "option", targetKey: o.key, label: o.name })),
  };
}

export const topicIdOf = (comment: Pick<CommentNode, "targetType" | "targetKey">): TopicId =>
  comment.targetType === "evaluation" ? "evaluation" : `${comment.targetType}:${comment.targetKey}`;

/** Comments (replies included) per topic. */
export function countByTopic(threads: CommentNode[]): Map<TopicId, number> {
  const counts = new Map<TopicId, number>();
  const size = (node: CommentNode): number => 1 + node.replies.reduce((sum, reply) => sum + size(reply), 0);
  for (const thread of threads) counts.set(topicIdOf(thread), (counts.get(topicIdOf(thread)) ?? 0) + size(thread));
  return counts;
}
