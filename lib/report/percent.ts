// Weights and probabilities are shown as percentages everywhere a person reads them.

/** 0.1734 → "17%"; digits for a finer figure ("17.3%"). */
export function formatPercent(share: number, digits = 0): string {
  const value = (share * 100).toFixed(digits);
  // "-0%" reads as a bug.
  return `${Number(value) === 0 ? (0).toFixed(digits) : value}%`;
}

/** A difference of two shares in percentage points, e.g. 0.17 → "17 points". */
export function formatPoints(difference: number): string {
  const points = Math.round(Math.abs(difference) * 100);
  if (points === 0) return "less than 1 point";
  return `${points} ${points === 1 ? "point" : "points"}`;
}
