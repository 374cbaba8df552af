// Weights and probabilities are shown as percentages everywhere a person reads them.

/** 0.1734 → "17%"; digits for a finer figure ("17.3%"). */
export function formatPercent(share: number, digits = 0): string {
  const value = (share * 100).toFixed(digits);
  // "-0%" reads as a bug.
  return `${Number(value) === 0 ? (0).toFixed(digits) : value}%`;
}

/**
 * A probability as a reader trusts it: a whole percentage, like every other share, but never
 * "100%" (or "0%") for what sampling found very likely (or very unlikely). The summary, the ranking
 * and the landing page's sample all say it this way, so one number reads the same everywhere.
 */
export function formatChance(probability: number): string {
  if (probability >= 0.995) return "over 99%";
  if (probability <= 0.005 && probability > 0) return "under 1%";
  return formatPercent(probability);
}

/** A difference of two shares in percentage points, e.g. 0.17 → "17 points". */
export function formatPoints(difference: number): string {
  const points = Math.round(Math.abs(difference) * 100);
  if (points === 0) return "less than 1 point";
  return `${points} ${points === 1 ? "point" : "points"}`;
}
