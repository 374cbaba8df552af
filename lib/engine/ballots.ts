// Turns every ballot, whatever its method, into a weight vector over the criteria summing to 1,
// stored row by row in one Float64Array so aggregation and consensus run over plain numbers.
// Ballots the engine cannot score are left out here, once, for every caller (report, spread,
// one ballot's weights), and listed with the reason: one bad stored ballot must not take the
// report down for everyone, nor turn its numbers into NaN.
import { ballotProblem } from "./ballot-rules";
import { analysePairwiseBallot, type Judgment, type PairwiseAnalysis } from "./pairwise";
import type { Ballot, ExcludedBallot } from "./types";

export interface NormalisedBallots {
  /** voters of the ballots used, in ballot order */
  voters: string[];
  /** voterCount × criterionCount, row-major; each row sums to 1 */
  weights: Float64Array;
  /** pairwise analyses by voter, in ballot order */
  pairwise: Map<string, PairwiseAnalysis>;
  /** every pairwise judgment of every ballot, for the AIJ group solution */
  judgments: Judgment[];
  /** true when at least one ballot is used and all used are pairwise (AIJ applies) */
  allPairwise: boolean;
  /** ballots left out, in input order, with why */
  excluded: ExcludedBallot[];
}

export function normaliseBallots(
  ballots: readonly Ballot[],
  criterionIds: readonly string[],
  criterionIndex: ReadonlyMap<string, number>,
): NormalisedBallots {
  const { usable, excluded } = usableBallots(ballots, criterionIndex);
  const criterionCount = criterionIds.length;
  const weights = new Float64Array(usable.length * criterionCount);
  const pairwise = new Map<string, PairwiseAnalysis>();
  const judgments: Judgment[] = [];
  usable.forEach((ballot, v) => {
    const row = weights.subarray(v * criterionCount, (v + 1) * criterionCount);
    if (ballot.method === "pairwise") {
      const result = analysePairwiseBallot(ballot.comparisons, criterionIndex);
      row.set(result.analysis.weights);
      pairwise.set(ballot.voter, result.analysis);
      for (const judgment of result.judgments) judgments.push(judgment);
      return;
    }
    // Points and likert alike: a criterion left out counts as 0 (the row starts at 0), the rest
    // in proportion. Walking the ballot's own keys, all known criteria with valid numbers (see
    // usableBallots), never reads an inherited "constructor"; the total is positive.
    let total = 0;
    const entries = ballot.weights;
    for (const key in entries) {
      if (!Object.hasOwn(entries, key)) continue; // for-in for speed (see weightIssues), own keys only
      row[criterionIndex.get(key)!] = entries[key];
      total += entries[key];
    }
    for (let c = 0; c < criterionCount; c++) row[c] /= total;
  });
  return {
    voters: usable.map((ballot) => ballot.voter),
    weights,
    pairwise,
    judgments,
    allPairwise: usable.length > 0 && usable.every((ballot) => ballot.method === "pairwise"),
    excluded,
  };
}

/**
 * The ballots the engine can score, and the others with the reason. The rules are the input
 * schema's (ballot-rules.ts), so for input that passed parseEngineInput nothing is left out.
 * Typed as Ballot[] but checked as unknown: stored ballots reach here without the schema.
 * A voter's second ballot is left out (the first counts): reports are keyed by voter.
 */
function usableBallots(ballots: readonly Ballot[], criterionIndex: ReadonlyMap<string, number>) {
  const usable: Ballot[] = [];
  const excluded: ExcludedBallot[] = [];
  const seenVoters = new Set<string>();
  const isCriterion = (id: string) => criterionIndex.has(id);
  ballots.forEach((ballot: unknown, position) => {
    const voter = voterOf(ballot);
    let problem: string | null;
    if (voter === null) problem = "voter: the ballot names no voter";
    else if (seenVoters.has(voter)) problem = `voter "${voter}" has more than one ballot; the first counts`;
    else problem = ballotProblem(ballot, isCriterion, criterionIndex.size);
    if (voter !== null) seenVoters.add(voter);
    if (problem === null) usable.push(ballot as Ballot);
    else excluded.push({ voter: voter ?? `ballot #${position + 1}`, reason: problem });
  });
  return { usable, excluded };
}

function voterOf(ballot: unknown): string | null {
  const voter = typeof ballot === "object" && ballot !== null ? (ballot as { voter?: unknown }).voter : undefined;
  return typeof voter === "string" && voter !== "" ? voter : null;
}
