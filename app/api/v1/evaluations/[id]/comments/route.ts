import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { addComment, listComments } from "@/lib/domain/comments";
import { LIMITS } from "@/lib/limits";

/** The evaluation's discussion: threads of comments on it, its criteria and its options. */
export const GET = apiRoute(EvaluationParams, ({ actor, params }) => listComments(actor, params.id));

/** Adds a comment or a reply: `{ body, targetType?, targetKey?, parentId? }`; 201 with the comment. */
export const POST = apiRoute(
  EvaluationParams,
  async ({ actor, params, json }) => NextResponse.json(await addComment(actor, params.id, await json()), { status: 201 }),
  { bodyLimit: LIMITS.bodyBytes.comment },
);
