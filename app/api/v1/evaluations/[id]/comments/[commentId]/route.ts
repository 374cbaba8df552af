import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { idSchema } from "@/lib/validation/team";
import { deleteComment, editComment } from "@/lib/domain/comments";
import { LIMITS } from "@/lib/limits";

const CommentParams = EvaluationParams.extend({ commentId: idSchema });

/** Edits one's own comment: `{ body }`; answers the comment, marked edited. */
export const PATCH = apiRoute(
  CommentParams,
  async ({ actor, params, json }) => editComment(actor, params.id, params.commentId, await json()),
  { bodyLimit: LIMITS.bodyBytes.comment },
);

/** Deletes a comment (its author, or a team owner or admin); its replies stay. */
export const DELETE = apiRoute(CommentParams, async ({ actor, params }) => {
  await deleteComment(actor, params.id, params.commentId);
  return { deleted: true };
});

export const dynamic = "force-dynamic";
