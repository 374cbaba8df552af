// Profile → weights → ranking of the catalog's options, using the engine's weighted sum so the
// recommendation and a team's own evaluation score options the same way.
import { rankByWeightedSum, type RankedOption } from "@/lib/engine/weighted-sum";
import { getCatalog } from "./builtin-catalog";
import { parseProfile } from "./profile";
import type { Catalog } from "./schema";
import { describeGap, getRuleBook, scoreTable, weightsFor, type SuggestedWeights } from "./weights";

export { scoreTable };

export interface Recommendation extends SuggestedWeights {
  ranking: RankedOption[];
  /** one readable sentence: who leads, by how much, and how sure that is */
  summary: string;
}

/**
 * Suggested weights, their explanations and the ranking for a profile. Pass a team's extended
 * catalog to rank its frameworks too; criteria the rules do not know get the default weight.
 */
export function recommend(profile: unknown, catalog: Catalog = getCatalog()): Recommendation {
  const valid = parseProfile(profile);
  const criterionIds = catalog.criteria.map((c) => c.id);
  const scores = scoreTable(catalog);
  const suggested = weightsFor(valid, criterionIds, getRuleBook(), scores, Object.fromEntries(catalog.options.map((o) => [o.id, o.name])));
  const ranking = rankByWeightedSum(
    catalog.options.map((o) => o.id),
    criterionIds,
    scores,
    suggested.weights,
  );
  const names = new Map(catalog.options.map((o) => [o.id, o.name]));
  return { ...suggested, ranking, summary: summarise(ranking, names) };
}

function summarise(ranking: RankedOption[], names: Map<string, string>): string {
  if (ranking.length < 2) return ranking.length ? `Only ${names.get(ranking[0].option)} is rated.` : "Nothing is rated.";
  const [first, second] = ranking;
  const gap = first.score - second.score;
  const scores = ranking.map((r) => `${names.get(r.option) ?? r.option} ${r.score.toFixed(2)}`).join(" vs ");
  if (gap < 0.25) {
    return `${scores}: effectively a tie for this profile. The team's own weights and ratings should decide.`;
  }
  return `${names.get(first.option) ?? first.option} has ${describeGap(gap)} (${scores}, a gap of ${gap.toFixed(2)} points out of 10). The reasons below say what moved it.`;
}
