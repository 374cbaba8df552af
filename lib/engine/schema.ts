// The engine's input schema (../shared/CONTRACTS.md, "Scoring engine input"). Shared by the CLI
// `score` command and the HTTP API, so both reject bad input with the same field-named messages.
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 42;
export const MAX_SAMPLES = 1_000_000;
/** Saaty's scale runs 1/9..9; a little slack below 1/9 accepts rounded reciprocals like 0.111. */
const MIN_SAATY = 1 / 9 - 0.001;
/** Points ballots must sum to 100; this slack absorbs floating-point sums like 33.3+33.3+33.4. */
const POINTS_TOLERANCE = 1e-6;

const id = z.string().min(1, "must not be empty");

/**
 * A map from criterion id to a number, checked by `problemWith` (null = fine). Checked by hand
 * rather than with z.record: a 1,000-member evaluation has 40,000 entries and z.record spends ~4x
 * as long on each, most of the validation time of a large input (see docs/PERFORMANCE.md). Issues
 * still name the entry, e.g. `ballots.0.weights.security`. In JSON Schema it is described by `meta`.
 */
function numberMap(problemWith: (value: number) => string | null, meta: { description: string; minimum: number; maximum?: number }) {
  const schema = z.unknown().superRefine((map, ctx) => {
    if (typeof map !== "object" || map === null || Array.isArray(map)) {
      ctx.addIssue({ code: "custom", message: "expected an object of numbers by criterion id", input: map });
      return;
    }
    for (const key in map) {
      const value = (map as Record<string, unknown>)[key];
      const problem = typeof value === "number" && Number.isFinite(value) ? problemWith(value) : "expected a number";
      if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem, input: value });
    }
  });
  const { minimum, maximum, description } = meta;
  return (schema as unknown as z.ZodType<Record<string, number>>).meta({
    description,
    type: "object",
    additionalProperties: { type: maximum === undefined ? "number" : "integer", minimum, maximum },
  });
}

const pointsBallot = z.object({
  voter: id,
  method: z.literal("points"),
  weights: numberMap((value) => (value < 0 ? "points cannot be negative" : null), {
    description: "points by criterion id, summing to 100",
    minimum: 0,
  }),
});
const likertBallot = z.object({
  voter: id,
  method: z.literal("likert"),
  weights: numberMap((value) => (Number.isInteger(value) && value >= 1 && value <= 5 ? null : "importance is a whole number 1-5"), {
    description: "importance 1-5 by criterion id",
    minimum: 1,
    maximum: 5,
  }),
});
const comparison = z.object({
  a: id,
  b: id,
  value: z
    .number()
    .min(MIN_SAATY, "must be on Saaty's scale, 1/9 to 9")
    .max(9, "must be on Saaty's scale, 1/9 to 9"),
});
const pairwiseBallot = z.object({
  voter: id,
  method: z.literal("pairwise"),
  comparisons: z.array(comparison).min(1, "a pairwise ballot needs at least one comparison"),
});

export const ballotSchema = z.discriminatedUnion("method", [pointsBallot, likertBallot, pairwiseBallot]);

export const engineInputSchema = z
  .object({
    options: z.array(z.object({ id, name: z.string() })).min(1, "at least one option is needed"),
    criteria: z.array(z.object({ id, name: z.string() })).min(1, "at least one criterion is needed"),
    /** ratings[optionId][criterionId] on 0-10; a missing rating counts as 0, as in rankByWeightedSum. */
    ratings: z.record(z.string(), z.record(z.string(), z.number().min(0).max(10))),
    ballots: z.array(ballotSchema),
    aggregation: z.enum(["mean", "median", "trimmed-mean", "geometric"]).default("mean"),
    samples: z.number().int().min(1).max(MAX_SAMPLES).default(DEFAULT_SAMPLES),
    seed: z.number().int().default(DEFAULT_SEED),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const optionIds = uniqueIds(input.options, "options", issue);
    const criterionIds = uniqueIds(input.criteria, "criteria", issue);

    for (const [optionId, row] of Object.entries(input.ratings)) {
      if (!optionIds.has(optionId)) issue(["ratings", optionId], `unknown option "${optionId}"`);
      for (const criterionId of Object.keys(row)) {
        if (!criterionIds.has(criterionId)) issue(["ratings", optionId, criterionId], `unknown criterion "${criterionId}"`);
      }
    }

    const voters = new Set<string>();
    input.ballots.forEach((ballot, i) => {
      if (voters.has(ballot.voter)) issue(["ballots", i, "voter"], `voter "${ballot.voter}" has more than one ballot`);
      voters.add(ballot.voter);
      if (ballot.method === "pairwise") {
        checkComparisons(ballot.comparisons, criterionIds, (path, message) => issue(["ballots", i, "comparisons", ...path], message));
        return;
      }
      let total = 0;
      for (const criterionId in ballot.weights) {
        if (!criterionIds.has(criterionId)) issue(["ballots", i, "weights", criterionId], `unknown criterion "${criterionId}"`);
        total += ballot.weights[criterionId];
      }
      // A non-number entry, already reported, spoils the total: one message per problem suffices.
      if (typeof total !== "number" || Number.isNaN(total)) return;
      if (ballot.method === "points" && Math.abs(total - 100) > POINTS_TOLERANCE) {
        issue(["ballots", i, "weights"], `points must sum to 100, these sum to ${total}`);
      }
      if (ballot.method === "likert" && total === 0) {
        issue(["ballots", i, "weights"], "a likert ballot must rate at least one criterion");
      }
    });
  });

/** The validated input, with defaults filled in. */
export type ParsedEngineInput = z.output<typeof engineInputSchema>;

/** Validates untrusted input or throws AppError("invalid") whose message names the fields. */
export function parseEngineInput(data: unknown): ParsedEngineInput {
  return parseOrThrow(engineInputSchema, data, "evaluation");
}

type Report = (path: (string | number)[], message: string) => void;

function uniqueIds(items: { id: string }[], field: string, issue: Report): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) issue([field, i, "id"], `duplicate id "${item.id}"`);
    ids.add(item.id);
  });
  return ids;
}

/**
 * Comparisons must name known, distinct criteria, judge each pair once, and link every criterion
 * they mention into one chain: otherwise the relative weight of two groups is undetermined.
 */
function checkComparisons(comparisons: { a: string; b: string }[], criterionIds: Set<string>, issue: Report): void {
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const pairs = new Set<string>();
  comparisons.forEach(({ a, b }, k) => {
    if (!criterionIds.has(a)) return issue([k, "a"], `unknown criterion "${a}"`);
    if (!criterionIds.has(b)) return issue([k, "b"], `unknown criterion "${b}"`);
    if (a === b) return issue([k, "b"], "a criterion cannot be compared with itself");
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (pairs.has(pair)) return issue([k], `"${a}" and "${b}" are compared more than once`);
    pairs.add(pair);
    for (const x of [a, b]) if (!parent.has(x)) parent.set(x, x);
    parent.set(root(a), root(b));
  });
  const groups = new Set([...parent.keys()].map(root));
  if (groups.size > 1) {
    issue([], `the comparisons form ${groups.size} separate groups; link them with at least one comparison each`);
  }
}
