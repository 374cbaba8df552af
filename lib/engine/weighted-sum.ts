import { ownNumber, ownValue } from "./own-keys";

/** Ratings by option id, then criterion id, on the 0-10 scale (10 best). */
export type RatingTable = Record<string, Record<string, number>>;

export interface RankedOption {
  option: string;
  score: number;
  rank: number;
}

/**
 * Weighted sum of ratings for each option, best first; ties share a rank ("1224" ranking).
 * A rating or weight missing from the tables counts as 0 (own keys only: see own-keys.ts).
 */
export function rankByWeightedSum(
  optionIds: readonly string[],
  criterionIds: readonly string[],
  ratings: RatingTable,
  weights: Record<string, number>,
): RankedOption[] {
  const scored = optionIds.map((option) => {
    const row = ownValue(ratings, option);
    return { option, score: criterionIds.reduce((sum, c) => sum + ownNumber(weights, c) * ownNumber(row, c), 0) };
  });
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
