// Combines the members' weight vectors into the team's weights under each aggregation rule.
import type { NormalisedBallots } from "./ballots";
import { llsmWeights } from "./pairwise";
import { AGGREGATIONS, type Aggregation } from "@/lib/vocabulary";

export const AGGREGATION_RULES: readonly Aggregation[] = AGGREGATIONS;

/**
 * Share of ballots dropped at each end by the trimmed mean: the 20% trimmed mean, a standard
 * robust estimator (Wilcox, Introduction to Robust Estimation). With fewer than 5 ballots nothing
 * is trimmed, so it equals the mean.
 */
export const TRIM_FRACTION = 0.2;

/**
 * The team's weights under every rule at once (each column is sorted once for median and trimmed
 * mean, which is most of the cost), each summing to 1:
 * - mean, median, trimmed-mean: per criterion over the normalised ballots, then renormalised.
 * - geometric: when every ballot is pairwise, AIJ: the geometric mean of the individual judgments
 *   (pooled LLSM over all members' comparisons, see pairwise.ts). Otherwise the geometric mean of
 *   the weight vectors (AIP). A criterion any member gives 0 gets 0; if that leaves nothing
 *   (members with disjoint criteria) the mean is used, as the only rule still defined.
 * No ballots at all: equal weights under every rule.
 */
export function aggregateAllRules(ballots: NormalisedBallots, criterionCount: number): Record<Aggregation, Float64Array> {
  const voterCount = ballots.voters.length;
  const mean = new Float64Array(criterionCount);
  const median = new Float64Array(criterionCount);
  const trimmedMean = new Float64Array(criterionCount);
  const geometric = new Float64Array(criterionCount);
  if (voterCount === 0) {
    for (const weights of [mean, median, trimmedMean, geometric]) weights.fill(1 / criterionCount);
    return { mean, median, "trimmed-mean": trimmedMean, geometric };
  }

  const column = new Float64Array(voterCount);
  const trim = Math.floor(voterCount * TRIM_FRACTION);
  const middle = voterCount >> 1;
  for (let c = 0; c < criterionCount; c++) {
    for (let v = 0; v < voterCount; v++) column[v] = ballots.weights[v * criterionCount + c];
    column.sort();
    let sum = 0;
    let trimmedSum = 0;
    let logSum = 0;
    for (let v = 0; v < voterCount; v++) {
      sum += column[v];
      if (v >= trim && v < voterCount - trim) trimmedSum += column[v];
    }
    // Sorted ascending: a zero, which makes the geometric mean 0, can only come first.
    if (column[0] > 0) for (let v = 0; v < voterCount; v++) logSum += Math.log(column[v]);
    mean[c] = sum / voterCount;
    median[c] = voterCount % 2 ? column[middle] : (column[middle - 1] + column[middle]) / 2;
    trimmedMean[c] = trimmedSum / (voterCount - 2 * trim);
    geometric[c] = column[0] > 0 ? Math.exp(logSum / voterCount) : 0;
  }
  const aij = ballots.allPairwise ? llsmWeights(criterionCount, ballots.judgments) : null;
  if (aij) geometric.set(aij);

  for (const weights of [mean, median, trimmedMean]) if (!normalise(weights)) weights.fill(1 / criterionCount);
  if (!normalise(geometric)) geometric.set(mean);
  return { mean, median, "trimmed-mean": trimmedMean, geometric };
}

/** Scales to sum 1 in place; false when there is nothing to scale (all zero). */
function normalise(weights: Float64Array): boolean {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) return false;
  for (let c = 0; c < weights.length; c++) weights[c] /= total;
  return true;
}
