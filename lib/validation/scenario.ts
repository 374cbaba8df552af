import { z } from "zod";
import { BallotInputSchema, checkBallotFits } from "@/lib/validation/ballot";
import { isWellFormedText } from "@/lib/validation/text";
import { ballotsRevealed, visibilityOf } from "@/lib/ballots/visibility";
import { LIMITS } from "@/lib/limits";
import type { EvaluationStatus } from "@/lib/vocabulary";

/**
 * Points by criterion key, whole numbers 0-100: the points ballot's own map, so a scenario can be
 * cast as a ballot unchanged and both refuse the same values with the same messages.
 */
const pointsSchema = BallotInputSchema.options[0].shape.weights;

/** A named what-if as the what-if panel and the API send it: `{ name, weights }`. */
export const ScenarioInputSchema = z.strictObject(
  {
    name: z
      .string({ error: "Name the scenario" })
      .trim()
      .min(1, "Name the scenario")
      .max(LIMITS.nameLength, `A scenario name is at most ${LIMITS.nameLength} characters`)
      .refine(isWellFormedText, "The name contains a broken character (a lone surrogate); type it again"),
    weights: pointsSchema,
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}` : undefined) },
);
export type ScenarioInput = z.infer<typeof ScenarioInputSchema>;

/**
 * Field errors for a scenario's weights against the evaluation's criterion keys (`weights.<key>`
 * for an unknown criterion, `weights` when the points do not add up to 100); empty when it fits.
 */
export function checkScenarioFits(weights: Record<string, number>, criterionKeys: readonly string[]): Record<string, string> {
  return checkBallotFits({ method: "points", weights }, criterionKeys);
}

/**
 * Whether a member's scenarios are shown to the rest of the team. A scenario is one member's
 * what-if, not a ballot, but it may well be the weights its creator voted (or will vote): shown
 * while a blind vote is open it would leak that ballot and anchor everyone else on it. So the team
 * sees scenarios once the ballots are revealed, or when the evaluation's visibility is open (the
 * team chose to see weights while voting); their creator always sees their own.
 */
export function scenariosSharedWithTeam(status: EvaluationStatus, visibility: string): boolean {
  return ballotsRevealed(status) || visibilityOf(visibility) === "open";
}
