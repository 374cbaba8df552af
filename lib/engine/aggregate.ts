// Combines the members' weight vectors into the team's weights under each aggregation rule.
import type { NormalisedBallots } from "./ballots";
import { llsmWeights } from "./pairwise";
import type { Aggregation } from "./types";

export const AGGREGATION_RULES: readonly Aggregation[] = ["mean", "median", "trimmed-mean", "geometric"];

/**
 * Share of ballots dropped at each end by the trimmed mean: the 20% trimmed mean, a standard
 * robust estimator (Wilcox, Introduction to Robust Estimation). With fewer than 5 ballots nothing
 * is trimmed, so it equals the mean.
 */
export const TRIM_FRACTION = 0.2;

/**
 * The team's weights under `rule`, summing to 1.
 * - mean, median, trimmed-mean: per criterion over the normalised ballots, then renormalised.
 * - geometric: when every ballot is pairwise, AIJ: the geometric mean of the individual judgments
 *   (pooled LLSM over all members' comparisons, see pairwise.ts). Otherwise the geometric mean of
 *   the weight vectors (AIP). A criterion any member gives 0 gets 0; if that leaves nothing
 *   (members with disjoint criteria) the mean is used, as the only rule still defined.
 * No ballots at all: equal weights.
 */
export function aggregateWeights(rule: Aggregation, ballots: NormalisedBallots, criterionCount: number): Float64Array {
  const voterCount = ballots.voters.length;
  if (voterCount === 0) return new Float64Array(criterionCount).fill(1 / criterionCount);
  let result: Float64Array;
  if (rule === "geometric") {
    result = (ballots.allPairwise && llsmWeights(criterionCount, ballots.judgments)) || columnGeometricMean(ballots.weights, voterCount, criterionCount);
    if (!normalise(result)) return aggregateWeights("mean", ballots, criterionCount);
    return result;
  }
  result = rule === "mean" ? columnMean(ballots.weights, voterCount, criterionCount) : columnSorted(rule, ballots.weights, voterCount, criterionCount);
  if (!normalise(result)) result.fill(1 / criterionCount);
  return result;
}

function columnMean(weights: Float64Array, voterCount: number, criterionCount: number): Float64Array {
  const result = new Float64Array(criterionCount);
  for (let v = 0; v < voterCount; v++) for (let c = 0; c < criterionCount; c++) result[c] += weights[v * criterionCount + c];
  for (let c = 0; c < criterionCount; c++) result[c] /= voterCount;
  return result;
}

function columnGeometricMean(weights: Float64Array, voterCount: number, criterionCount: number): Float64Array {
  const logSum = new Float64Array(criterionCount);
  for (let v = 0; v < voterCount; v++) for (let c = 0; c < criterionCount; c++) logSum[c] += Math.log(weights[v * criterionCount + c]);
  return logSum.map((sum) => Math.exp(sum / voterCount));
}

/** Median or trimmed mean of each column. */
function columnSorted(rule: "median" | "trimmed-mean", weights: Float64Array, voterCount: number, criterionCount: number): Float64Array {
  const result = new Float64Array(criterionCount);
  const column = new Float64Array(voterCount);
  const trim = Math.floor(voterCount * TRIM_FRACTION);
  for (let c = 0; c < criterionCount; c++) {
    for (let v = 0; v < voterCount; v++) column[v] = weights[v * criterionCount + c];
    column.sort();
    if (rule === "median") {
      const middle = voterCount >> 1;
      result[c] = voterCount % 2 ? column[middle] : (column[middle - 1] + column[middle]) / 2;
    } else {
      let sum = 0;
      for (let v = trim; v < voterCount - trim; v++) sum += column[v];
      result[c] = sum / (voterCount - 2 * trim);
    }
  }
  return result;
}

/** Scales to sum 1 in place; false when there is nothing to scale (all zero). */
function normalise(weights: Float64Array): boolean {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) return false;
  for (let c = 0; c < weights.length; c++) weights[c] /= total;
  return true;
}
