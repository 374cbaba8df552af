// One reading of a 0-10 rating, shared by the option pages and the decision record, so a 4/10 is a
// weakness wherever it is shown.

/** Rated this or more: a strength ("Good" in MADR). */
export const STRENGTH_FROM = 7;
/** Rated this or less: a weakness ("Bad" in MADR). */
export const WEAKNESS_UP_TO = 4;

export type RatingVerdict = "strength" | "neutral" | "weakness";

export function ratingVerdict(score: number): RatingVerdict {
  if (score >= STRENGTH_FROM) return "strength";
  if (score <= WEAKNESS_UP_TO) return "weakness";
  return "neutral";
}
