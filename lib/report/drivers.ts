// The criteria that carry most of the team's weight: what a reader needs to understand the
// outcome, instead of every criterion the template offers.

/** Criteria are taken, heaviest first, until together they carry this share of the weight. */
export const DRIVER_WEIGHT_SHARE = 0.8;
/** ... but never more than this many. */
export const MAX_DRIVERS = 6;

/**
 * Keys of the weighted criteria that together carry at least `share` of the weight (at most `max`),
 * heaviest first; ties keep the given order of `keys`. Criteria with no weight are never drivers.
 */
export function weightedDrivers(
  keys: readonly string[],
  weights: Readonly<Record<string, number>>,
  { share = DRIVER_WEIGHT_SHARE, max = MAX_DRIVERS }: { share?: number; max?: number } = {},
): string[] {
  const order = new Map(keys.map((key, i) => [key, i]));
  const weighted = keys
    .filter((key) => (weights[key] ?? 0) > 0)
    .sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || order.get(a)! - order.get(b)!);
  const total = weighted.reduce((sum, key) => sum + weights[key], 0);
  const drivers: string[] = [];
  let carried = 0;
  for (const key of weighted) {
    if (drivers.length >= max || (drivers.length > 0 && carried >= share * total - 1e-9)) break;
    drivers.push(key);
    carried += weights[key];
  }
  return drivers;
}
