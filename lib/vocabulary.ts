// The domain's words, defined once: every list of statuses, roles, aggregation rules, ballot
// methods and visibilities in the code (zod schemas, the engine, the UI, the record format)
// comes from here. Pure, so the engine and the browser import it too.

/** An evaluation's life: draft → voting → revealed → decided, and superseded when revisited. */
export const EVALUATION_STATUSES = ["draft", "voting", "revealed", "decided", "superseded"] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Team roles, most rights first. */
export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** How members' weights combine into the team's. */
export const AGGREGATIONS = ["mean", "median", "trimmed-mean", "geometric"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** How a member says what matters: 100 points, 1-5 importance, or pairwise comparisons. */
export const BALLOT_METHODS = ["points", "likert", "pairwise"] as const;
export type BallotMethod = (typeof BALLOT_METHODS)[number];

/**
 * "blind" (the default): until the ballots are revealed, members see who has voted and how many,
 * nothing computed from the ballots. "open": the team chose live results while voting.
 */
export const VISIBILITIES = ["blind", "open"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
