import { ownValue } from "@/lib/engine/own-keys";
import type { Ballot, PairwiseComparison } from "@/lib/engine/types";
import { nearestSaatyStep, saatyStepByKey } from "@/lib/ballots/saaty";

/** Fewer than 3 gives no consistency check; more than 7 means 22+ questions, which members rush. */
export const PAIRWISE_MIN_CRITERIA = 3;
export const PAIRWISE_MAX_CRITERIA = 7;

/** A pairwise ballot as the form edits it: the chosen criteria and a Saaty step key per pair. */
export interface PairwiseDraft {
  /** criterion keys, in the evaluation's criterion order */
  chosen: string[];
  /** by `pairKey(a, b)` with a before b in criterion order; a missing pair means "equal" */
  steps: Record<string, string>;
}

export const pairKey = (a: string, b: string) => `${a}|${b}`;

/** Every pair of the chosen criteria, each once, a before b. */
export function pairsOf(chosen: readonly string[]): [string, string][] {
  return chosen.flatMap((a, i) => chosen.slice(i + 1).map((b) => [a, b] as [string, string]));
}

/**
 * The member's saved pairwise ballot as a draft; an empty draft for any other ballot. A stored
 * ballot is not re-validated, so judgments that are not positive numbers are skipped (asked again).
 */
export function draftFromBallot(ballot: Ballot | null, criterionKeys: readonly string[]): PairwiseDraft {
  if (ballot?.method !== "pairwise" || !Array.isArray(ballot.comparisons)) return { chosen: [], steps: {} };
  const position = new Map(criterionKeys.map((k, i) => [k, i]));
  const comparisons = ballot.comparisons.filter((c) => typeof c?.value === "number" && c.value > 0 && Number.isFinite(c.value));
  const mentioned = new Set(comparisons.flatMap((c) => [c.a, c.b]));
  // Built as entries: step keys are user-chosen criterion keys, so no key may be special.
  const steps = new Map<string, string>();
  for (const { a, b, value } of comparisons) {
    const positionA = position.get(a);
    const positionB = position.get(b);
    if (positionA === undefined || positionB === undefined) continue;
    // Stored in either direction; the form asks each pair in criterion order.
    const inOrder = positionA < positionB;
    steps.set(inOrder ? pairKey(a, b) : pairKey(b, a), nearestSaatyStep(inOrder ? value : 1 / value).key);
  }
  return { chosen: criterionKeys.filter((k) => mentioned.has(k)), steps: Object.fromEntries(steps) };
}

/** The draft's judgments for the API and the engine: every pair of the chosen criteria. */
export function draftComparisons(draft: PairwiseDraft): PairwiseComparison[] {
  return pairsOf(draft.chosen).map(([a, b]) => ({ a, b, value: saatyStepByKey(ownValue(draft.steps, pairKey(a, b)) ?? "1")?.value ?? 1 }));
}

/** Why the draft cannot be cast yet, or null. */
export function draftProblem(draft: PairwiseDraft): string | null {
  const n = draft.chosen.length;
  if (n < PAIRWISE_MIN_CRITERIA) return `Pick at least ${PAIRWISE_MIN_CRITERIA} criteria to compare`;
  if (n > PAIRWISE_MAX_CRITERIA) return `Pick at most ${PAIRWISE_MAX_CRITERIA} criteria to compare`;
  return null;
}

/** The draft with a criterion added or removed, keeping criterion order. */
export function toggleCriterion(draft: PairwiseDraft, key: string, criterionKeys: readonly string[]): PairwiseDraft {
  const chosen = draft.chosen.includes(key) ? draft.chosen.filter((k) => k !== key) : [...draft.chosen, key];
  return { ...draft, chosen: criterionKeys.filter((k) => chosen.includes(k)) };
}
