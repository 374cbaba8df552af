import { normaliseBallots } from "./ballots";
import type { Ballot } from "./types";

/** One ballot as the weights it gives each criterion, summing to 1, whatever its method. */
export function ballotWeights(ballot: Ballot, criterionIds: readonly string[]): Record<string, number> {
  const index = new Map(criterionIds.map((id, i) => [id, i]));
  const { weights } = normaliseBallots([ballot], criterionIds, index);
  return Object.fromEntries(criterionIds.map((id, i) => [id, weights[i]]));
}

export interface WeightChange {
  criterion: string;
  from: number;
  to: number;
}

/** What a member changed between two ballots: criteria whose weight moved by at least `threshold`. */
export function weightChanges(
  before: Record<string, number>,
  after: Record<string, number>,
  threshold = 0.005,
): WeightChange[] {
  return Object.keys(after)
    .map((criterion) => ({ criterion, from: before[criterion] ?? 0, to: after[criterion] }))
    .filter((c) => Math.abs(c.to - c.from) >= threshold)
    .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from));
}
