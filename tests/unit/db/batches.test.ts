import { describe, expect, it } from "vitest";
import { keyedBatches, type Outcome } from "@/lib/db/batches";

/** A batcher whose runs wait until released, recording the batches it was given. */
function recordingBatches(max = 3) {
  const batches: { key: string; items: number[] }[] = [];
  const releases: (() => void)[] = [];
  let waiting = 0;
  const batcher = keyedBatches(
    async (key: string, items: number[]): Promise<Outcome<number>[]> => {
      batches.push({ key, items });
      await new Promise<void>((resolve) => releases.push(resolve));
      return items.map((n) => (n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 10 }));
    },
    { max, onWaiting: (change) => (waiting += change) },
  );
  const settle = (p: Promise<number>) =>
    p.then(
      (value) => value,
      (error: Error) => error.message,
    );
  return { batcher, batches, releases, settle, waiting: () => waiting };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("keyedBatches", () => {
  it("runs the first call alone, then those that arrived meanwhile together, up to the limit, in order", async () => {
    const { batcher, batches, releases, settle, waiting } = recordingBatches(3);
    const answers = [1, 2, -3, 4, 5].map((n) => settle(batcher.submit("a", n)));
    await turn();
    expect(batches).toEqual([{ key: "a", items: [1] }]);
    // [2, -3, 4] and [5] wait: two transactions to come.
    expect(waiting()).toBe(2);
    releases.shift()!();
    await turn();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, -3, 4]]);
    expect(waiting()).toBe(1);
    releases.shift()!();
    await turn();
    releases.shift()!();
    expect(await Promise.all(answers)).toEqual([10, 20, "refused -3", 40, 50]);
    expect(waiting()).toBe(0);
  });

  it("keeps keys apart: another key's call runs at once, not behind this one's batch", async () => {
    const { batcher, batches, releases, settle } = recordingBatches();
    const a = settle(batcher.submit("a", 1));
    const b = settle(batcher.submit("b", 2));
    await turn();
    expect(batches).toEqual([
      { key: "a", items: [1] },
      { key: "b", items: [2] },
    ]);
    releases.forEach((release) => release());
    expect([await a, await b]).toEqual([10, 20]);
  });

  it("gives every call of a batch the error when the batch itself fails, and goes on with the next", async () => {
    let calls = 0;
    const batcher = keyedBatches(async (_key: string, items: number[]): Promise<Outcome<number>[]> => {
      if (calls++ === 0) throw new Error("the database is down");
      return items.map((n) => ({ ok: true, value: n }));
    });
    const first = batcher.submit("a", 1).catch((error: Error) => error.message);
    const second = batcher.submit("a", 2);
    expect(await first).toBe("the database is down");
    expect(await second).toBe(2);
  });
});
