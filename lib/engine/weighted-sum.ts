/** Ratings by option id, then criterion id, on the 0-10 scale (10 best). */
export type RatingTable = Record<string, Record<string, number>>;

export interface RankedOption {
  option: string;
  score: number;
  rank: number;
}

/**
 * Weighted sum of ratings for each option, best first; ties share a rank ("1224" ranking).
 * A rating missing from the table counts as 0.
 */
export function rankByWeightedSum(
  optionIds: readonly string[],
  criterionIds: readonly string[],
  ratings: RatingTable,
  weights: Record<string, number>,
): RankedOption[] {
  const scored = optionIds.map((option) => ({
    option,
    score: criterionIds.reduce((sum, c) => sum + (weights[c] ?? 0) * (ratings[option]?.[c] ?? 0), 0),
  }));
  scored.sort((a, b) => b.score - a.score);
  return scored.map((entry, i) => {
    let rank = i + 1;
    if (i > 0 && Math.abs(entry.score - scored[i - 1].score) < 1e-9) rank = rankOf(scored, i);
    return { ...entry, rank };
  });
}

function rankOf(scored: { score: number }[], i: number): number {
  let j = i;
  while (j > 0 && Math.abs(scored[j].score - scored[j - 1].score) < 1e-9) j--;
  return j + 1;
}
