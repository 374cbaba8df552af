import { ownNumber } from "@/lib/engine/own-keys";
import { POINTS_TOTAL } from "@/lib/validation/ballot";

/**
 * Weights (any non-negative numbers) as whole points summing to 100, by largest remainders,
 * ready for a "points" ballot. All zero gives equal points. A key missing from `weights` (own
 * keys only, so a missing "constructor" too) or not a finite number counts as 0.
 */
export function weightsToPoints(weights: Record<string, number>, keys: readonly string[]): Record<string, number> {
  const values = keys.map((k) => Math.max(0, ownNumber(weights, k)));
  const total = values.reduce((sum, value) => sum + value, 0);
  const raw = values.map((value) => (total > 0 ? (value / total) * POINTS_TOTAL : POINTS_TOTAL / keys.length));
  const points = raw.map(Math.floor);
  let left = POINTS_TOTAL - points.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - points[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) points[i]++;
  // Entries, not assignments: a key "__proto__" must stay a key.
  return Object.fromEntries(keys.map((k, i) => [k, points[i]]));
}
