import { MessagesSquare } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { CommentItem } from "@/components/comments/comment-item";
import { CommentComposer } from "@/components/comments/comment-composer";
import type { CommentNode } from "@/lib/api/client";
import type { CommentTargetType } from "@/lib/validation/comment";

export interface CommentTarget {
  targetType: CommentTargetType;
  targetKey?: string;
  /** shown in the empty state and the comment box's label, e.g. "Built-in security" */
  label: string;
}

/** One target's threads, oldest first, with a box to start a new one. */
export function CommentThread({
  evaluationId,
  comments,
  target,
  canComment,
}: {
  evaluationId: string;
  comments: CommentNode[];
  target: CommentTarget;
  canComment: boolean;
}) {
  return (
    <div className="grid grid-cols-1 gap-6" data-testid="comment-thread">
      {comments.length ? (
        <ol className="grid grid-cols-1 gap-5" aria-label={`Comments on ${target.label}`}>
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} evaluationId={evaluationId} canComment={canComment} />
          ))}
        </ol>
      ) : (
        <EmptyState
          icon={MessagesSquare}
          headingLevel={3}
          title="No comments yet"
          description={canComment ? `Start the conversation about ${target.label}.` : `Nobody has commented on ${target.label} yet.`}
          className="py-8"
        />
      )}
      {canComment ? (
        <CommentComposer
          evaluationId={evaluationId}
          to={{ targetType: target.targetType, targetKey: target.targetKey }}
          label={`Comment on ${target.label}`}
          submitLabel="Comment"
        />
      ) : (
        <p className="text-sm text-muted-foreground">Viewers can read the discussion; members and admins can comment.</p>
      )}
    </div>
  );
}
