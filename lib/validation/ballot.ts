import { z } from "zod";
import { comparisonIssues, POINTS_TOTAL, type BallotIssue } from "@/lib/engine/ballot-rules";
import { isPlainRecord } from "@/lib/engine/own-keys";
import { LIMITS, maxComparisons } from "@/lib/limits";

export { POINTS_TOTAL };

const weight = z.number({ error: "Weight must be a number" }).finite();

/** The most comparisons any ballot can need: every pair of the largest evaluation's criteria. */
const MAX_COMPARISONS = maxComparisons(LIMITS.criteriaPerEvaluation);

/**
 * Weights by criterion key, each checked by `entry`. Not z.record: it copies entries by
 * assignment, so a "__proto__" key would silently vanish. Here every own key is kept, as an own
 * key of a fresh object (Object.fromEntries), so "__proto__" or "constructor" is a criterion key
 * like any other. At most one entry per criterion of the largest evaluation.
 */
function weightMap(entry: z.ZodNumber, description: string) {
  const schema = z
    .unknown()
    .superRefine((map, ctx) => {
      if (!isPlainRecord(map)) {
        ctx.addIssue({ code: "custom", message: "Weights must be an object of numbers by criterion", input: map });
        return;
      }
      const keys = Object.keys(map);
      if (keys.length > LIMITS.criteriaPerEvaluation) {
        ctx.addIssue({ code: "custom", message: `Weigh at most ${LIMITS.criteriaPerEvaluation} criteria`, input: map });
        return;
      }
      for (const key of keys) {
        const result = entry.safeParse(map[key]);
        if (!result.success) ctx.addIssue({ code: "custom", path: [key], message: result.error.issues[0].message, input: map[key] });
      }
    })
    .transform((map) => Object.fromEntries(Object.entries(map as Record<string, number>)));
  const { minValue: minimum, maxValue: maximum } = entry;
  return (schema as unknown as z.ZodType<Record<string, number>>).meta({
    description,
    type: "object",
    maxProperties: LIMITS.criteriaPerEvaluation,
    additionalProperties: { type: entry.isInt ? "integer" : "number", minimum, maximum },
  });
}

/**
 * A member's ballot as the form and the API send it (CONTRACTS.md: `{ method, weights }` or
 * `{ method: "pairwise", comparisons }`). Whether it fits the evaluation (known criteria, points
 * adding up to 100, comparisons linking the criteria they name) is checked against the
 * evaluation by `checkBallotFits`; this bounds the size by the largest evaluation.
 */
export const BallotInputSchema = z.discriminatedUnion(
  "method",
  [
    z.object({
      method: z.literal("points"),
      weights: weightMap(
        weight.int("Points must be whole numbers").min(0, "Points cannot be negative").max(100, "Points are at most 100"),
        "points by criterion key, adding up to 100",
      ),
    }),
    z.object({
      method: z.literal("likert"),
      weights: weightMap(
        weight.int("Importance is a whole number").min(1, "Importance is 1 to 5").max(5, "Importance is 1 to 5"),
        "importance 1 to 5 by criterion key, every criterion rated",
      ),
    }),
    z.object({
      method: z.literal("pairwise"),
      comparisons: z
        .array(
          z.object({
            a: z.string().min(1),
            b: z.string().min(1),
            value: weight.min(1 / 9, "Value is on Saaty's scale, 1/9 to 9").max(9, "Value is on Saaty's scale, 1/9 to 9"),
          }),
        )
        .min(1, "Compare at least one pair")
        .max(MAX_COMPARISONS, `Compare at most ${MAX_COMPARISONS} pairs`),
    }),
  ],
  { error: "method must be points, likert or pairwise" },
);
export type BallotInput = z.infer<typeof BallotInputSchema>;

/**
 * Field errors for a ballot against the evaluation's criterion keys; empty when it fits. What it
 * accepts the engine can score: pairwise ballots follow the engine's own rules (ballot-rules.ts:
 * known, distinct criteria, each pair once, no contradictions, all linked, at most n(n-1)/2
 * comparisons). Keys are looked up as own keys only, so a criterion called "constructor" must
 * be weighed like any other.
 */
export function checkBallotFits(ballot: BallotInput, criterionKeys: readonly string[]): Record<string, string> {
  const known = new Set(criterionKeys);
  if (ballot.method === "pairwise") {
    return fieldErrors(comparisonIssues(ballot.comparisons, (key) => known.has(key), known.size));
  }
  const errors: Record<string, string> = {};
  const keys = Object.keys(ballot.weights);
  for (const key of keys) {
    if (!known.has(key)) errors[`weights.${key}`] = `Unknown criterion "${key}"`;
  }
  if (ballot.method === "points") {
    const total = keys.reduce((sum, key) => sum + ballot.weights[key], 0);
    if (total !== POINTS_TOTAL) {
      errors.weights = `Points must add up to ${POINTS_TOTAL} (they add up to ${total})`;
    }
  } else {
    const unrated = criterionKeys.filter((key) => !Object.hasOwn(ballot.weights, key));
    if (unrated.length)
      errors.weights = `Rate the importance of every criterion (1 to 5); not rated: ${unrated.map((key) => `"${key}"`).join(", ")}`;
  }
  return errors;
}

/** Issues as form field errors ("comparisons.2.b"), first message per field, as sentences. */
function fieldErrors(issues: readonly BallotIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of issues) {
    const field = path.join(".");
    errors[field] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return errors;
}
