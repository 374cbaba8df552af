import "server-only";

/**
 * What one kind of live stream says; the mechanism (openEventStream) is shared. `E` is what the
 * change channel pushes, `A` what an access check returns.
 */
export interface EventStreamSpec<E, A> {
  /** Subscribes to the change channel; returns the unsubscribe. Called before the first access check. */
  subscribe(deliver: (event: E) => void): Promise<() => void>;
  /** Throws when the reader may not watch (any more). Run once after subscribing, then every `recheckMs`. */
  authorize(): Promise<A>;
  /** The stream's first text, from the first access check's result. */
  opening(initial: A): string;
  /** The text for one pushed event; null to drop it (already told). */
  format(event: E): string | null;
  /** The text to send after a passed re-check, if it learned something (null: nothing). */
  rechecked?(result: A): string | null;
  /** Whether a failed re-check is a refusal (the stream ends) rather than a busy database (it stays). */
  refused(error: unknown): boolean;
  /** ends the stream (the request's abort signal) */
  signal?: AbortSignal;
  recheckMs: number;
  heartbeatMs: number;
}

/**
 * A Server-Sent Events stream fed by the process's change channel: subscribes first, so an event
 * pushed while access is checked is delivered rather than lost; sends keep-alives; checks access
 * again every `recheckMs` and closes on a refusal; unsubscribes whenever it ends.
 */
export async function openEventStream<E, A>(spec: EventStreamSpec<E, A>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const early: E[] = [];
  const send = (text: string | null) => {
    if (text) controller?.enqueue(encoder.encode(text));
  };

  const unsubscribe = await spec.subscribe((event) => {
    if (controller) send(spec.format(event));
    else early.push(event);
  });
  let initial: A;
  try {
    initial = await spec.authorize();
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
      send(spec.opening(initial));
      for (const event of early.splice(0)) send(spec.format(event));
      timers.push(setInterval(() => send(": keep-alive\n\n"), spec.heartbeatMs));
      timers.push(
        setInterval(async () => {
          try {
            const result = await spec.authorize();
            send(spec.rechecked?.(result) ?? null);
          } catch (error) {
            if (spec.refused(error)) close();
          }
        }, spec.recheckMs),
      );
      spec.signal?.addEventListener("abort", close);
      if (spec.signal?.aborted) close();
    },
    cancel() {
      close();
    },
  });
}
