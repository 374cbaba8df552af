// How much the members agree, overall and per criterion, in [0, 1] (1 = identical weights):
// Goepel's AHP consensus indicator S*, with the normalisation AHP-OS uses, so a figure here reads
// like the one practitioners know from AHP-OS and Goepel's AHP Excel template.
//
// Sources: K. D. Goepel (2013), "Implementing the Analytic Hierarchy Process as a Standard Method
// for Multi-Criteria Decision Making in Corporate Enterprises – A New AHP Excel Template with
// Multiple Inputs", Proc. ISAHP 2013, Kuala Lumpur (the indicator); K. D. Goepel (2018),
// "Implementation of an Online Software Tool for the Analytic Hierarchy Process (AHP-OS)",
// IJAHP 10(3), 469–487, doi:10.13033/ijahp.v10i3.590 (the normalisation, as AHP-OS computes it);
// the entropy partition is L. Jost (2007), "Partitioning diversity into independent alpha and
// beta components", Ecology 88(10), 2427–2439. Applied to each member's normalised weight vector,
// so points, likert and pairwise ballots are treated alike:
//
//   H(p)    = −Σ_c p_c ln p_c                    (0 ln 0 = 0), n = number of criteria anyone weights
//   Hα      = mean over members of H(w_v)         (alpha: how spread each member's weights are)
//   Hγ      = H(m), m = mean of the w_v           (gamma: how spread the pooled weights are)
//   Hβ      = Hγ − Hα ≥ 0                         (beta: 0 iff every member has the same weights)
//   Hα,min  = −a ln a − (n − 1) b ln b,  a = M/(n + M − 1), b = 1/(n + M − 1)
//             (the least spread a member can give on the input scale: one criterion M times as
//             important as each of the others)
//   Hγ,max  = ln n
//   S*      = (e^−Hβ − e^(Hα,min − Hγ,max)) / (1 − e^(Hα,min − Hγ,max))
//
// M is the input scale's largest ratio, as AHP-OS sets it from the scale chosen: 9 when every
// ballot is pairwise (Saaty's 1-9 scale). Points and 1-5 importance ballots can leave a
// criterion at 0 (all 100 points on one criterion), a ratio no finite M bounds: there M → ∞,
// Hα,min → 0 and the floor is 1/n. Using M = 9 for them (as this code first did) made every
// realistic points ballot "more extreme than the scale", so a demo team of three with ordinary,
// different allocations over 24 criteria scored 0% while each criterion scored 73-98%. With
// M → ∞, e^−Hβ ≥ 1/n always holds (Hβ ≤ Hγ ≤ ln n), so S* needs no clamping; the clamp to
// [0, 1] stays for pairwise ballots, whose derived weights can chain past 9 (9 × 9 = 81).
//
// Per criterion, the same measure: the beta entropy splits exactly into one non-negative term per
// criterion, Hβ = Σ_c Hβ_c with Hβ_c = (1/N) Σ_v w_vc ln(w_vc / m_c) (≥ 0 by the log-sum
// inequality), and a criterion's figure is S* computed from its term alone. So the figures
// reconcile: e^−Hβ = Π_c e^−Hβ_c, the overall figure is never above any criterion's, and it
// equals a criterion's when all the disagreement is on that criterion. `disagreementShare` gives
// Hβ_c / Hβ, each criterion's share of the whole disagreement (they add up to 1).
//
// Why not the earlier index (S with Dmax = min(members, criteria weighted), and a two-way split
// per criterion): its normalisation changed with the team size, so figures were comparable
// neither across teams nor with AHP-OS, and its per-criterion figure measured something else
// than the overall one (issue 14). Fewer than two ballots: no figure at all (null), since one
// person cannot disagree with anyone.

/** The largest value on Saaty's fundamental scale, AHP-OS's M for the standard scale. */
export const AHP_SCALE_MAX = 9;
/**
 * A criterion is listed as contested when its consensus is below this: Goepel's word scale calls
 * 0.875 and above "very high" consensus, so these are the criteria whose disagreement alone keeps
 * the team below very high agreement.
 */
export const CONTESTED_BELOW = 0.875;

export interface Consensus {
  /** S* over all criteria; null with fewer than two ballots */
  overall: number | null;
  /** S* from each criterion's share of the beta entropy; empty with fewer than two ballots */
  byCriterion: Float64Array | null;
  /** Hβ_c / Hβ; all 0 when everyone agrees; null with fewer than two ballots */
  disagreementShare: Float64Array | null;
}

/**
 * `scaleMax` is M, the input scale's largest ratio: AHP_SCALE_MAX for pairwise ballots,
 * Infinity for ballots that can weight a criterion 0 (see the header; consensusScaleMax).
 */
export function consensus(weights: Float64Array, voterCount: number, criterionCount: number, scaleMax = AHP_SCALE_MAX): Consensus {
  if (voterCount < 2) return { overall: null, byCriterion: null, disagreementShare: null };
  const mean = new Float64Array(criterionCount);
  for (let v = 0; v < voterCount; v++) for (let c = 0; c < criterionCount; c++) mean[c] += weights[v * criterionCount + c];
  for (let c = 0; c < criterionCount; c++) mean[c] /= voterCount;

  const betaByCriterion = new Float64Array(criterionCount);
  let beta = 0;
  for (let c = 0; c < criterionCount; c++) {
    if (mean[c] === 0) continue; // nobody weights it: every term is 0 ln 0
    let sum = 0;
    for (let v = 0; v < voterCount; v++) {
      const w = weights[v * criterionCount + c];
      if (w > 0) sum += w * Math.log(w / mean[c]);
    }
    betaByCriterion[c] = Math.max(0, sum / voterCount);
    beta += betaByCriterion[c];
  }

  // n counts the criteria anyone weights, as in AHP-OS, where every criterion of a node has a
  // positive priority: a criterion nobody weights must change no figure.
  let weighted = 0;
  for (let c = 0; c < criterionCount; c++) if (mean[c] > 0) weighted++;
  const floor = agreementFloor(weighted, scaleMax);
  const byCriterion = new Float64Array(criterionCount);
  const disagreementShare = new Float64Array(criterionCount);
  for (let c = 0; c < criterionCount; c++) {
    byCriterion[c] = goepelS(betaByCriterion[c], floor);
    disagreementShare[c] = beta > 0 ? betaByCriterion[c] / beta : 0;
  }
  return { overall: goepelS(beta, floor), byCriterion, disagreementShare };
}

/** Criterion ids below CONTESTED_BELOW, most contested (lowest consensus) first; ties by id. */
export function mostContested(byCriterion: Float64Array | null, criterionIds: readonly string[]): string[] {
  if (!byCriterion) return [];
  return Array.from(byCriterion.keys())
    .filter((c) => byCriterion[c] < CONTESTED_BELOW)
    .sort((a, b) => byCriterion[a] - byCriterion[b] || (criterionIds[a] < criterionIds[b] ? -1 : 1))
    .map((c) => criterionIds[c]);
}

/** M for a set of ballots: Saaty's 9 when all are pairwise, unbounded when any can hold a 0. */
export function consensusScaleMax(allPairwise: boolean): number {
  return allPairwise ? AHP_SCALE_MAX : Infinity;
}

/** e^(Hα,min − Hγ,max) = Dα,min / Dγ,max: the value of e^−Hβ that S* maps to 0. */
export function agreementFloor(criterionCount: number, scaleMax = AHP_SCALE_MAX): number {
  if (criterionCount < 2) return 0;
  if (scaleMax === Infinity) return 1 / criterionCount; // Hα,min = 0: all weight on one criterion
  const a = scaleMax / (criterionCount + scaleMax - 1);
  const b = 1 / (criterionCount + scaleMax - 1);
  const alphaMin = -a * Math.log(a) - (criterionCount - 1) * b * Math.log(b);
  return Math.exp(alphaMin - Math.log(criterionCount));
}

/** S* from a beta entropy, clamped to [0, 1] (see the header). */
function goepelS(betaEntropy: number, floor: number): number {
  // Identical ballots leave ~1e-16 of rounding in the entropy; they must score exactly 1.
  if (betaEntropy < 1e-12) return 1;
  const s = (Math.exp(-betaEntropy) - floor) / (1 - floor);
  return Math.min(1, Math.max(0, s));
}
