// The shape of a weighting rule: a condition on the project profile, multiplicative or additive
// changes to criterion weights, and the guidance (with citations) that justifies them.
import { z } from "zod";
import { CitationSchema, IdSchema } from "./schema";
import { NEEDS, PROJECT_SIZES, TEAM_EXPERIENCE_LEVELS, TIMELINES } from "./profile";

/** Every field present must hold (AND); a list means any of its values (OR). */
export const RuleConditionSchema = z
  .object({
    projectSize: z.array(z.enum(PROJECT_SIZES)).min(1).optional(),
    timeline: z.array(z.enum(TIMELINES)).min(1).optional(),
    teamExperience: z.array(z.enum(TEAM_EXPERIENCE_LEVELS)).min(1).optional(),
    teamSizeAtMost: z.number().int().min(1).optional(),
    teamSizeAtLeast: z.number().int().min(1).optional(),
    need: z.enum(NEEDS).optional(),
  })
  .strict()
  .refine((when) => Object.keys(when).length > 0, "a rule needs at least one condition");

/**
 * `times` scales a weight (0.5 halves it); `plus` adds to it (base weights are about 1). Both are
 * non-negative so a weight can never go below zero.
 */
export const AdjustmentSchema = z.union([
  z.object({ times: z.number().min(0) }).strict(),
  z.object({ plus: z.number().min(0) }).strict(),
]);

export const WeightRuleSchema = z.object({
  id: IdSchema,
  when: RuleConditionSchema,
  adjust: z.record(IdSchema, AdjustmentSchema).refine((a) => Object.keys(a).length > 0, "adjust nothing?"),
  reason: z.string().trim().min(1),
  citations: z.array(CitationSchema).min(1, "cite the guidance the rule comes from"),
});

export type RuleCondition = z.infer<typeof RuleConditionSchema>;
export type Adjustment = z.infer<typeof AdjustmentSchema>;
export type WeightRule = z.infer<typeof WeightRuleSchema>;
