import { ballotWeights } from "@/lib/engine/ballot-weights";
import type { EvaluationView } from "@/lib/api/evaluation-view";

export type WeightsSource = "team" | "mine" | "equal";

/**
 * Where a what-if starts: the team's weights when the report may be shown; while the ballots are
 * blind, the reader's own ballot (the view carries no one else's), or equal weights before they vote.
 * Keyed by criterion key, as the engine's table is.
 */
export function startingWeights(view: Pick<EvaluationView, "report" | "myBallot" | "table">): {
  source: WeightsSource;
  weights: Record<string, number>;
} {
  const ids = view.table.criteria.map((c) => c.id);
  if (view.report) return { source: "team", weights: Object.fromEntries(ids.map((id) => [id, view.report?.weights[id] ?? 0])) };
  if (view.myBallot) return { source: "mine", weights: ballotWeights(view.myBallot, ids) };
  return { source: "equal", weights: Object.fromEntries(ids.map((id) => [id, 1])) };
}

export const SOURCE_LABELS: Record<WeightsSource, { reset: string; baseline: string }> = {
  team: { reset: "Reset to team weights", baseline: "the team's ranking" },
  mine: { reset: "Reset to my ballot", baseline: "the ranking under your ballot" },
  equal: { reset: "Reset to equal weights", baseline: "the ranking with equal weights" },
};
