"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MentionTextarea } from "@/components/comments/mention-textarea";
import { Spinner } from "@/components/ui/spinner";
import { useAddComment } from "@/components/comments/use-comments";
import { ApiError } from "@/lib/api/fetch-json";
import { COMMENT_MAX_LENGTH, CommentInputSchema, type CommentInput } from "@/lib/validation/comment";

export interface ComposerProps {
  evaluationId: string;
  /** where the comment goes: a target for a new thread, or `{ parentId }` for a reply */
  to: Omit<CommentInput, "body">;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  onDone?: () => void;
  onCancel?: () => void;
}

/** A comment box: plain text, @Name mentions a teammate; Ctrl+Enter sends. */
export function CommentComposer({ evaluationId, to, label, submitLabel, autoFocus, onDone, onCancel }: ComposerProps) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const mutation = useAddComment(evaluationId);
  const remaining = COMMENT_MAX_LENGTH - body.length;

  const submit = () => {
    const parsed = CommentInputSchema.safeParse({ ...to, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    mutation.mutate(
      { ...to, body },
      {
        onSuccess: () => {
          setBody("");
          onDone?.();
        },
        onError: (e) => setError(e instanceof ApiError ? (e.fields?.body ?? e.message) : "Your comment could not be posted."),
      },
    );
  };

  return (
    <form
      className="grid gap-2"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label={label} hideLabel error={error} description="Type @ to mention a teammate.">
        <MentionTextarea
          evaluationId={evaluationId}
          rows={2}
          value={body}
          maxLength={COMMENT_MAX_LENGTH}
          autoFocus={autoFocus}
          placeholder={`${label}…`}
          onValueChange={setBody}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
            if (e.key === "Escape" && onCancel) onCancel();
          }}
        />
      </Field>
      <div className="flex flex-wrap items-center justify-end gap-2">
        {remaining < 200 ? <span className="mr-auto text-xs tabular-nums text-muted-foreground">{remaining} characters left</span> : null}
        {onCancel ? (
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" size="sm" disabled={mutation.isPending || body.trim() === ""}>
          {mutation.isPending ? <Spinner size="sm" /> : null} {submitLabel}
        </Button>
      </div>
    </form>
  );
}
