import "server-only";
import { LRUCache } from "lru-cache";

// What an evaluation's readers share, cached per (evaluation, revision). Every write to what the
// report is computed from (options, criteria, ratings, ballots, status, round, aggregation) goes
// through the evaluation's write lock, which bumps `revision` in the same transaction
// (lib/domain/evaluation-access.ts). So an entry keyed by a revision never goes stale: a change
// makes a new key, and the old entry simply stops being asked for. That is what keeps it correct
// across several instances without any invalidation message: each instance keys by the revision
// it has just read from the database, in the same query as the reader's access check.
//
// Only reader-independent data is stored (the loaded rows, the engine's report, the spread).
// What a given reader may see is decided after the cache, per request (lib/ballots/visibility.ts),
// so a cached report computed after the reveal is never handed to a reader of a blind evaluation:
// a blind evaluation's report is not computed at all.

export interface RevisionCacheOptions<V> {
  /** entries kept at most */
  max: number;
  /** estimated bytes kept at most, over all entries */
  maxBytes: number;
  /** the estimated bytes of one entry */
  sizeOf: (value: V) => number;
}

export interface RevisionCache<V> {
  /**
   * The value for (id, revision): from the cache, from a load already in flight for the same key
   * (concurrent misses share one load), or loaded now. `load` reports the revision it actually
   * read (a write may land between the access check and the load): the value is stored under that
   * revision, never under a revision it does not belong to.
   */
  get(id: string, revision: number, load: () => Promise<{ revision: number; value: V }>): Promise<V>;
  /** entries held now (for tests and the bench) */
  readonly size: number;
  /** loads started since the process began (for tests and the bench) */
  readonly loads: number;
  clear(): void;
}

export function createRevisionCache<V extends object>(options: RevisionCacheOptions<V>): RevisionCache<V> {
  const entries = new LRUCache<string, V>({
    max: options.max,
    maxSize: options.maxBytes,
    sizeCalculation: (value) => Math.max(1, Math.min(options.maxBytes, Math.round(options.sizeOf(value)))),
  });
  const inFlight = new Map<string, Promise<V>>();
  /** the newest revision stored per evaluation: older ones are dropped, nobody asks for them again */
  const newest = new Map<string, number>();
  let loads = 0;
  const keyOf = (id: string, revision: number) => `${id}@${revision}`;

  function store(id: string, revision: number, value: V) {
    const previous = newest.get(id);
    if (previous !== undefined && previous > revision) return; // a slower load of an older revision
    if (previous !== undefined && previous < revision) entries.delete(keyOf(id, previous));
    newest.set(id, revision);
    entries.set(keyOf(id, revision), value);
    // `newest` only names entries; it is pruned when it outgrows the entries it could name.
    if (newest.size > options.max * 2) {
      for (const [evaluationId, rev] of newest) if (!entries.has(keyOf(evaluationId, rev))) newest.delete(evaluationId);
    }
  }

  return {
    async get(id, revision, load) {
      const key = keyOf(id, revision);
      const cached = entries.get(key);
      if (cached) return cached;
      const pending = inFlight.get(key);
      if (pending) return pending;
      loads++;
      const promise = load().then(({ revision: loaded, value }) => {
        store(id, loaded, value);
        return value;
      });
      inFlight.set(key, promise);
      try {
        return await promise;
      } finally {
        inFlight.delete(key);
      }
    },
    get size() {
      return entries.size;
    },
    get loads() {
      return loads;
    },
    clear() {
      entries.clear();
      newest.clear();
    },
  };
}
