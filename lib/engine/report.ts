// Assembles the engine report (docs/CONTRACTS.md, "Scoring engine report") from the steps.
import { aggregateAllRules, AGGREGATION_RULES } from "./aggregate";
import { consensus, consensusScaleMax, CONTESTED_BELOW, mostContested } from "./consensus";
import { buildModel, type EngineModel } from "./model";
import { fitConcentration, leadNoise, winProbabilities } from "./montecarlo";
import { recordById } from "./own-keys";
import { DEFAULT_SAMPLES, DEFAULT_SEED } from "./schema";
import { rankScores, weightedScores } from "./scores";
import { flipPoints } from "./sensitivity";
import type { Aggregation, AggregationComparison, EngineInput, EngineReport } from "./types";

/**
 * The full report for an input. Pure and deterministic: the same input, seed included, gives the
 * same report byte for byte once serialised. Ballots it cannot score (see ballot-rules.ts; none,
 * for input that passed parseEngineInput) are left out and listed in `excludedBallots`: a bad
 * stored ballot never makes it throw, nor turns a number of the report into NaN. A missing
 * rating does throw (AppError "invalid", naming option and criterion) unless the input's
 * `missingRatings` says how to score it: it must never silently count as the worst score.
 * Without ballots there is no win probability (null), and with fewer than two no consensus.
 */
export function computeReport(input: EngineInput): EngineReport {
  const model = buildModel(input);
  const { optionIds, criterionIds, ratings, ballots } = model;
  const optionCount = optionIds.length;
  const criterionCount = criterionIds.length;
  const voterCount = ballots.voters.length;
  const rule = input.aggregation ?? "mean";
  const samples = input.samples ?? DEFAULT_SAMPLES;
  const seed = input.seed ?? DEFAULT_SEED;

  const weightsByRule = aggregateAllRules(ballots, criterionCount);
  const weights = weightsByRule[rule];
  const scores = weightedScores(ratings, weights, optionCount);
  const { order, ranks } = rankScores(scores);
  const concentration = fitConcentration(ballots.weights, voterCount, criterionCount);
  const winShare = concentration === null ? null : winProbabilities(ratings, optionCount, weights, concentration, samples, seed);
  const lead = concentration === null ? null : leadNoise(ratings, weights, order[0], order[1], concentration);
  const agreement = consensus(ballots.weights, voterCount, criterionCount, consensusScaleMax(ballots.allPairwise));
  const flips = flipPoints(ratings, weights, optionCount, order[0]);

  // Keyed by voter through Object.fromEntries, so a voter called "__proto__" is a key like any other.
  const pairwise = [...ballots.pairwise];
  const consistency = Object.fromEntries(pairwise.map(([voter, analysis]) => [voter, analysis.consistencyRatio]));
  const inconsistentJudgments = Object.fromEntries(pairwise.map(([voter, analysis]) => [voter, analysis.mostInconsistent]));

  return {
    weights: byId(criterionIds, weights),
    ranking: order.map((o, position) => ({
      option: optionIds[o],
      score: scores[o],
      rank: ranks[position],
      winProbability: winShare ? winShare[o] : null,
    })),
    consensus: {
      overall: agreement.overall,
      byCriterion: agreement.byCriterion ? byId(criterionIds, agreement.byCriterion) : {},
      mostContested: mostContested(agreement.byCriterion, criterionIds),
      disagreementShare: agreement.disagreementShare ? byId(criterionIds, agreement.disagreementShare) : {},
      contestedBelow: CONTESTED_BELOW,
    },
    sensitivity: flips.map((flip, c) => ({
      criterion: criterionIds[c],
      weight: weights[c],
      flipAt: flip.flipAt,
      newLeader: flip.newLeader === null ? null : optionIds[flip.newLeader],
    })),
    consistency,
    aggregation: rule,
    inconsistentJudgments,
    aggregations: compareRules(model, weightsByRule),
    monteCarlo: {
      samples,
      seed,
      concentration,
      leadMargin: lead ? lead.margin : null,
      leadNoise: lead ? lead.noise : null,
      // A shared first rank is a tie: uncertain whatever the sampling says.
      leadUncertain: lead ? lead.uncertain || ranks[1] === 1 : false,
    },
    excludedBallots: ballots.excluded,
  };
}

/** The weights and winner(s) under every aggregation rule, and whether the rule matters. */
export function compareAggregations(input: EngineInput): AggregationComparison {
  const model = buildModel(input);
  return compareRules(model, aggregateAllRules(model.ballots, model.criterionIds.length));
}

function compareRules(
  { optionIds, criterionIds, ratings }: EngineModel,
  weightsByRule: Record<Aggregation, Float64Array>,
): AggregationComparison {
  const rules = AGGREGATION_RULES.map((rule) => {
    const weights = weightsByRule[rule];
    const scores = weightedScores(ratings, weights, optionIds.length);
    const { order, ranks } = rankScores(scores);
    const winners = order.filter((_, position) => ranks[position] === 1).map((o) => optionIds[o]);
    return { rule, weights: byId(criterionIds, weights), winners };
  });
  const first = rules[0].winners.join("\u0000");
  return { rules, winnerDependsOnRule: rules.some((outcome) => outcome.winners.join("\u0000") !== first) };
}

function byId(ids: readonly string[], values: Float64Array): Record<string, number> {
  return recordById(ids, (k) => values[k]);
}
