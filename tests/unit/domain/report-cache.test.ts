import { describe, expect, it } from "vitest";
import { createRevisionCache } from "@/lib/domain/report-cache";

// The per-revision cache behind the report (lib/domain/report-cache.ts).

const cache = (max = 10, maxBytes = 1_000_000) => createRevisionCache<{ at: number }>({ max, maxBytes, sizeOf: () => 100 });

describe("createRevisionCache", () => {
  it("shares one load between concurrent misses of the same revision", async () => {
    const c = cache();
    let loads = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const load = async () => {
      loads++;
      await gate;
      return { revision: 3, value: { at: 3 } };
    };
    const readers = Promise.all([c.get("e", 3, load), c.get("e", 3, load), c.get("e", 3, load)]);
    finish();
    const values = await readers;
    expect(loads).toBe(1);
    expect(new Set(values).size).toBe(1);
    await c.get("e", 3, load);
    expect(loads).toBe(1);
  });

  it("stores a value under the revision it was loaded at, and drops older revisions of the same evaluation", async () => {
    const c = cache();
    // The reader saw revision 4, but a write landed before the load: the load read revision 5.
    const value = await c.get("e", 4, async () => ({ revision: 5, value: { at: 5 } }));
    expect(value.at).toBe(5);
    let loaded = false;
    expect(await c.get("e", 5, async () => ((loaded = true), { revision: 5, value: { at: -1 } }))).toBe(value);
    expect(loaded).toBe(false);
    // Revision 4 was never stored: asking for it loads.
    expect((await c.get("e", 4, async () => ({ revision: 4, value: { at: 4 } }))).at).toBe(4);
    expect(c.size).toBe(1); // an older revision is not kept beside a newer one
    await c.get("e", 6, async () => ({ revision: 6, value: { at: 6 } }));
    expect(c.size).toBe(1);
  });

  it("is bounded by count and by estimated bytes, least recently used first", async () => {
    const byCount = cache(3);
    for (const id of ["a", "b", "c", "d"]) await byCount.get(id, 1, async () => ({ revision: 1, value: { at: 1 } }));
    expect(byCount.size).toBe(3);
    const byBytes = createRevisionCache<{ at: number }>({ max: 100, maxBytes: 250, sizeOf: () => 100 });
    for (const id of ["a", "b", "c", "d"]) await byBytes.get(id, 1, async () => ({ revision: 1, value: { at: 1 } }));
    expect(byBytes.size).toBe(2);
  });

  it("does not keep a failed load", async () => {
    const c = cache();
    await expect(c.get("e", 1, async () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    expect((await c.get("e", 1, async () => ({ revision: 1, value: { at: 1 } }))).at).toBe(1);
  });
});
