// The shape of a weighting rule: a condition on the project profile, multiplicative or additive
// changes to criterion weights, the framework its guidance points to, and the citations that
// justify it (and, where the articles disagree, the citations for the other side).
import { z } from "zod";
import { CitationSchema, IdSchema } from "./schema";
import { BUDGETS, NEEDS, PROJECT_SIZES, TEAM_EXPERIENCE_LEVELS, TEAM_PREFERENCES, TIMELINES } from "./profile";

/** Every field present must hold (AND); a list means any of its values (OR). */
export const RuleConditionSchema = z
  .object({
    projectSize: z.array(z.enum(PROJECT_SIZES)).min(1).optional(),
    timeline: z.array(z.enum(TIMELINES)).min(1).optional(),
    teamExperience: z.array(z.enum(TEAM_EXPERIENCE_LEVELS)).min(1).optional(),
    teamSizeAtMost: z.number().int().min(1).optional(),
    teamSizeAtLeast: z.number().int().min(1).optional(),
    need: z.enum(NEEDS).optional(),
    budget: z.array(z.enum(BUDGETS)).min(1).optional(),
    teamPreference: z.array(z.enum(TEAM_PREFERENCES)).min(1).optional(),
  })
  .strict()
  .refine((when) => Object.keys(when).length > 0, "a rule needs at least one condition");

/**
 * `times` scales a weight (0.5 halves it); `plus` adds to it (base weights are about 1). Both are
 * non-negative so a weight can never go below zero.
 */
export const AdjustmentSchema = z.union([z.object({ times: z.number().min(0) }).strict(), z.object({ plus: z.number().min(0) }).strict()]);

/** The other side of a disagreement: what it says, in our words, and where. */
export const OtherSideSchema = z.object({
  favours: IdSchema,
  says: z.string().trim().min(1),
  citations: z.array(CitationSchema).min(1),
});

export const WeightRuleSchema = z.object({
  id: IdSchema,
  when: RuleConditionSchema,
  adjust: z.record(IdSchema, AdjustmentSchema).refine((a) => Object.keys(a).length > 0, "adjust nothing?"),
  /**
   * The option the cited guidance recommends in this situation. A test checks that applying the
   * rule really moves the ranking towards it, so the data cannot contradict its own citation.
   */
  favours: IdSchema.optional(),
  reason: z.string().trim().min(1),
  citations: z.array(CitationSchema).min(1, "cite the guidance the rule comes from"),
  otherSide: OtherSideSchema.optional(),
});

export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export type Adjustment = z.infer<typeof AdjustmentSchema>;
export type WeightRule = z.infer<typeof WeightRuleSchema>;
export type OtherSide = z.infer<typeof OtherSideSchema>;
