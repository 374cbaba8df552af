import "server-only";
import { AppError } from "@/lib/errors";
import { changeChannel } from "@/lib/live/channel";
import { openEventStream } from "@/lib/live/event-stream";
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
 * page. Events carry no data: the bell refetches its count. Access is
 * checked again every 30 s, so a signed-out session's stream ends within the period.
 */
export async function openUserStream(options: UserStreamOptions): Promise<ReadableStream<Uint8Array>> {
  return openEventStream<number, void>({
    subscribe: (deliver) => changeChannel().subscribeUser(options.userId, deliver),
    authorize: options.authorize,
    opening: () => `retry: 2000\nevent: ready\ndata: {}\n\n`,
    format: () => `event: notification\ndata: {}\n\n`,
    // A busy database is not a refusal; a revoked session or token is.
    refused: (error) => error instanceof AppError && (error.code === "unauthenticated" || error.code === "forbidden"),
    signal: options.signal,
    recheckMs: options.recheckMs ?? RECHECK_MS,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
  });
}
