import { apiRoute } from "@/lib/http/api";
import { EvaluationParams } from "@/lib/http/params";
import { readEvaluation } from "@/lib/domain/evaluation-access";
import { evaluationRevision } from "@/lib/domain/live";

export const dynamic = "force-dynamic";

const POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;
/** Access is checked again this often, so a removed member's stream ends within the period. */
const RECHECK_MS = 30_000;

/**
 * Server-Sent Events: `event: change` within about a second of any ballot, rating, comment or
 * status change on the evaluation. Clients invalidate their queries on it and fall back to polling
 * if the stream drops.
 */
export const GET = apiRoute(EvaluationParams, async ({ actor, params, request }) => {
  await readEvaluation(actor, params.id, "team:read");
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let last = await evaluationRevision(params.id);
      let sinceBeat = 0;
      let sinceCheck = 0;
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
          sinceCheck += POLL_MS;
          if (sinceCheck >= RECHECK_MS) {
            sinceCheck = 0;
            // Throws when the actor has left the team or lost the role: the catch below ends the stream.
            await readEvaluation(actor, params.id, "team:read");
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
