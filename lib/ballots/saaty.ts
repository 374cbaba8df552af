/**
 * Saaty's 1-9 scale as the pairwise ballot offers it: 9..2 for "a matters more", 1 for equal and
 * the reciprocals 1/2..1/9 for "b matters more", each with the words a member reads.
 */

/** Above this consistency ratio Saaty advises revising the judgments (The Analytic Hierarchy Process, 1980). */
export const ACCEPTABLE_CONSISTENCY_RATIO = 0.1;

/** Saaty's verbal anchors; the even numbers sit between them. */
const INTENSITY: ReadonlyMap<number, string> = new Map([
  [2, "slightly more"],
  [3, "moderately more"],
  [5, "strongly more"],
  [7, "very strongly more"],
  [9, "extremely more"],
]);

export interface SaatyStep {
  /** a stable string for a <select> value: "9" … "1" … "1/9" */
  key: string;
  /** the judgment value a_ij: > 1 means a matters more */
  value: number;
}

const MORE = [9, 8, 7, 6, 5, 4, 3, 2];

/** From "a matters 9× more" through "equal" to "b matters 9× more". */
export const SAATY_STEPS: readonly SaatyStep[] = [
  ...MORE.map((n) => ({ key: String(n), value: n })),
  { key: "1", value: 1 },
  ...[...MORE].reverse().map((n) => ({ key: `1/${n}`, value: 1 / n })),
];

/** The step nearest (on the log scale) to any value in 1/9..9, e.g. from an API-cast ballot. */
export function nearestSaatyStep(value: number): SaatyStep {
  const target = Math.log(value);
  return SAATY_STEPS.reduce((best, step) =>
    Math.abs(Math.log(step.value) - target) < Math.abs(Math.log(best.value) - target) ? step : best,
  );
}

export function saatyStepByKey(key: string): SaatyStep | undefined {
  return SAATY_STEPS.find((step) => step.key === key);
}

/** The option text for a step between criteria named `a` and `b`, e.g. "Built-in security: 9× (extremely more)". */
export function saatyStepLabel(step: SaatyStep, a: string, b: string): string {
  if (step.value === 1) return "equal";
  const [winner, times] = step.value > 1 ? [a, step.value] : [b, 1 / step.value];
  const n = Math.round(times);
  const intensity = INTENSITY.get(n);
  return intensity ? `${winner}: ${n}× (${intensity})` : `${winner}: ${n}×`;
}

const roundRatio = (x: number) => (x >= 9.95 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, ""));

/** A ratio w_a / w_b in words: "Built-in security matters 3× more than Admin interface". */
export function ratioInWords(ratio: number, a: string, b: string, about = false): string {
  const approx = about ? "about " : "";
  if (Math.abs(Math.log(ratio)) < Math.log(1.1)) return `${a} and ${b} matter ${approx}equally`;
  const [more, less, times] = ratio > 1 ? [a, b, ratio] : [b, a, 1 / ratio];
  return `${more} matters ${approx}${roundRatio(times)}× more than ${less}`;
}

/** One inconsistent judgment in plain words: what the member said against what their other answers imply. */
export function inconsistentJudgmentInWords(judgment: { value: number; implied: number }, a: string, b: string): string {
  return `You said ${ratioInWords(judgment.value, a, b)}, but your other answers imply ${ratioInWords(judgment.implied, a, b, true)}.`;
}

export const formatConsistencyRatio = (cr: number) => cr.toFixed(2);
