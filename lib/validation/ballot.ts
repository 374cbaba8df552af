import { z } from "zod";

const weight = z.number({ error: "Weight must be a number" }).finite();

/**
 * A member's ballot as the form and the API send it (CONTRACTS.md: `{ method, weights }` or
 * `{ method: "pairwise", comparisons }`). Whether it fits the evaluation (known criteria, points
 * adding up to 100) is checked against the evaluation by `checkBallotFits`.
 */
export const BallotInputSchema = z.discriminatedUnion(
  "method",
  [
    z.object({
      method: z.literal("points"),
      weights: z.record(z.string(), weight.int("Points must be whole numbers").min(0, "Points cannot be negative").max(100)),
    }),
    z.object({
      method: z.literal("likert"),
      weights: z.record(z.string(), weight.int("Importance is a whole number").min(1, "Importance is 1 to 5").max(5, "Importance is 1 to 5")),
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
        .min(1, "Compare at least one pair"),
    }),
  ],
  { error: "method must be points, likert or pairwise" },
);
export type BallotInput = z.infer<typeof BallotInputSchema>;

export const POINTS_TOTAL = 100;

/** Field errors for a ballot against the evaluation's criterion keys; empty when it fits. */
export function checkBallotFits(ballot: BallotInput, criterionKeys: readonly string[]): Record<string, string> {
  const known = new Set(criterionKeys);
  const errors: Record<string, string> = {};
  if (ballot.method === "pairwise") {
    ballot.comparisons.forEach((c, i) => {
      if (!known.has(c.a)) errors[`comparisons.${i}.a`] = `Unknown criterion "${c.a}"`;
      if (!known.has(c.b)) errors[`comparisons.${i}.b`] = `Unknown criterion "${c.b}"`;
      if (c.a === c.b) errors[`comparisons.${i}.b`] = "Compare two different criteria";
    });
    return errors;
  }
  for (const key of Object.keys(ballot.weights)) {
    if (!known.has(key)) errors[`weights.${key}`] = `Unknown criterion "${key}"`;
  }
  if (ballot.method === "points") {
    const total = Object.values(ballot.weights).reduce((a, b) => a + b, 0);
    if (total !== POINTS_TOTAL) {
      errors.weights = `Points must add up to ${POINTS_TOTAL} (they add up to ${total})`;
    }
  } else if (criterionKeys.some((k) => ballot.weights[k] === undefined)) {
    errors.weights = "Rate the importance of every criterion (1 to 5)";
  }
  return errors;
}
