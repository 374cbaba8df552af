// How far apart the members' weights for each criterion are, on the ballots normalised to sum
// to 1 (so points, likert and pairwise ballots compare alike). An aggregate: it names no voter.
import { normaliseBallots } from "./ballots";
import type { EngineInput } from "./types";

export interface WeightSpread {
  /** population standard deviation of the members' weights */
  sd: number;
  /** interquartile range (linear interpolation between order statistics) */
  iqr: number;
}

/**
 * Spread of the members' normalised weights per criterion id; zeros with fewer than two ballots.
 * Ballots the engine cannot score are left out, as in the report.
 */
export function weightSpread(input: EngineInput): Record<string, WeightSpread> {
  // Only the ballots: a spread needs no ratings, so a missing one is not its business.
  const criterionIds = input.criteria.map((criterion) => criterion.id);
  const ballots = normaliseBallots(input.ballots, criterionIds, new Map(criterionIds.map((id, c) => [id, c])));
  const voterCount = ballots.voters.length;
  const criterionCount = criterionIds.length;
  const column = new Float64Array(voterCount);
  // Entries, not assignments: a criterion called "__proto__" must become a key, not the prototype.
  return Object.fromEntries(
    criterionIds.map((id, c): [string, WeightSpread] => {
      if (voterCount < 2) return [id, { sd: 0, iqr: 0 }];
      let sum = 0;
      for (let v = 0; v < voterCount; v++) {
        column[v] = ballots.weights[v * criterionCount + c];
        sum += column[v];
      }
      const mean = sum / voterCount;
      let squares = 0;
      for (const w of column) squares += (w - mean) ** 2;
      column.sort();
      return [id, { sd: Math.sqrt(squares / voterCount), iqr: quantile(column, 0.75) - quantile(column, 0.25) }];
    }),
  );
}

function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
