// Indexes the engine input once into typed arrays, so every later step works on plain numbers.
import { normaliseBallots, type NormalisedBallots } from "./ballots";
import { ownNumber, ownValue } from "./own-keys";
import type { EngineInput } from "./types";

export interface EngineModel {
  optionIds: string[];
  criterionIds: string[];
  criterionIndex: Map<string, number>;
  /** optionCount × criterionCount, option-major; a missing (or non-numeric) rating counts as 0 */
  ratings: Float64Array;
  ballots: NormalisedBallots;
}

export function ratingMatrix(input: Pick<EngineInput, "options" | "criteria" | "ratings">): Float64Array {
  const criterionCount = input.criteria.length;
  const ratings = new Float64Array(input.options.length * criterionCount);
  input.options.forEach((option, o) => {
    // Own keys only: an unrated option "constructor" must not read Object.prototype.constructor.
    const row = ownValue(input.ratings, option.id);
    if (!row) return;
    input.criteria.forEach((criterion, c) => {
      ratings[o * criterionCount + c] = ownNumber(row, criterion.id);
    });
  });
  return ratings;
}

export function buildModel(input: EngineInput): EngineModel {
  const criterionIds = input.criteria.map((criterion) => criterion.id);
  const criterionIndex = new Map(criterionIds.map((id, c) => [id, c]));
  return {
    optionIds: input.options.map((option) => option.id),
    criterionIds,
    criterionIndex,
    ratings: ratingMatrix(input),
    ballots: normaliseBallots(input.ballots, criterionIds, criterionIndex),
  };
}
