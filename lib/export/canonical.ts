import { createHash } from "node:crypto";

/**
 * Canonical JSON: object keys sorted by UTF-16 code units at every depth, no whitespace, strings
 * and numbers exactly as JSON.stringify writes them (the same rules as RFC 8785 for the values a
 * decision record holds). Two equal records therefore always give the same text, and so the same
 * hash, whatever order their fields were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value, "(root)"));
}

/**
 * A copy of `value` whose objects have their keys in sorted order, so JSON.stringify writes them
 * sorted. Object properties holding `undefined` are dropped, as JSON.stringify drops them;
 * anything JSON cannot represent faithfully (NaN, functions, Dates, undefined in arrays) throws,
 * because silently changing it would change the hash.
 */
export function sortKeysDeep(value: unknown, path = "(root)"): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === undefined) throw new TypeError(`${path}.${i}: undefined has no JSON form`);
      return sortKeysDeep(item, `${path}.${i}`);
    });
  }
  if (typeof value === "object" && isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const item = (value as Record<string, unknown>)[key];
        return item === undefined ? [] : [[key, sortKeysDeep(item, `${path}.${key}`)] as const];
      });
    // fromEntries defines own properties, so a "__proto__" key from JSON.parse stays data and is hashed.
    return Object.fromEntries(entries);
  }
  throw new TypeError(`${path}: ${Object.prototype.toString.call(value)} has no canonical JSON form`);
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
