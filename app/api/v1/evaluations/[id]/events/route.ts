import { apiRoute, resolveActor } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { readEvaluation } from "@/lib/domain/evaluation-access";
import { committedRevision } from "@/lib/live/revisions";
import { AppError } from "@/lib/errors";
import { openChangeStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events: `event: change` (id = the evaluation's revision) as soon as any ballot,
 * rating, comment or status change on the evaluation commits, pushed from the process's one change
 * subscription (lib/live). A reconnect sends Last-Event-ID and gets a change at once if it missed
 * one. Clients invalidate their queries on it and fall back to polling if the stream drops.
 */
export const GET = apiRoute(EvaluationParams, async ({ actor, params, request }) => {
  const authorize = async () => {
    // The same authentication as every API request (a revoked session or token fails here) and the
    // same membership gate: a removed member's stream ends at the next check.
    const current = await resolveActor(request);
    if (current.userId !== actor.userId) throw new AppError("unauthenticated", "The session changed.");
    await readEvaluation(current, params.id, "team:read");
    const revision = await committedRevision(params.id);
    if (revision === null) throw new AppError("not_found", "Not found");
    return revision;
  };
  const stream = await openChangeStream({
    evaluationId: params.id,
    authorize,
    // The header from the browser's own reconnect; the query parameter from a stream the page reopened.
    lastEventId: request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("lastEventId"),
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
