import { apiRoute, resolveActor } from "@/lib/http/api";
import { NoParams } from "@/lib/http/params";
import { AppError } from "@/lib/errors";
import { openUserStream } from "@/lib/live/user-stream";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for the signed-in user: `event: notification` as soon as a notification
 * created for them commits (any page's bell listens), pushed from the process's one change
 * subscription (lib/live). No data beyond the event: the client refetches its unread count.
 */
export const GET = apiRoute(NoParams, async ({ actor, request }) => {
  const stream = await openUserStream({
    userId: actor.userId,
    // The same authentication as every API request: a signed-out session or revoked token ends the stream.
    authorize: async () => {
      const current = await resolveActor(request);
      if (current.userId !== actor.userId) throw new AppError("unauthenticated", "The session changed.");
    },
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
