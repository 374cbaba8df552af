// Profile → suggested criterion weights: walks the rule data in rules.ts. Pure, so the app's
// questionnaire can call it in the browser as the user answers.
import { AppError } from "@/lib/errors";
import { getCatalog } from "./builtin-catalog";
import { parseProfile, type ProjectProfile } from "./profile";
import { WeightRuleSchema, type Adjustment, type RuleCondition, type WeightRule } from "./rule-types";
import { BASE_WEIGHTS, DEFAULT_BASE_WEIGHT, WEIGHT_RULES } from "./rules";
import type { Citation } from "./schema";
import { isSourceFile } from "./sources";

export interface WeightExplanation {
  criterion: string;
  reason: string;
  citations: Citation[];
  /** which rule made the change, and what it was ("×1.5", "+3"): lets a reviewer trace it */
  rule: string;
  change: string;
}

export interface SuggestedWeights {
  /** criterion id → weight; non-negative and summing to 1 */
  weights: Record<string, number>;
  explanations: WeightExplanation[];
}

export interface RuleBook {
  baseWeights: Record<string, number>;
  rules: WeightRule[];
}

export function ruleApplies(when: RuleCondition, profile: ProjectProfile): boolean {
  if (when.projectSize && !when.projectSize.includes(profile.projectSize)) return false;
  if (when.timeline && !when.timeline.includes(profile.timeline)) return false;
  if (when.teamExperience && !when.teamExperience.includes(profile.teamExperience)) return false;
  if (when.teamSizeAtMost !== undefined && profile.teamSize > when.teamSizeAtMost) return false;
  if (when.teamSizeAtLeast !== undefined && profile.teamSize < when.teamSizeAtLeast) return false;
  if (when.need && !profile.needs.includes(when.need)) return false;
  return true;
}

function apply(weight: number, adjustment: Adjustment): number {
  return "times" in adjustment ? weight * adjustment.times : weight + adjustment.plus;
}

function describe(adjustment: Adjustment): string {
  return "times" in adjustment ? `×${adjustment.times}` : `+${adjustment.plus}`;
}

/**
 * Applies every matching rule, in order, to the base weights of `criterionIds`, then normalises.
 * Rules about criteria outside `criterionIds` are ignored, so a trimmed or extended catalog works.
 */
export function weightsFor(profile: ProjectProfile, criterionIds: readonly string[], book: RuleBook): SuggestedWeights {
  const raw: Record<string, number> = {};
  for (const id of criterionIds) raw[id] = book.baseWeights[id] ?? DEFAULT_BASE_WEIGHT;
  const explanations: WeightExplanation[] = [];
  for (const rule of book.rules) {
    if (!ruleApplies(rule.when, profile)) continue;
    for (const [criterion, adjustment] of Object.entries(rule.adjust)) {
      if (!(criterion in raw)) continue;
      raw[criterion] = apply(raw[criterion], adjustment);
      explanations.push({
        criterion,
        reason: rule.reason,
        citations: rule.citations,
        rule: rule.id,
        change: describe(adjustment),
      });
    }
  }
  return { weights: normalise(raw), explanations };
}

/** Scales to sum 1; if every weight was zeroed, falls back to equal weights rather than NaN. */
function normalise(raw: Record<string, number>): Record<string, number> {
  const ids = Object.keys(raw);
  const total = ids.reduce((sum, id) => sum + raw[id], 0);
  return Object.fromEntries(ids.map((id) => [id, total > 0 ? raw[id] / total : 1 / ids.length]));
}

let book: RuleBook | undefined;

/** The built-in rules, validated once: unknown criteria or sources in rules.ts fail loudly. */
export function getRuleBook(): RuleBook {
  if (book) return book;
  const criterionIds = new Set(getCatalog().criteria.map((c) => c.id));
  const problems: Record<string, string> = {};
  WEIGHT_RULES.forEach((rule, i) => {
    const parsed = WeightRuleSchema.safeParse(rule);
    if (!parsed.success) problems[`rules.${i}`] = parsed.error.issues[0].message;
    for (const criterion of Object.keys(rule.adjust)) {
      if (!criterionIds.has(criterion)) problems[`rules.${i}.adjust.${criterion}`] = "unknown criterion";
    }
    rule.citations.forEach((c, j) => {
      if (!isSourceFile(c.source)) problems[`rules.${i}.citations.${j}.source`] = "unknown source";
    });
  });
  for (const id of criterionIds) if (!(id in BASE_WEIGHTS)) problems[`baseWeights.${id}`] = "missing";
  if (Object.keys(problems).length) {
    throw new AppError("invalid", `Invalid weighting rules: ${JSON.stringify(problems)}`, problems);
  }
  book = { baseWeights: BASE_WEIGHTS, rules: WEIGHT_RULES };
  return book;
}

/** Suggested weights for the built-in catalog; `profile` is validated (AppError "invalid"). */
export function suggestWeights(profile: unknown): SuggestedWeights {
  const valid = parseProfile(profile);
  return weightsFor(valid, getCatalog().criteria.map((c) => c.id), getRuleBook());
}
