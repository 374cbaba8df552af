// Turns every ballot, whatever its method, into a weight vector over the criteria summing to 1,
// stored row by row in one Float64Array so aggregation and consensus run over plain numbers.
import { analysePairwiseBallot, type Judgment, type PairwiseAnalysis } from "./pairwise";
import type { Ballot } from "./types";

export interface NormalisedBallots {
  voters: string[];
  /** voterCount × criterionCount, row-major; each row sums to 1 */
  weights: Float64Array;
  /** pairwise analyses by voter, in ballot order */
  pairwise: Map<string, PairwiseAnalysis>;
  /** every pairwise judgment of every ballot, for the AIJ group solution */
  judgments: Judgment[];
  /** true when there is at least one ballot and all are pairwise (AIJ applies) */
  allPairwise: boolean;
}

export function normaliseBallots(
  ballots: readonly Ballot[],
  criterionIds: readonly string[],
  criterionIndex: ReadonlyMap<string, number>,
): NormalisedBallots {
  const criterionCount = criterionIds.length;
  const weights = new Float64Array(ballots.length * criterionCount);
  const pairwise = new Map<string, PairwiseAnalysis>();
  const judgments: Judgment[] = [];
  ballots.forEach((ballot, v) => {
    const row = weights.subarray(v * criterionCount, (v + 1) * criterionCount);
    if (ballot.method === "pairwise") {
      const result = analysePairwiseBallot(ballot.comparisons, criterionIndex);
      row.set(result.analysis.weights);
      pairwise.set(ballot.voter, result.analysis);
      for (const judgment of result.judgments) judgments.push(judgment);
      return;
    }
    // Points and likert alike: a criterion left out counts as 0, the rest in proportion.
    let total = 0;
    for (let c = 0; c < criterionCount; c++) {
      const value = ballot.weights[criterionIds[c]] ?? 0;
      row[c] = value;
      total += value;
    }
    if (total > 0) for (let c = 0; c < criterionCount; c++) row[c] /= total;
  });
  return {
    voters: ballots.map((ballot) => ballot.voter),
    weights,
    pairwise,
    judgments,
    allPairwise: ballots.length > 0 && ballots.every((ballot) => ballot.method === "pairwise"),
  };
}
