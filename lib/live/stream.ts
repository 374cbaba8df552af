import "server-only";
import { AppError } from "@/lib/errors";
import { changeChannel } from "@/lib/live/channel";
import { openEventStream } from "@/lib/live/event-stream";

export interface ChangeStreamOptions {
  evaluationId: string;
  /**
   * Authorises the reader and returns the evaluation's committed revision; throws when the reader
   * may not watch it (any more). Run once after subscribing, then every `recheckMs`.
   */
  authorize: () => Promise<number>;
  /** the Last-Event-ID header of a reconnecting EventSource: the last revision it was told about */
  lastEventId?: string | null;
  /** ends the stream (the request's abort signal) */
  signal?: AbortSignal;
  recheckMs?: number;
  heartbeatMs?: number;
}

/** Access is checked again this often, so a revoked session or token or a removed member's stream ends within the period. */
export const RECHECK_MS = 30_000;
const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent Events stream of one evaluation's changes, pushed from the process's one change
 * channel (channel.ts) rather than polled. Each event's `id` is the evaluation's revision, so an
 * EventSource reconnecting (to this instance or another) sends it back as Last-Event-ID and gets a
 * `change` at once if it missed one. Events carry the revision only, never ballot data.
 *
 * Subscribes before reading the revision it starts from, so a change committed in between is
 * delivered rather than lost (an already-sent revision is dropped).
 */
export async function openChangeStream(options: ChangeStreamOptions): Promise<ReadableStream<Uint8Array>> {
  let last = -1;
  const change = (revision: number) => {
    if (revision <= last) return null;
    last = revision;
    return `id: ${revision}\nevent: change\ndata: ${JSON.stringify({ revision })}\n\n`;
  };
  return openEventStream<number, number>({
    subscribe: (deliver) => changeChannel().subscribe(options.evaluationId, deliver),
    // Throws when the session or token was revoked, or the reader left the team or lost the role:
    // the stream ends, and the EventSource's reconnect is refused.
    authorize: options.authorize,
    opening(initial) {
      last = initial;
      const resumedFrom = Number(options.lastEventId);
      const resumed = options.lastEventId != null && options.lastEventId !== "" && Number.isSafeInteger(resumedFrom);
      const ready = `retry: 2000\nid: ${initial}\nevent: ready\ndata: ${JSON.stringify({ revision: initial })}\n\n`;
      // Reconnected after missing a change (or to an instance that saw more of them): say so now.
      return resumed && resumedFrom < initial
        ? `${ready}id: ${initial}\nevent: change\ndata: ${JSON.stringify({ revision: initial })}\n\n`
        : ready;
    },
    format: change,
    rechecked: change,
    // A busy or briefly unreachable database is not a refusal: the events carry only a revision
    // number, so the stream stays and the next check decides.
    refused: isAccessRefused,
    signal: options.signal,
    recheckMs: options.recheckMs ?? RECHECK_MS,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
  });
}

function isAccessRefused(error: unknown): boolean {
  return error instanceof AppError && (error.code === "unauthenticated" || error.code === "forbidden" || error.code === "not_found");
}
