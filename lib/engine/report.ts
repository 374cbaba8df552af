// Assembles the engine report (../shared/CONTRACTS.md, "Scoring engine report") from the steps.
import { aggregateAllRules, AGGREGATION_RULES } from "./aggregate";
import { consensus, mostContested } from "./consensus";
import { buildModel, type EngineModel } from "./model";
import { fitConcentration, winProbabilities } from "./montecarlo";
import { DEFAULT_SAMPLES, DEFAULT_SEED } from "./schema";
import { rankScores, weightedScores } from "./scores";
import { flipPoints } from "./sensitivity";
import type { Aggregation, AggregationComparison, EngineInput, EngineReport } from "./types";

/**
 * The full report for a validated input (see parseEngineInput). Pure and deterministic: the same
 * input, seed included, gives the same report byte for byte once serialised.
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
  const winShare = winProbabilities(ratings, optionCount, weights, concentration, samples, seed);
  const agreement = consensus(ballots.weights, voterCount, criterionCount);
  const flips = flipPoints(ratings, weights, optionCount, order[0]);

  const consistency: Record<string, number> = {};
  const inconsistentJudgments: EngineReport["inconsistentJudgments"] = {};
  for (const [voter, analysis] of ballots.pairwise) {
    consistency[voter] = analysis.consistencyRatio;
    inconsistentJudgments[voter] = analysis.mostInconsistent;
  }

  return {
    weights: byId(criterionIds, weights),
    ranking: order.map((o, position) => ({
      option: optionIds[o],
      score: scores[o],
      rank: ranks[position],
      winProbability: winShare[o],
    })),
    consensus: {
      overall: agreement.overall,
      byCriterion: byId(criterionIds, agreement.byCriterion),
      mostContested: mostContested(agreement.byCriterion, criterionIds),
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
    monteCarlo: { samples, seed, concentration },
  };
}

/** The weights and winner(s) under every aggregation rule, and whether the rule matters. */
export function compareAggregations(input: EngineInput): AggregationComparison {
  const model = buildModel(input);
  return compareRules(model, aggregateAllRules(model.ballots, model.criterionIds.length));
}

function compareRules({ optionIds, criterionIds, ratings }: EngineModel, weightsByRule: Record<Aggregation, Float64Array>): AggregationComparison {
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
  const result: Record<string, number> = {};
  ids.forEach((id, k) => (result[id] = values[k]));
  return result;
}
