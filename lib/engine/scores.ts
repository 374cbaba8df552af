// Weighted sums of 0-10 ratings and the ranks they give; ties share a rank ("1224" ranking).

/** Scores closer than this (relative to their size) are a tie: float noise is not a preference. */
const TIE_TOLERANCE = 1e-9;

/** ratings is option-major (optionCount × criterionCount); writes one score per option into `out`. */
export function weightedScores(
  ratings: Float64Array,
  weights: Float64Array,
  optionCount: number,
  out: Float64Array = new Float64Array(optionCount),
): Float64Array {
  const criterionCount = weights.length;
  for (let o = 0; o < optionCount; o++) {
    let sum = 0;
    const base = o * criterionCount;
    for (let c = 0; c < criterionCount; c++) sum += weights[c] * ratings[base + c];
    out[o] = sum;
  }
  return out;
}

function isTie(x: number, y: number): boolean {
  return Math.abs(x - y) <= TIE_TOLERANCE * Math.max(1, Math.abs(x), Math.abs(y));
}

/** Option indices best first (input order among ties) and the rank of each position. */
export function rankScores(scores: Float64Array): { order: number[]; ranks: number[] } {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  // Neighbours in score order within the tolerance share a rank, as in rankByWeightedSum.
  const ranks = order.map(() => 1);
  for (let k = 1; k < order.length; k++) {
    ranks[k] = isTie(scores[order[k]], scores[order[k - 1]]) ? ranks[k - 1] : k + 1;
  }
  return { order, ranks };
}
