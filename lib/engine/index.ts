// The scoring engine's public surface. Pure TypeScript with no I/O: runs in Node and the browser.
export { computeReport, compareAggregations } from "./report";
export { engineInputSchema, ballotSchema, parseEngineInput, DEFAULT_SAMPLES, DEFAULT_SEED, type ParsedEngineInput } from "./schema";
export { rankWithWeights, whatIfRanker } from "./whatif";
export { rankByWeightedSum, type RankedOption, type RatingTable } from "./weighted-sum";
export { llsmWeights, consistencyRatio, principalEigen, randomIndex } from "./pairwise";
export { AGGREGATION_RULES, TRIM_FRACTION } from "./aggregate";
export type * from "./types";
