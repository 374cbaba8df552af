import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { requireEvaluationAccess } from "@/lib/domain/authorize";
import { evaluationRevision } from "@/lib/domain/live";

export const dynamic = "force-dynamic";

const POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events: `event: change` within about a second of any ballot, rating, comment or
 * status change on the evaluation. Clients invalidate their queries on it and fall back to polling
 * if the stream drops.
 */
export const GET = apiRoute(EvaluationParams, async ({ actor, params, request }) => {
  await requireEvaluationAccess(actor, params.id, "team:read");
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let last = await evaluationRevision(params.id);
      let sinceBeat = 0;
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      send(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ revision: last })}\n\n`);
      timer = setInterval(async () => {
        try {
          const now = await evaluationRevision(params.id);
          if (now === null) {
            clearInterval(timer);
            controller.close();
            return;
          }
          if (now !== last) {
            last = now;
            send(`event: change\ndata: ${JSON.stringify({ revision: now })}\n\n`);
          }
          sinceBeat += POLL_MS;
          if (sinceBeat >= HEARTBEAT_MS) {
            sinceBeat = 0;
            send(": keep-alive\n\n");
          }
        } catch {
          clearInterval(timer);
          controller.close();
        }
      }, POLL_MS);
      request.signal.addEventListener("abort", () => {
        clearInterval(timer);
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      clearInterval(timer);
    },
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
