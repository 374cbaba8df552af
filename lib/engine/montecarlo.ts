// Win probabilities: how often each option leads when the weights are drawn at random around
// the team's weights, as widely as the members disagree and as little as a few ballots can tell.
import { Xorshift32 } from "./random";

/** Concentration used only when no draw can differ (every member puts all weight on one criterion). */
export const MAX_CONCENTRATION = 1e6;
/** The fit's floor: below κ = 1 the Dirichlet piles its draws into the simplex's corners. */
export const MIN_CONCENTRATION = 1;
/**
 * Pseudo-ballots of prior spread added to the members' own. One ballot says nothing about how
 * far the team's weights could move, nor do a few identical ones: the prior is one imaginary
 * member whose weights are as uncertain as Dirichlet(K·m) (K = 1/Σ m², the effective number of
 * criteria weighted), which is the uniform distribution on
 * the simplex when m is uniform (the Bayes-Laplace "know nothing" choice). Its pull fades as
 * ballots come in: with N ballots it counts 1/N as much as the members' spread.
 */
export const PRIOR_BALLOTS = 1;
/** Gamma shapes are floored here so a criterion with a sliver of weight still samples sanely. */
const MIN_SHAPE = 1e-3;

/**
 * Dirichlet concentration κ from all criteria together (a pooled moment estimate), or null
 * with no ballots (nothing to centre on, so no win probability).
 *
 * For w ~ Dirichlet(κ·m) the covariance is (diag(m) − m mᵀ)/(κ + 1), so its trace, the total
 * variance, is (1 − Σ m_c²)/(κ + 1): one equation in κ that every criterion feeds. With S the
 * members' summed squared deviations Σ_v Σ_c (w_vc − m_c)² and N ballots,
 *
 *   V = (S + PRIOR_BALLOTS · V₀) / (N − 1 + PRIOR_BALLOTS),  V₀ = (1 − Σ m_c²)/(K + 1)
 *   (K = 1/Σ m_c², the effective number of weighted criteria; the unweighted are never sampled)
 *   κ = (1 − Σ m_c²)/V − 1, clamped to [MIN_CONCENTRATION, MAX_CONCENTRATION]
 *
 * i.e. the unbiased sample total variance, shrunk towards the prior pseudo-ballot above.
 * Why not a per-criterion average (the old fit): a criterion on which everyone nearly agrees
 * has a near-zero variance, so its own κ_c is huge and dominates the average; one voter moving
 * 0.01 points then changed κ from ~5 to 10⁶ and a win probability from 0.50 to 1.00 (issue 14).
 * Pooling sums numerators and denominators first, so a tiny variance changes κ tinily.
 * Why not the maximum-likelihood fit (Minka 2000, "Estimating a Dirichlet distribution", fixed
 * point on the mean log weights): the Dirichlet log-likelihood has a log w_vc term, −∞ for the
 * zero weights points ballots routinely give, and weights near zero dominate it in the same
 * unstable way. The moment identity is the standard one (Kotz, Balakrishnan & Johnson 2000,
 * "Continuous Multivariate Distributions", vol. 1, ch. 49, Dirichlet moments).
 * O(N·K), no iteration: the same cost as the old fit.
 */
export function fitConcentration(weights: Float64Array, voterCount: number, criterionCount: number): number | null {
  if (voterCount === 0) return null;
  const mean = new Float64Array(criterionCount);
  for (let v = 0; v < voterCount; v++) for (let c = 0; c < criterionCount; c++) mean[c] += weights[v * criterionCount + c];
  let spreadable = 1; // 1 − Σ m_c²: the total variance a Dirichlet with κ = 0 would have
  for (let c = 0; c < criterionCount; c++) {
    mean[c] /= voterCount;
    spreadable -= mean[c] * mean[c];
  }
  let squares = 0;
  for (let v = 0; v < voterCount; v++) {
    const base = v * criterionCount;
    for (let c = 0; c < criterionCount; c++) {
      const d = weights[base + c] - mean[c];
      squares += d * d;
    }
  }
  // All weight on one criterion for everyone: every draw is that criterion alone, whatever κ.
  if (spreadable <= 1e-12) return MAX_CONCENTRATION;
  // K_eff = 1/Σ m_c², the effective number of weighted criteria: K when the weight is spread
  // evenly over K criteria, and continuous in the weights, so a criterion that gets its first
  // 0.01 points moves the prior by a sliver instead of from K to K + 1 (a criterion nobody
  // weights changes nothing).
  const effectiveCriteria = 1 / (1 - spreadable);
  const priorVariance = spreadable / (effectiveCriteria + 1);
  const variance = (squares + PRIOR_BALLOTS * priorVariance) / (voterCount - 1 + PRIOR_BALLOTS);
  return Math.min(MAX_CONCENTRATION, Math.max(MIN_CONCENTRATION, spreadable / variance - 1));
}

/** How far the leader is ahead of the runner-up, and how far sampling moves that lead. */
export interface LeadNoise {
  /** leader's score minus the runner-up's, at the team's weights (0-10 scale) */
  margin: number;
  /** standard deviation of that difference when the weights are Dirichlet(κ·weights) */
  noise: number;
  /** margin ≤ noise: the lead is inside the noise of the team's disagreement */
  uncertain: boolean;
}

/**
 * The leader's margin over the runner-up against its standard deviation under the sampling
 * distribution, exactly: with d the two options' rating differences, Var(w·d) =
 * (Σ m_c d_c² − (Σ m_c d_c)²)/(κ + 1). A margin within one standard deviation is "uncertain":
 * the runner-up then leads in a sizeable share of plausible weightings (about 16% or more for a
 * normal approximation), however the Monte Carlo count rounds. Null with fewer than two options.
 */
export function leadNoise(
  ratings: Float64Array,
  weights: Float64Array,
  leader: number,
  runnerUp: number | undefined,
  concentration: number,
): LeadNoise | null {
  if (runnerUp === undefined) return null;
  const criterionCount = weights.length;
  let margin = 0;
  let secondMoment = 0;
  for (let c = 0; c < criterionCount; c++) {
    const d = ratings[leader * criterionCount + c] - ratings[runnerUp * criterionCount + c];
    margin += weights[c] * d;
    secondMoment += weights[c] * d * d;
  }
  const noise = Math.sqrt(Math.max(0, secondMoment - margin * margin) / (concentration + 1));
  return { margin, noise, uncertain: margin <= noise };
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
