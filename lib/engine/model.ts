// Indexes the engine input once into typed arrays, so every later step works on plain numbers.
import { AppError } from "@/lib/errors";
import { normaliseBallots, type NormalisedBallots } from "./ballots";
import { ownValue } from "./own-keys";
import type { EngineInput, MissingRatings } from "./types";

export interface EngineModel {
  optionIds: string[];
  criterionIds: string[];
  criterionIndex: Map<string, number>;
  /** optionCount × criterionCount, option-major; missing ratings filled as `missingRatings` says */
  ratings: Float64Array;
  ballots: NormalisedBallots;
}

/** The middle of the 0-10 rating scale: "no better or worse than average" for a missing rating. */
export const RATING_MIDPOINT = 5;

type RatingInput = Pick<EngineInput, "options" | "criteria" | "ratings" | "missingRatings">;

/** Each option and criterion without a usable rating (own key, finite number), in input order. */
export function missingRatingCells(
  input: Pick<EngineInput, "options" | "criteria" | "ratings">,
): { option: EngineInput["options"][number]; criterion: EngineInput["criteria"][number] }[] {
  const missing: ReturnType<typeof missingRatingCells> = [];
  for (const option of input.options) {
    // Own keys only: an unrated option "constructor" must not read Object.prototype.constructor.
    const row = ownValue(input.ratings, option.id);
    for (const criterion of input.criteria) {
      const value = ownValue(row as Record<string, unknown> | undefined, criterion.id);
      if (typeof value !== "number" || !Number.isFinite(value)) missing.push({ option, criterion });
    }
  }
  return missing;
}

/** Why a missing rating cannot be scored under the "error" policy, naming both ends. */
export function missingRatingMessage(option: { id: string; name: string }, criterion: { id: string; name: string }): string {
  return `option "${option.name}" (${option.id}) has no rating for criterion "${criterion.name}" (${criterion.id}); rate it, or set missingRatings to "zero" or "midpoint"`;
}

/**
 * The rating matrix. A missing rating is never silently the worst score: under the default
 * policy "error" it throws AppError("invalid") naming the option and criterion (the app rates
 * every cell before voting opens, and the input schema reports the same for the CLI and API);
 * "zero" and "midpoint" fill it with 0 or 5 because the caller asked for that.
 */
export function ratingMatrix(input: RatingInput, policy: MissingRatings = input.missingRatings ?? "error"): Float64Array {
  const criterionCount = input.criteria.length;
  const ratings = new Float64Array(input.options.length * criterionCount);
  const fill = policy === "midpoint" ? RATING_MIDPOINT : 0;
  input.options.forEach((option, o) => {
    const row = ownValue(input.ratings, option.id) as Record<string, unknown> | undefined;
    input.criteria.forEach((criterion, c) => {
      const value = ownValue(row, criterion.id);
      if (typeof value === "number" && Number.isFinite(value)) {
        ratings[o * criterionCount + c] = value;
        return;
      }
      if (policy === "error") {
        throw new AppError(
          "invalid",
          `Invalid evaluation: ratings.${option.id}.${criterion.id}: ${missingRatingMessage(option, criterion)}`,
          {
            [`ratings.${option.id}.${criterion.id}`]: missingRatingMessage(option, criterion),
          },
        );
      }
      ratings[o * criterionCount + c] = fill;
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
