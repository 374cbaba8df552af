"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MentionTextarea } from "@/components/comments/mention-textarea";
import { useDeleteComment, useEditComment } from "@/components/comments/use-comments";
import type { CommentNode } from "@/lib/api/client";

/** Edit and Delete under a comment, for whoever the server says may use them. */
export function CommentActions({ evaluationId, comment, onEdit }: { evaluationId: string; comment: CommentNode; onEdit: () => void }) {
  const remove = useDeleteComment(evaluationId);
  return (
    <div className="flex flex-wrap items-center gap-1">
      {comment.canEdit ? (
        <Button
          variant="link"
          size="sm"
          className="w-fit text-xs text-muted-foreground hover:text-primary"
          onClick={onEdit}
          aria-label={`Edit comment by ${comment.author.name}`}
        >
          Edit
        </Button>
      ) : null}
      {comment.canDelete ? (
        <Button
          variant="link"
          size="sm"
          className="w-fit text-xs text-muted-foreground hover:text-destructive"
          disabled={remove.isPending}
          aria-label={`Delete comment by ${comment.author.name}`}
          onClick={() => {
            if (confirm("Delete this comment? Replies to it stay.")) remove.mutate(comment.id);
          }}
        >
          Delete
        </Button>
      ) : null}
      {remove.error ? (
        <span role="alert" className="text-xs text-destructive">
          {remove.error.message}
        </span>
      ) : null}
    </div>
  );
}

export function CommentEditor({ evaluationId, comment, onDone }: { evaluationId: string; comment: CommentNode; onDone: () => void }) {
  const [body, setBody] = useState(comment.body);
  const edit = useEditComment(evaluationId);
  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        edit.mutate({ commentId: comment.id, body }, { onSuccess: onDone });
      }}
    >
      <MentionTextarea evaluationId={evaluationId} aria-label="Edit comment" value={body} onValueChange={setBody} rows={3} autoFocus />
      {edit.error ? (
        <p role="alert" className="text-xs text-destructive">
          {edit.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={edit.isPending}>
          Save
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
