// Win probabilities: how often each option leads when the weights are drawn at random around
// the team's weights, as widely as the members themselves disagree.
import { Xorshift32 } from "./random";

/** Concentration used when members do not disagree at all (one member, or identical ballots). */
export const MAX_CONCENTRATION = 1e6;
/** Gamma shapes are floored here so a criterion with a sliver of weight still samples sanely. */
const MIN_SHAPE = 1e-3;

/**
 * Dirichlet concentration κ by the method of moments: a Dirichlet(κ·m) component has variance
 * m(1 − m)/(κ + 1), so each criterion with spread gives κ_c = m_c(1 − m_c)/var_c − 1 from the
 * members' mean m_c and variance var_c; κ is their average, at least 1, at most MAX_CONCENTRATION.
 */
export function fitConcentration(weights: Float64Array, voterCount: number, criterionCount: number): number {
  if (voterCount < 2) return MAX_CONCENTRATION;
  const mean = new Float64Array(criterionCount);
  const variance = new Float64Array(criterionCount);
  for (let v = 0; v < voterCount; v++) for (let c = 0; c < criterionCount; c++) mean[c] += weights[v * criterionCount + c] / voterCount;
  for (let v = 0; v < voterCount; v++) {
    for (let c = 0; c < criterionCount; c++) {
      const d = weights[v * criterionCount + c] - mean[c];
      variance[c] += (d * d) / voterCount;
    }
  }
  let sum = 0;
  let counted = 0;
  for (let c = 0; c < criterionCount; c++) {
    // Below this the spread is rounding noise from normalising identical ballots.
    if (variance[c] > 1e-20) {
      sum += (mean[c] * (1 - mean[c])) / variance[c] - 1;
      counted++;
    }
  }
  return counted ? Math.min(MAX_CONCENTRATION, Math.max(1, sum / counted)) : MAX_CONCENTRATION;
}

/**
 * Share of `samples` Dirichlet(κ·weights) draws in which each option has the highest weighted
 * sum; exact ties split the sample. Criteria with zero weight stay at zero (a Dirichlet component
 * with zero parameter is degenerate), so they draw no random numbers and change nothing.
 * Allocation-free inside the loop: all buffers are typed arrays sized up front.
 */
export function winProbabilities(
  ratings: Float64Array,
  optionCount: number,
  weights: Float64Array,
  concentration: number,
  samples: number,
  seed: number,
): Float64Array {
  const criterionCount = weights.length;
  const active: number[] = [];
  for (let c = 0; c < criterionCount; c++) if (weights[c] > 0) active.push(c);
  const activeCount = active.length;

  // Ratings of the active criteria only, option-major, so the inner product is contiguous.
  const activeRatings = new Float64Array(optionCount * activeCount);
  for (let o = 0; o < optionCount; o++) {
    for (let k = 0; k < activeCount; k++) activeRatings[o * activeCount + k] = ratings[o * criterionCount + active[k]];
  }
  // Marsaglia-Tsang constants per criterion; shapes below 1 sample shape + 1 and apply the boost.
  const d = new Float64Array(activeCount);
  const c = new Float64Array(activeCount);
  const boostExponent = new Float64Array(activeCount);
  for (let k = 0; k < activeCount; k++) {
    const shape = Math.max(MIN_SHAPE, concentration * weights[active[k]]);
    // The rejection loop below never ends on a NaN shape: fail loudly instead of hanging a tab.
    if (!Number.isFinite(shape)) throw new Error(`Dirichlet shape for criterion ${active[k]} is ${shape}`);
    d[k] = (shape < 1 ? shape + 1 : shape) - 1 / 3;
    c[k] = 1 / Math.sqrt(9 * d[k]);
    boostExponent[k] = shape < 1 ? 1 / shape : 0;
  }

  const random = new Xorshift32(seed);
  const draw = new Float64Array(activeCount);
  const wins = new Float64Array(optionCount);
  const tied = new Int32Array(optionCount);
  for (let s = 0; s < samples; s++) {
    // The Dirichlet draw is the gammas divided by their sum; the argmax does not need the division.
    for (let k = 0; k < activeCount; k++) {
      const g = random.gammaFromConstants(d[k], c[k]);
      draw[k] = boostExponent[k] ? g * Math.pow(random.uniform(), boostExponent[k]) : g;
    }
    let best = -Infinity;
    let tieCount = 0;
    for (let o = 0; o < optionCount; o++) {
      let score = 0;
      const base = o * activeCount;
      for (let k = 0; k < activeCount; k++) score += draw[k] * activeRatings[base + k];
      if (score > best) {
        best = score;
        tied[0] = o;
        tieCount = 1;
      } else if (score === best) {
        tied[tieCount++] = o;
      }
    }
    for (let t = 0; t < tieCount; t++) wins[tied[t]] += 1 / tieCount;
  }
  for (let o = 0; o < optionCount; o++) wins[o] /= samples;
  return wins;
}
