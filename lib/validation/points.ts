import { POINTS_TOTAL } from "@/lib/validation/ballot";

/**
 * Weights (any non-negative numbers) as whole points summing to 100, by largest remainders,
 * ready for a "points" ballot. All zero gives equal points.
 */
export function weightsToPoints(weights: Record<string, number>, keys: readonly string[]): Record<string, number> {
  const total = keys.reduce((sum, k) => sum + Math.max(0, weights[k] ?? 0), 0);
  const raw = keys.map((k) => (total > 0 ? (Math.max(0, weights[k] ?? 0) / total) * POINTS_TOTAL : POINTS_TOTAL / keys.length));
  const points = raw.map(Math.floor);
  let left = POINTS_TOTAL - points.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - points[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) if (left-- > 0) points[i]++;
  return Object.fromEntries(keys.map((k, i) => [k, points[i]]));
}
