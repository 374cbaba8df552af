// One-at-a-time sensitivity: for each criterion, the nearest weight at which the leader changes.
//
// Setting criterion j's weight to t while the others keep their proportions makes every option's
// score a straight line in t:   S_i(t) = t·r_ij + (1 − t)·Q_i,
// where Q_i = Σ_{k≠j} w_k r_ik / Σ_{k≠j} w_k is its score on the other criteria alone. Against the
// leader L, option i's margin is d_i(t) = a_i + b_i·t with a_i = Q_i − Q_L and
// b_i = (r_ij − Q_i) − (r_Lj − Q_L); it is ≤ 0 at the current weight and crosses 0 at t = −a_i/b_i.
// Raising t, the first crossing above the current weight with b_i > 0 is where L loses the lead
// (L stays on top of every line until then); lowering t, the last crossing below it with b_i < 0.
// The nearer of the two is reported, with the option that leads just past it: among options
// crossing at the same point, the one whose margin grows fastest in that direction.
// A crossing at t = 1 (or 0) is only a tie there, so it does not count as a change; crossings
// within EDGE of the ends count as there, since two options rating the criterion alike cross at
// exactly 1 and rounding puts the computed point a hair either side.
// If the criterion holds all the weight, the others have no proportions to keep, so the question
// has no answer: null. (Splitting the rest equally would hand weight to criteria nobody chose.)

const EDGE = 1e-9;

export interface FlipPoint {
  flipAt: number | null;
  /** option index, or null with flipAt */
  newLeader: number | null;
}

export function flipPoints(ratings: Float64Array, weights: Float64Array, optionCount: number, leader: number): FlipPoint[] {
  const criterionCount = weights.length;
  const rest = new Float64Array(optionCount);
  const points: FlipPoint[] = [];
  for (let j = 0; j < criterionCount; j++) {
    if (!otherCriteriaScores(ratings, weights, optionCount, j, rest)) {
      points.push({ flipAt: null, newLeader: null });
      continue;
    }
    const current = weights[j];
    const leaderSlope = ratings[leader * criterionCount + j] - rest[leader];
    let best: FlipPoint = { flipAt: null, newLeader: null };
    let bestDistance = Infinity;
    let bestGrowth = 0;
    for (let i = 0; i < optionCount; i++) {
      if (i === leader) continue;
      const intercept = rest[i] - rest[leader];
      const slope = ratings[i * criterionCount + j] - rest[i] - leaderSlope;
      if (slope === 0) continue;
      const crossing = -intercept / slope;
      const rising = slope > 0;
      // Only crossings on the side where option i gains, strictly inside the range it can win in.
      if (rising ? !(crossing >= current && crossing < 1 - EDGE) : !(crossing <= current && crossing > EDGE)) continue;
      const distance = Math.abs(crossing - current);
      const growth = Math.abs(slope);
      if (distance < bestDistance || (distance === bestDistance && growth > bestGrowth)) {
        best = { flipAt: crossing, newLeader: i };
        bestDistance = distance;
        bestGrowth = growth;
      }
    }
    points.push(best);
  }
  return points;
}

/**
 * Each option's score on all criteria but j, with their weights rescaled to sum to 1, into `out`;
 * false when the other criteria have no weight at all.
 */
function otherCriteriaScores(ratings: Float64Array, weights: Float64Array, optionCount: number, j: number, out: Float64Array): boolean {
  const criterionCount = weights.length;
  let otherTotal = 0;
  for (let k = 0; k < criterionCount; k++) if (k !== j) otherTotal += weights[k];
  if (!(otherTotal > 0)) return false;
  for (let i = 0; i < optionCount; i++) {
    let sum = 0;
    for (let k = 0; k < criterionCount; k++) if (k !== j) sum += (weights[k] / otherTotal) * ratings[i * criterionCount + k];
    out[i] = sum;
  }
  return true;
}
