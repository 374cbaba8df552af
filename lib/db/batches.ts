/** One item's answer from a batch: its value, or the error it alone is refused with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Batches calls per key: a call runs at once if nothing of its key is running; calls that arrive
 * while one is run together next, up to `max` in a batch, in the order they came. `run` answers
 * every item of a batch, in order; if it throws, every item of the batch gets that error.
 * `onWaiting` hears every change in the number of batches waiting to run (each a transaction to
 * come, for a write queue's admission estimate).
 */
export function keyedBatches<I, O>(
  run: (key: string, items: I[]) => Promise<Outcome<O>[]>,
  { max = 64, onWaiting = (_change: number) => {} } = {},
) {
  const batchesIn = (queue: unknown[]) => Math.ceil(queue.length / max);
  interface Waiting {
    item: I;
    resolve(value: O): void;
    reject(error: unknown): void;
  }
  const queues = new Map<string, Waiting[]>();

  async function drain(key: string, queue: Waiting[]) {
    try {
      while (queue.length) {
        const before = batchesIn(queue);
        const batch = queue.splice(0, max);
        onWaiting(batchesIn(queue) - before);
        try {
          const outcomes = await run(
            key,
            batch.map((w) => w.item),
          );
          batch.forEach((w, i) => {
            const outcome = outcomes[i];
            if (outcome.ok) w.resolve(outcome.value);
            else w.reject(outcome.error);
          });
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      queues.delete(key);
    }
  }

  return {
    submit(key: string, item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        const running = queues.get(key);
        if (running) {
          const before = batchesIn(running);
          running.push({ item, resolve, reject });
          onWaiting(batchesIn(running) - before);
          return;
        }
        const queue: Waiting[] = [{ item, resolve, reject }];
        onWaiting(1);
        queues.set(key, queue);
        void drain(key, queue);
      });
    },
  };
}
