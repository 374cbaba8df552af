// The engine's input schema (docs/CONTRACTS.md, "Scoring engine input"). Shared by the CLI
// `score` command and the HTTP API, so both reject bad input with the same field-named messages.
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { AGGREGATIONS } from "@/lib/vocabulary";
import { comparisonIssues, SAATY_MAX, SAATY_MIN, weightIssues } from "./ballot-rules";
import { missingRatingCells, missingRatingMessage } from "./model";
import { isPlainRecord, ownValue } from "./own-keys";

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 42;
export const MAX_SAMPLES = 1_000_000;

const id = z.string().min(1, "must not be empty");

/**
 * An object of numbers by id. Checked by hand rather than with z.record, for two reasons. Speed:
 * a 1,000-member evaluation has 40,000 entries and z.record spends ~4x as long on each, most of
 * the validation time of a large input (see docs/PERFORMANCE.md). Ids: z.record copies entries by
 * assignment, so a "__proto__" key silently vanishes; this passes the object through with every
 * own key intact. Entries are checked by `problemWith` (null = fine), or for ballot weights not
 * here but with the ballot (weightIssues, in one pass with the ballot's other rules). Issues
 * still name the entry, e.g. `ballots.0.weights.security`. In JSON Schema it is described by `meta`.
 */
function numberMap(
  problemWith: ((value: unknown) => string | null) | null,
  meta: { description: string; minimum: number; maximum?: number; integer?: boolean },
) {
  const schema = z.unknown().superRefine((map, ctx) => {
    if (!isPlainRecord(map)) {
      ctx.addIssue({ code: "custom", message: "expected an object of numbers by id", input: map });
      return;
    }
    if (!problemWith) return;
    for (const key of Object.keys(map)) {
      const problem = problemWith(map[key]);
      if (problem) ctx.addIssue({ code: "custom", path: [key], message: problem, input: map[key] });
    }
  });
  const { minimum, maximum, description, integer } = meta;
  return (schema as unknown as z.ZodType<Record<string, number>>).meta({
    description,
    type: "object",
    additionalProperties: { type: integer ? "integer" : "number", minimum, maximum },
  });
}

/** ratings[optionId][criterionId], each on 0-10; like numberMap, keeps every own key. */
function ratingTable() {
  const rating = numberMap(
    (value) => (typeof value === "number" && value >= 0 && value <= 10 ? null : "a rating is a number from 0 to 10"),
    {
      description: "rating 0-10 by criterion id",
      minimum: 0,
      maximum: 10,
    },
  );
  const schema = z.unknown().superRefine((table, ctx) => {
    if (!isPlainRecord(table)) {
      ctx.addIssue({ code: "custom", message: "expected an object of ratings by option id", input: table });
      return;
    }
    for (const optionId of Object.keys(table)) {
      const result = rating.safeParse(table[optionId]);
      for (const issue of result.success ? [] : result.error.issues) {
        ctx.addIssue({ code: "custom", path: [optionId, ...issue.path], message: issue.message, input: table[optionId] });
      }
    }
  });
  return (schema as unknown as z.ZodType<Record<string, Record<string, number>>>).meta({
    description: "ratings[optionId][criterionId], 0-10 (10 best); a missing rating is an error unless missingRatings says how to score it",
    type: "object",
    additionalProperties: { type: "object", additionalProperties: { type: "number", minimum: 0, maximum: 10 } },
  });
}

const pointsBallot = z.object({
  voter: id,
  method: z.literal("points"),
  weights: numberMap(null, { description: "points by criterion id, summing to 100", minimum: 0 }),
});
const likertBallot = z.object({
  voter: id,
  method: z.literal("likert"),
  weights: numberMap(null, { description: "importance 1-5 by criterion id", minimum: 1, maximum: 5, integer: true }),
});
const comparison = z.object({
  a: id,
  b: id,
  value: z.number().min(SAATY_MIN, "must be on Saaty's scale, 1/9 to 9").max(SAATY_MAX, "must be on Saaty's scale, 1/9 to 9"),
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
    /** ratings[optionId][criterionId] on 0-10; a missing one is refused unless `missingRatings` says otherwise. */
    ratings: ratingTable(),
    ballots: z.array(ballotSchema),
    aggregation: z.enum(AGGREGATIONS).default("mean"),
    samples: z.number().int().min(1).max(MAX_SAMPLES).default(DEFAULT_SAMPLES),
    seed: z.number().int().default(DEFAULT_SEED),
    missingRatings: z
      .enum(["error", "zero", "midpoint"])
      .default("error")
      .meta({ description: "how to score an option with no rating on a criterion: refuse the input (default), 0, or the midpoint 5" }),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const optionIds = uniqueIds(input.options, "options", issue);
    const criterionIds = uniqueIds(input.criteria, "criteria", issue);

    // ratingTable and numberMap report malformed tables and weights with continuable issues, so
    // this refinement still runs on them: it looks only at the well-formed parts.
    for (const [optionId, row] of Object.entries(isPlainRecord(input.ratings) ? input.ratings : {})) {
      if (!optionIds.has(optionId)) issue(["ratings", optionId], `unknown option "${optionId}"`);
      for (const criterionId of Object.keys(isPlainRecord(row) ? row : {})) {
        if (!criterionIds.has(criterionId)) issue(["ratings", optionId, criterionId], `unknown criterion "${criterionId}"`);
      }
    }

    if (input.missingRatings === "error" && isPlainRecord(input.ratings)) {
      for (const { option, criterion } of missingRatingCells(input)) {
        const rating = ownValue(ownValue(input.ratings, option.id) as Record<string, unknown> | undefined, criterion.id);
        // A present but malformed rating already has its own issue from ratingTable.
        if (rating === undefined) issue(["ratings", option.id, criterion.id], missingRatingMessage(option, criterion));
      }
    }

    const voters = new Set<string>();
    const isCriterion = (id: string) => criterionIds.has(id);
    input.ballots.forEach((ballot, i) => {
      if (voters.has(ballot.voter)) issue(["ballots", i, "voter"], `voter "${ballot.voter}" has more than one ballot`);
      voters.add(ballot.voter);
      const issues =
        ballot.method === "pairwise"
          ? comparisonIssues(ballot.comparisons, isCriterion, criterionIds.size)
          : isPlainRecord(ballot.weights)
            ? weightIssues(ballot.method, ballot.weights, isCriterion)
            : [];
      for (const { path, message } of issues) issue(["ballots", i, ...path], message);
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
