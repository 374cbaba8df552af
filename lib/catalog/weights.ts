// Profile → suggested criterion weights: walks the rule data in rules.ts. Pure, so the app's
// questionnaire can call it in the browser as the user answers.
//
// Explanations are one entry per rule that applied (one reason), saying which option the rule
// moves the ranking towards and by how many points. The effect is measured, not declared: the
// ranking with every applicable rule minus the ranking with all of them but this one.
import { AppError } from "@/lib/errors";
import { rankByWeightedSum, type RankedOption } from "@/lib/engine/weighted-sum";
import { getCatalog } from "./builtin-catalog";
import { parseProfile, type ProjectProfile } from "./profile";
import { WeightRuleSchema, type Adjustment, type OtherSide, type RuleCondition, type WeightRule } from "./rule-types";
import { BASE_WEIGHTS, DEFAULT_BASE_WEIGHT, WEIGHT_RULES } from "./rules";
import type { Catalog, Citation } from "./schema";
import { isSourceFile } from "./sources";

export interface WeightChange {
  criterion: string;
  /** "×1.5" or "+3" */
  change: string;
}

export interface WeightExplanation {
  /** the rule's id: lets a reviewer find it in lib/catalog/rules.ts */
  rule: string;
  /** the criterion the rule changes first (the contract's field); every change is in `changes` */
  criterion: string;
  change: string;
  changes: WeightChange[];
  reason: string;
  citations: Citation[];
  /** the option this reason moves the ranking towards (null: no measurable effect, or no ratings) */
  favours: string | null;
  /** how far it moves it: change in the gap between the favoured option and the other(s), 0-10 points */
  shift: number;
  /** where the articles disagree: the other view and its citations */
  otherSide?: OtherSide;
}

export interface SuggestedWeights {
  /** criterion id → weight; non-negative and summing to 1 */
  weights: Record<string, number>;
  explanations: WeightExplanation[];
  /** A sentence on where the suggestion starts before any answer (the base weights' ranking). */
  startingPoint: string;
  /** ranking under the base weights alone (empty when no ratings were given) */
  baseline: RankedOption[];
}

export interface RuleBook {
  baseWeights: Record<string, number>;
  rules: WeightRule[];
}

/** Ratings by option, then criterion (0-10); used to measure what each rule does. */
export type ScoreTable = Record<string, Record<string, number>>;

export function ruleApplies(when: RuleCondition, profile: ProjectProfile): boolean {
  if (when.projectSize && !when.projectSize.includes(profile.projectSize)) return false;
  if (when.timeline && !when.timeline.includes(profile.timeline)) return false;
  if (when.teamExperience && !when.teamExperience.includes(profile.teamExperience)) return false;
  if (when.teamSizeAtMost !== undefined && profile.teamSize > when.teamSizeAtMost) return false;
  if (when.teamSizeAtLeast !== undefined && profile.teamSize < when.teamSizeAtLeast) return false;
  if (when.need && !profile.needs.includes(when.need)) return false;
  if (when.budget && !when.budget.includes(profile.budget ?? "normal")) return false;
  if (when.teamPreference && !when.teamPreference.includes(profile.teamPreference ?? "none")) return false;
  return true;
}

function apply(weight: number, adjustment: Adjustment): number {
  return "times" in adjustment ? weight * adjustment.times : weight + adjustment.plus;
}

function describe(adjustment: Adjustment): string {
  return "times" in adjustment ? `×${adjustment.times}` : `+${adjustment.plus}`;
}

/** Base weights of `criterionIds` with `rules` applied in order, normalised to sum 1. */
function weigh(criterionIds: readonly string[], book: RuleBook, rules: readonly WeightRule[]): Record<string, number> {
  const raw: Record<string, number> = {};
  for (const id of criterionIds) raw[id] = book.baseWeights[id] ?? DEFAULT_BASE_WEIGHT;
  for (const rule of rules) {
    for (const [criterion, adjustment] of Object.entries(rule.adjust)) {
      if (criterion in raw) raw[criterion] = apply(raw[criterion], adjustment);
    }
  }
  return normalise(raw);
}

/** Scales to sum 1; if every weight was zeroed, falls back to equal weights rather than NaN. */
function normalise(raw: Record<string, number>): Record<string, number> {
  const ids = Object.keys(raw);
  const total = ids.reduce((sum, id) => sum + raw[id], 0);
  return Object.fromEntries(ids.map((id) => [id, total > 0 ? raw[id] / total : 1 / ids.length]));
}

function scoresOf(weights: Record<string, number>, criterionIds: readonly string[], scores: ScoreTable): Record<string, number> {
  const ranking = rankByWeightedSum(Object.keys(scores), criterionIds, scores, weights);
  return Object.fromEntries(ranking.map((r) => [r.option, r.score]));
}

/** Below this many points a move is reported as no effect (rounding noise). */
const NO_EFFECT = 0.005;

/** The option whose score rose most relative to the rest, and by how much the gap changed. */
function effect(before: Record<string, number>, after: Record<string, number>): { favours: string | null; shift: number } {
  const deltas = Object.keys(after).map((option) => ({ option, delta: after[option] - (before[option] ?? 0) }));
  if (deltas.length < 2) return { favours: null, shift: 0 };
  deltas.sort((a, b) => b.delta - a.delta);
  const shift = deltas[0].delta - deltas[deltas.length - 1].delta;
  return shift < NO_EFFECT ? { favours: null, shift: 0 } : { favours: deltas[0].option, shift: round2(shift) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Applies every matching rule, in order, to the base weights of `criterionIds`, then normalises.
 * Rules about criteria outside `criterionIds` are ignored, so a trimmed or extended catalog works.
 * With `scores`, each explanation says which option its rule favours and by how much.
 */
export function weightsFor(
  profile: ProjectProfile,
  criterionIds: readonly string[],
  book: RuleBook,
  scores?: ScoreTable,
  /** option id → display name, for the starting-point sentence */
  names: Record<string, string> = {},
): SuggestedWeights {
  const applied = book.rules.filter(
    (rule) => ruleApplies(rule.when, profile) && Object.keys(rule.adjust).some((c) => criterionIds.includes(c)),
  );
  const weights = weigh(criterionIds, book, applied);
  const withAll = scores ? scoresOf(weights, criterionIds, scores) : {};
  const explanations = applied.map((rule): WeightExplanation => {
    const changes = Object.entries(rule.adjust)
      .filter(([criterion]) => criterionIds.includes(criterion))
      .map(([criterion, adjustment]) => ({ criterion, change: describe(adjustment) }));
    const without = scores
      ? scoresOf(
          weigh(
            criterionIds,
            book,
            applied.filter((r) => r !== rule),
          ),
          criterionIds,
          scores,
        )
      : {};
    return {
      rule: rule.id,
      criterion: changes[0].criterion,
      change: changes[0].change,
      changes,
      reason: rule.reason,
      citations: rule.citations,
      ...(scores ? effect(without, withAll) : { favours: null, shift: 0 }),
      ...(rule.otherSide ? { otherSide: rule.otherSide } : {}),
    };
  });
  const baseline = scores ? rankByWeightedSum(Object.keys(scores), criterionIds, scores, weigh(criterionIds, book, [])) : [];
  return { weights, explanations, startingPoint: describeStartingPoint(baseline, names), baseline };
}

/** How a gap between two scores reads to a person. */
export function describeGap(points: number): string {
  if (points < 0.25) return "effectively a tie";
  if (points < 0.75) return "a slight lead";
  if (points < 1.5) return "a clear lead";
  return "a strong lead";
}

function describeStartingPoint(baseline: RankedOption[], names: Record<string, string>): string {
  const name = (option: string) => names[option] ?? option;
  const intro =
    "Starting point: before any answer, the weights balance one framework's strengths against the other's " +
    "(Django's built-in features, conventions and ecosystem; Flask's gentle learning curve, quick start and freedom), " +
    "because the articles agree that neither is better in general.";
  if (baseline.length < 2) return `${intro} Each answer then moves the weights as the cited guidance says.`;
  const [first, second] = baseline;
  const scores = baseline.map((r) => `${name(r.option)} ${r.score.toFixed(2)}`).join(", ");
  const gap = first.score - second.score;
  const verdict = gap < 0.25 ? "effectively a tie" : `${describeGap(gap)} for ${name(first.option)}`;
  return `${intro} On those weights alone the scores are ${scores}: ${verdict}. Each answer then moves them as the cited guidance says.`;
}

let book: RuleBook | undefined;

/** The built-in rules, validated once: unknown criteria or sources in rules.ts fail loudly. */
export function getRuleBook(): RuleBook {
  if (book) return book;
  const catalog = getCatalog();
  const criterionIds = new Set(catalog.criteria.map((c) => c.id));
  const optionIds = new Set(catalog.options.map((o) => o.id));
  const problems: Record<string, string> = {};
  WEIGHT_RULES.forEach((rule, i) => {
    const parsed = WeightRuleSchema.safeParse(rule);
    if (!parsed.success) problems[`rules.${i}`] = parsed.error.issues[0].message;
    for (const criterion of Object.keys(rule.adjust)) {
      if (!criterionIds.has(criterion)) problems[`rules.${i}.adjust.${criterion}`] = "unknown criterion";
    }
    if (!optionIds.has(rule.favours)) problems[`rules.${i}.favours`] = "unknown option";
    if (rule.otherSide && !optionIds.has(rule.otherSide.favours)) problems[`rules.${i}.otherSide.favours`] = "unknown option";
    [...rule.citations, ...(rule.otherSide?.citations ?? [])].forEach((c, j) => {
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

/** Scores only, as the engine expects them: ratings[option][criterion] = 0-10. */
export function scoreTable(catalog: Catalog): ScoreTable {
  return Object.fromEntries(
    Object.entries(catalog.ratings).map(([option, byCriterion]) => [
      option,
      Object.fromEntries(Object.entries(byCriterion).map(([criterion, rating]) => [criterion, rating.score])),
    ]),
  );
}

/** Suggested weights for the built-in catalog; `profile` is validated (AppError "invalid"). */
export function suggestWeights(profile: unknown): SuggestedWeights {
  const valid = parseProfile(profile);
  const catalog = getCatalog();
  const names = Object.fromEntries(catalog.options.map((o) => [o.id, o.name]));
  return weightsFor(
    valid,
    catalog.criteria.map((c) => c.id),
    getRuleBook(),
    scoreTable(catalog),
    names,
  );
}
