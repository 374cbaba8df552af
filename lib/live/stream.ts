import "server-only";
import { AppError } from "@/lib/errors";
import { changeChannel } from "@/lib/live/channel";

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
  const { evaluationId, authorize, signal } = options;
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let last = -1;
  const buffered: number[] = [];
  const send = (text: string) => controller?.enqueue(encoder.encode(text));
  const sendChange = (revision: number) => {
    if (revision <= last) return;
    last = revision;
    send(`id: ${revision}\nevent: change\ndata: ${JSON.stringify({ revision })}\n\n`);
  };

  const unsubscribe = await changeChannel().subscribe(evaluationId, (revision) => {
    if (controller) sendChange(revision);
    else buffered.push(revision);
  });
  let initial: number;
  try {
    initial = await authorize();
  } catch (error) {
    unsubscribe();
    throw error;
  }

  const timers: ReturnType<typeof setInterval>[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    for (const timer of timers) clearInterval(timer);
    try {
      controller?.close();
    } catch {
      // already closed by the client
    }
  };

  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      const resumedFrom = Number(options.lastEventId);
      const resumed = options.lastEventId != null && options.lastEventId !== "" && Number.isSafeInteger(resumedFrom);
      last = initial;
      send(`retry: 2000\nid: ${initial}\nevent: ready\ndata: ${JSON.stringify({ revision: initial })}\n\n`);
      // Reconnected after missing a change (or to an instance that saw more of them): say so now.
      if (resumed && resumedFrom < initial) send(`id: ${initial}\nevent: change\ndata: ${JSON.stringify({ revision: initial })}\n\n`);
      for (const revision of buffered.splice(0)) sendChange(revision);
      timers.push(setInterval(() => send(": keep-alive\n\n"), heartbeatMs));
      timers.push(
        setInterval(async () => {
          try {
            // Throws when the session or token was revoked, or the reader left the team or lost the
            // role: the stream ends, and the EventSource's reconnect is refused.
            sendChange(await authorize());
          } catch (error) {
            // A busy or briefly unreachable database is not a refusal: the events carry only a
            // revision number, so the stream stays and the next check decides.
            if (isAccessRefused(error)) close();
          }
        }, recheckMs),
      );
      signal?.addEventListener("abort", close);
      if (signal?.aborted) close();
    },
    cancel() {
      close();
    },
  });
}

function isAccessRefused(error: unknown): boolean {
  return error instanceof AppError && (error.code === "unauthenticated" || error.code === "forbidden" || error.code === "not_found");
}
