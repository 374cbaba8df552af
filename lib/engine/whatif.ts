// What-if re-ranking for the browser: the ranking under weights a member is dragging on a slider.
// Runs on every input event, so it works on typed arrays and allocates only the result.
import { ratingMatrix } from "./model";
import { ownNumber } from "./own-keys";
import { rankScores, weightedScores } from "./scores";
import type { EngineInput } from "./types";
import type { RankedOption } from "./weighted-sum";

/**
 * Options ranked by the weighted sum under `weights` (any non-negative numbers by criterion id,
 * rescaled to sum to 1; missing criteria count as 0, all zero means equal weights).
 * Ties share a rank. A missing rating throws, named, unless `input.missingRatings` says how to
 * score it (see ratingMatrix). For repeated calls on the same input, `whatIfRanker` skips re-indexing.
 */
export function rankWithWeights(
  input: Pick<EngineInput, "options" | "criteria" | "ratings" | "missingRatings">,
  weights: Record<string, number>,
): RankedOption[] {
  return whatIfRanker(input)(weights);
}

/** Indexes the ratings once and returns a re-ranking function for new weights. */
export function whatIfRanker(
  input: Pick<EngineInput, "options" | "criteria" | "ratings" | "missingRatings">,
): (weights: Record<string, number>) => RankedOption[] {
  const ratings = ratingMatrix(input);
  const criterionIds = input.criteria.map((criterion) => criterion.id);
  const optionIds = input.options.map((option) => option.id);
  const vector = new Float64Array(criterionIds.length);
  const scores = new Float64Array(optionIds.length);
  return (weights) => {
    let total = 0;
    criterionIds.forEach((id, c) => {
      vector[c] = Math.max(0, ownNumber(weights, id));
      total += vector[c];
    });
    if (total > 0) for (let c = 0; c < vector.length; c++) vector[c] /= total;
    else vector.fill(1 / vector.length);
    weightedScores(ratings, vector, optionIds.length, scores);
    const { order, ranks } = rankScores(scores);
    return order.map((o, position) => ({ option: optionIds[o], score: scores[o], rank: ranks[position] }));
  };
}
