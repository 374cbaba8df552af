// The scoring engine's input and report, exactly as in ../shared/CONTRACTS.md (fields may be added,
// never renamed). Shared by the engine, the API, the CLI, the export and the UI.

export type BallotMethod = "points" | "likert" | "pairwise";
export type Aggregation = "mean" | "median" | "trimmed-mean" | "geometric";

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
}

export interface RankingEntry {
  option: string;
  score: number;
  rank: number;
  winProbability: number;
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
    overall: number;
    byCriterion: Record<string, number>;
    /** most contested first */
    mostContested: string[];
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
  /** how winProbability was sampled: Dirichlet(concentration × weights) */
  monteCarlo?: { samples: number; seed: number; concentration: number };
  /**
   * Ballots left out because they cannot be scored, in input order; empty when all counted.
   * Always set by computeReport; optional only so reports stored before it existed still parse.
   */
  excludedBallots?: ExcludedBallot[];
}
