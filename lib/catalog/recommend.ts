// Profile → weights → ranking of the catalog's options, using the engine's weighted sum so the
// recommendation and a team's own evaluation score options the same way.
import { rankByWeightedSum, type RankedOption } from "@/lib/engine/weighted-sum";
import { getCatalog } from "./builtin-catalog";
import { parseProfile } from "./profile";
import type { Catalog } from "./schema";
import { getRuleBook, weightsFor, type SuggestedWeights } from "./weights";

export interface Recommendation extends SuggestedWeights {
  ranking: RankedOption[];
}

/** Scores only, as the engine expects them: ratings[option][criterion] = 0-10. */
export function scoreTable(catalog: Catalog): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(catalog.ratings).map(([option, byCriterion]) => [
      option,
      Object.fromEntries(Object.entries(byCriterion).map(([criterion, rating]) => [criterion, rating.score])),
    ]),
  );
}

/**
 * Suggested weights, their explanations and the ranking for a profile. Pass a team's extended
 * catalog to rank its frameworks too; criteria the rules do not know get the default weight.
 */
export function recommend(profile: unknown, catalog: Catalog = getCatalog()): Recommendation {
  const valid = parseProfile(profile);
  const criterionIds = catalog.criteria.map((c) => c.id);
  const suggested = weightsFor(valid, criterionIds, getRuleBook());
  const ranking = rankByWeightedSum(
    catalog.options.map((o) => o.id),
    criterionIds,
    scoreTable(catalog),
    suggested.weights,
  );
  return { ...suggested, ranking };
}
