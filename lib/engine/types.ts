// The scoring engine's input and report, exactly as in docs/CONTRACTS.md (fields may be added,
// never renamed). Shared by the engine, the API, the CLI, the export and the UI.

import type { Aggregation } from "@/lib/vocabulary";

export type { BallotMethod } from "@/lib/vocabulary";
export type { Aggregation } from "@/lib/vocabulary";

export interface EngineOption {
  id: string;
  name: string;
}
export interface EngineCriterion {
  id: string;
  name: string;
}

export interface PairwiseComparison {
  a: string;
  b: string;
  /** Saaty 1-9 scale: > 1 means `a` matters more than `b`; reciprocals (1/9..1) the other way. */
  value: number;
}

export type Ballot =
  | { voter: string; method: "points"; weights: Record<string, number> }
  | { voter: string; method: "likert"; weights: Record<string, number> }
  | { voter: string; method: "pairwise"; comparisons: PairwiseComparison[] };

export interface EngineInput {
  options: EngineOption[];
  criteria: EngineCriterion[];
  /** ratings[optionId][criterionId], 0-10, 10 best */
  ratings: Record<string, Record<string, number>>;
  ballots: Ballot[];
  aggregation?: Aggregation;
  samples?: number;
  seed?: number;
  /**
   * What an option without a rating on a criterion scores: "error" (the default) refuses the
   * input, naming the option and criterion; "zero" counts it as 0 (the worst), "midpoint" as 5.
   */
  missingRatings?: MissingRatings;
}

export type MissingRatings = "error" | "zero" | "midpoint";

export interface RankingEntry {
  option: string;
  score: number;
  rank: number;
  /** share of Monte Carlo samples in which the option ranks first; null without ballots */
  winProbability: number | null;
}

export interface SensitivityEntry {
  criterion: string;
  weight: number;
  /** the weight (others keep their proportions) at which the leader changes; null if none in [0, 1] */
  flipAt: number | null;
  newLeader: string | null;
}

/** A pairwise judgment that disagrees with the rest of its ballot. */
export interface InconsistentJudgment {
  a: string;
  b: string;
  /** the judgment as given */
  value: number;
  /** the ratio w_a / w_b that the ballot's weights (from all its judgments) imply */
  implied: number;
}

/**
 * A ballot the engine left out of the report because it cannot be scored as stored (validation
 * refuses such ballots, but stored ones may predate a rule or have been edited).
 */
export interface ExcludedBallot {
  /** the ballot's voter, or "ballot #n" (its 1-based position) when it names none */
  voter: string;
  /** what is wrong, naming the field, e.g. "comparisons.1.b: unknown criterion \"speed\"" */
  reason: string;
}

/** The team's weights and winner(s) under one aggregation rule. */
export interface AggregationOutcome {
  rule: Aggregation;
  weights: Record<string, number>;
  /** options ranked first under this rule (several when tied) */
  winners: string[];
}

/** The winner under every aggregation rule side by side. */
export interface AggregationComparison {
  rules: AggregationOutcome[];
  /** true when some rule ranks a different option (set) first */
  winnerDependsOnRule: boolean;
}

export interface EngineReport {
  weights: Record<string, number>;
  ranking: RankingEntry[];
  consensus: {
    /** Goepel's AHP consensus S* (see lib/engine/consensus.ts); null with fewer than two ballots */
    overall: number | null;
    /** the same S* from each criterion's part of the disagreement; empty with fewer than two ballots */
    byCriterion: Record<string, number>;
    /** criteria whose consensus is below `contestedBelow`, most contested first */
    mostContested: string[];
    /** each criterion's share of the whole disagreement (sums to 1, or all 0 when everyone agrees) */
    disagreementShare?: Record<string, number>;
    /** the threshold `mostContested` uses */
    contestedBelow?: number;
  };
  sensitivity: SensitivityEntry[];
  /** Saaty consistency ratio per pairwise ballot, by voter */
  consistency: Record<string, number>;
  /** the aggregation rule the weights use */
  aggregation?: Aggregation;
  /** per pairwise ballot, by voter: its (up to) three most inconsistent judgments, worst first */
  inconsistentJudgments?: Record<string, InconsistentJudgment[]>;
  /** the winner under every aggregation rule */
  aggregations?: AggregationComparison;
  /**
   * How winProbability was sampled: Dirichlet(concentration × weights); concentration is null
   * without ballots. leadMargin is the leader's score lead over the runner-up, leadNoise its
   * standard deviation under that sampling, and leadUncertain says the lead is within it (the
   * report should not present the leader as a clear winner); both null with one option.
   */
  monteCarlo?: {
    samples: number;
    seed: number;
    concentration: number | null;
    leadMargin?: number | null;
    leadNoise?: number | null;
    leadUncertain?: boolean;
  };
  /**
   * Ballots left out because they cannot be scored, in input order; empty when all counted.
   * Always set by computeReport; optional only so reports stored before it existed still parse.
   */
  excludedBallots?: ExcludedBallot[];
}
