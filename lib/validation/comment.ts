import { z } from "zod";
import { idSchema } from "@/lib/validation/team";
import { isWellFormedText } from "@/lib/validation/text";
import { LIMITS } from "@/lib/limits";

export const COMMENT_TARGETS = ["evaluation", "criterion", "option"] as const;
export type CommentTargetType = (typeof COMMENT_TARGETS)[number];

export const COMMENT_MAX_LENGTH = LIMITS.commentLength;

/**
 * A new comment, as the discussion form and the API send it. A reply (`parentId`) joins its
 * parent's thread and target; a top-level comment on a criterion or option names it by key.
 */
const body = z
  .string({ error: "Write a comment" })
  .trim()
  .min(1, "Write a comment")
  .max(COMMENT_MAX_LENGTH, `Comments are at most ${COMMENT_MAX_LENGTH} characters`)
  .refine(isWellFormedText, "The comment contains a broken character (a lone surrogate); paste it again");

export const CommentInputSchema = z
  .object({
    body,
    targetType: z.enum(COMMENT_TARGETS, { error: "targetType must be evaluation, criterion or option" }).default("evaluation"),
    targetKey: z.string().trim().min(1).max(80).optional(),
    parentId: idSchema.optional(),
  })
  .refine((c) => c.parentId || c.targetType === "evaluation" || c.targetKey, {
    path: ["targetKey"],
    message: "Name the criterion or option the comment is about",
  });
export type CommentInput = z.input<typeof CommentInputSchema>;

/** An edit of one's own comment: only the text changes; its thread and target stay. */
export const CommentEditSchema = z.object({ body });
