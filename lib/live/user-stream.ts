import "server-only";
import { AppError } from "@/lib/errors";
import { changeChannel } from "@/lib/live/channel";
import { RECHECK_MS } from "@/lib/live/stream";

export interface UserStreamOptions {
  userId: string;
  /** Throws when the reader's session or token no longer works. Run once after subscribing, then every `recheckMs`. */
  authorize: () => Promise<void>;
  /** ends the stream (the request's abort signal) */
  signal?: AbortSignal;
  recheckMs?: number;
  heartbeatMs?: number;
}

const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent Events stream of one user's events (`event: notification` when a notification was
 * created for them), pushed from the process's one change channel, for the header's bell on every
 * page. Events carry no data beyond a sequence number: the bell refetches its count. Access is
 * checked again every 30 s, so a signed-out session's stream ends within the period.
 */
export async function openUserStream(options: UserStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const { userId, authorize, signal } = options;
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let missed = false;
  const send = (text: string) => controller?.enqueue(encoder.encode(text));
  const sendEvent = () => send(`event: notification\ndata: {}\n\n`);

  const unsubscribe = await changeChannel().subscribeUser(userId, () => {
    if (controller) sendEvent();
    else missed = true;
  });
  try {
    await authorize();
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
      send(`retry: 2000\nevent: ready\ndata: {}\n\n`);
      if (missed) sendEvent();
      timers.push(setInterval(() => send(": keep-alive\n\n"), heartbeatMs));
      timers.push(
        setInterval(async () => {
          try {
            await authorize();
          } catch (error) {
            // A busy database is not a refusal; a revoked session or token is.
            if (error instanceof AppError && (error.code === "unauthenticated" || error.code === "forbidden")) close();
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
