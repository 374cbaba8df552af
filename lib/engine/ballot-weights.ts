import { normaliseBallots } from "./ballots";
import { ownNumber, recordById } from "./own-keys";
import type { Ballot } from "./types";

/**
 * One ballot as the weights it gives each criterion, summing to 1, whatever its method. A ballot
 * the engine cannot score (see ballot-rules.ts) gives every criterion 0: it counts for nothing,
 * as in the report, which lists it in `excludedBallots`.
 */
export function ballotWeights(ballot: Ballot, criterionIds: readonly string[]): Record<string, number> {
  const index = new Map(criterionIds.map((id, i) => [id, i]));
  // Whoever cast it, its weights are the same: only the ballot itself is checked.
  const { weights, voters } = normaliseBallots([{ ...ballot, voter: "ballot" }], criterionIds, index);
  const counted = voters.length > 0;
  return recordById(criterionIds, (i) => (counted ? weights[i] : 0));
}

export interface WeightChange {
  criterion: string;
  from: number;
  to: number;
}

/** What a member changed between two ballots: criteria whose weight moved by at least `threshold`. */
export function weightChanges(before: Record<string, number>, after: Record<string, number>, threshold = 0.005): WeightChange[] {
  return Object.keys(after)
    .map((criterion) => ({ criterion, from: ownNumber(before, criterion), to: ownNumber(after, criterion) }))
    .filter((c) => Math.abs(c.to - c.from) >= threshold)
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from));
}
