"use client";

import { useState } from "react";
import { formatDistanceToNowStrict } from "date-fns";
import { Reply } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/dates";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentComposer } from "@/components/comments/comment-composer";
import { CommentActions, CommentEditor } from "@/components/comments/comment-edit";
import { cn } from "@/lib/utils";
import type { CommentNode } from "@/lib/api/client";

// Replies indent once; deeper replies line up with their parent so threads stay readable at 375px.
const MAX_INDENT_DEPTH = 1;

export function CommentItem({
  comment,
  evaluationId,
  canComment,
  depth = 0,
}: {
  comment: CommentNode;
  evaluationId: string;
  canComment: boolean;
  depth?: number;
}) {
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const created = new Date(comment.createdAt);
  return (
    <li className="grid min-w-0 grid-cols-1 gap-3" data-testid="comment">
      <article className="flex gap-3" aria-label={`Comment by ${comment.author.name}`}>
        <Avatar name={comment.author.name} colorKey={comment.author.id} size="sm" decorative />
        <div className="grid min-w-0 flex-1 gap-1">
          <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-medium">{comment.author.name}</span>
            <time
              dateTime={comment.createdAt}
              title={formatDateTime(created)}
              className="text-xs text-muted-foreground"
              suppressHydrationWarning
            >
              {formatDistanceToNowStrict(created, { addSuffix: true })}
            </time>
            {comment.editedAt && !comment.deleted ? (
              <span
                className="text-xs text-muted-foreground"
                title={`Edited ${formatDateTime(comment.editedAt)}`}
                data-testid="comment-edited"
              >
                (edited)
              </span>
            ) : null}
          </p>
          {comment.deleted ? (
            <p className="text-sm italic text-muted-foreground">This comment was deleted.</p>
          ) : editing ? (
            <CommentEditor evaluationId={evaluationId} comment={comment} onDone={() => setEditing(false)} />
          ) : (
            <CommentBody body={comment.body} mentions={comment.mentions} />
          )}
          {!editing && (comment.canEdit || comment.canDelete) ? (
            <CommentActions evaluationId={evaluationId} comment={comment} onEdit={() => setEditing(true)} />
          ) : null}
          {canComment && !replying && !comment.deleted ? (
            <Button
              variant="link"
              size="sm"
              className="w-fit text-xs text-muted-foreground hover:text-primary"
              aria-label={`Reply to ${comment.author.name}`}
              onClick={() => setReplying(true)}
            >
              <Reply aria-hidden /> Reply
            </Button>
          ) : null}
          {replying ? (
            <CommentComposer
              evaluationId={evaluationId}
              to={{ parentId: comment.id }}
              label={`Reply to ${comment.author.name}`}
              submitLabel="Reply"
              autoFocus
              onDone={() => setReplying(false)}
              onCancel={() => setReplying(false)}
            />
          ) : null}
        </div>
      </article>
      {comment.replies.length ? (
        <ol
          className={cn("grid gap-4", depth < MAX_INDENT_DEPTH && "ml-3.5 border-l border-border pl-4")}
          aria-label={`Replies to ${comment.author.name}`}
        >
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} evaluationId={evaluationId} canComment={canComment} depth={depth + 1} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
