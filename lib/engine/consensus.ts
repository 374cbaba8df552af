// How much the members agree, overall and per criterion, in [0, 1] (1 = identical ballots).
//
// Shannon-entropy consensus after Goepel's AHP group consensus ("relative homogeneity",
// Goepel 2013, ISAHP; used in AHP-OS), applied to the normalised weight vectors so that points,
// likert and pairwise ballots are treated alike:
//
//   H(p)  = −Σ p_c ln p_c                       (0 ln 0 = 0)
//   Hα    = mean over members of H(w_member)    (how spread each member's own weights are)
//   Hγ    = H(mean of the members' vectors)     (how spread the pooled weights are)
//   Dβ    = exp(Hγ − Hα) ∈ [1, Dmax]            (Hγ − Hα is the mutual information between member
//                                                and criterion, so Dβ = 1 iff all vectors agree)
//   Dmax  = min(members, criteria anyone weights)   (the largest Dβ possible)
//   S     = (1/Dβ − 1/Dmax) / (1 − 1/Dmax)      (1 when identical, 0 at maximal disagreement)
//
// Per criterion, the same formula is applied to the two-way split (w_c, 1 − w_c) of each member's
// weight, with Dmax = min(members, 2): 1 when everyone gives the criterion the same share, 0 when
// half give it everything and half nothing. Fewer than two members: 1 (no one disagrees).

export interface Consensus {
  overall: number;
  byCriterion: Float64Array;
}

export function consensus(weights: Float64Array, voterCount: number, criterionCount: number): Consensus {
  const byCriterion = new Float64Array(criterionCount).fill(1);
  if (voterCount < 2) return { overall: 1, byCriterion };

  const mean = new Float64Array(criterionCount);
  let memberPlogp = 0;
  const memberBinaryPlogp = new Float64Array(criterionCount);
  for (let v = 0; v < voterCount; v++) {
    const base = v * criterionCount;
    for (let c = 0; c < criterionCount; c++) {
      const w = weights[base + c];
      const wlogw = plogp(w);
      mean[c] += w;
      memberPlogp += wlogw;
      memberBinaryPlogp[c] += wlogw + plogp(1 - w);
    }
  }
  let pooledPlogp = 0;
  let weightedCriteria = 0;
  for (let c = 0; c < criterionCount; c++) {
    mean[c] /= voterCount;
    pooledPlogp += plogp(mean[c]);
    if (mean[c] > 0) weightedCriteria++;
    const binaryGamma = -(plogp(mean[c]) + plogp(1 - mean[c]));
    byCriterion[c] = homogeneity(binaryGamma + memberBinaryPlogp[c] / voterCount, Math.min(voterCount, 2));
  }
  const overall = homogeneity(-pooledPlogp + memberPlogp / voterCount, Math.min(voterCount, weightedCriteria));
  return { overall, byCriterion };
}

/** Criterion indices, most contested (lowest consensus) first; ties by id so order is stable. */
export function mostContested(byCriterion: Float64Array, criterionIds: readonly string[]): string[] {
  return Array.from(byCriterion.keys())
    .sort((a, b) => byCriterion[a] - byCriterion[b] || (criterionIds[a] < criterionIds[b] ? -1 : 1))
    .map((c) => criterionIds[c]);
}

/** S from the beta entropy Hγ − Hα (formula above), clamped against rounding. */
function homogeneity(betaEntropy: number, maxDiversity: number): number {
  if (maxDiversity <= 1) return 1;
  // Identical ballots leave ~1e-16 of rounding in Hγ − Hα; they must score exactly 1.
  const inverseDiversity = betaEntropy < 1e-12 ? 1 : Math.exp(-betaEntropy);
  const s = (inverseDiversity - 1 / maxDiversity) / (1 - 1 / maxDiversity);
  return Math.min(1, Math.max(0, s));
}

function plogp(p: number): number {
  return p > 0 ? p * Math.log(p) : 0;
}
