// Records keyed by ids that users choose: criterion and option keys, voters. Such an id can be
// any string, "constructor", "toString" and "__proto__" included. A plain `record[id]` then reads
// Object.prototype (a missing "constructor" is a function, not undefined, and turns a sum into
// NaN), and `record[id] = value` with "__proto__" replaces the prototype instead of adding a key.
// Every lookup by id goes through ownValue/ownNumber, and every record keyed by id is built with
// Object.fromEntries, which defines "__proto__" as an ordinary own key.

/** A JSON object: the only thing a map of weights, ratings or judgments can be. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The record's own value for `key`, or undefined; never a property inherited from Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return isPlainRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The record's own value for `key` when it is a finite number, else `fallback` (missing counts as 0). */
export function ownNumber(record: Readonly<Record<string, unknown>> | null | undefined, key: string, fallback = 0): number {
  const value = ownValue(record, key);
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** One own property per id, in id order, valued by `valueAt`. */
export function recordById<T>(ids: readonly string[], valueAt: (index: number) => T): Record<string, T> {
  return Object.fromEntries(ids.map((id, index) => [id, valueAt(index)]));
}
