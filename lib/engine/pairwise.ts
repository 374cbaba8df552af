// Pairwise ballots (Saaty's 1-9 scale), possibly incomplete: priority weights, the consistency
// ratio and the judgments that disagree most with the rest.
//
// Weights use the logarithmic least squares method (LLSM) generalised to incomplete matrices
// (Kwiesielewicz 1996; Bozóki, Fülöp & Rónyai 2010, "On optimal completion of incomplete pairwise
// comparison matrices", Math. Comput. Modelling 52): minimise Σ over given judgments of
// (ln a_ij − y_i + y_j)², then w = exp(y) normalised. Its normal equations are L·y = r with L the
// Laplacian of the comparison graph, unique up to a constant when the graph is connected. For a
// complete matrix it equals the row geometric mean (Crawford & Williams 1985), and with several
// voters' judgments pooled it is the AIJ group solution. We chose LLSM over Harker's eigenvector
// method because it is a linear solve (no iteration), exact for consistent judgments, and the same
// code serves single ballots and the group.
import type { InconsistentJudgment } from "./types";

/** One judgment between criteria by index: a_ij = exp(logValue). */
export interface Judgment {
  i: number;
  j: number;
  logValue: number;
}

export interface PairwiseAnalysis {
  /** indexed like the criteria; criteria the ballot never mentions get 0 */
  weights: Float64Array;
  consistencyRatio: number;
  /** up to three given judgments furthest (in log ratio) from what the weights imply, worst first */
  mostInconsistent: InconsistentJudgment[];
}

/**
 * Saaty's random consistency index for n = 1..15 (Saaty 1980, The Analytic Hierarchy Process);
 * beyond 15, Alonso & Lamata's fit λ_max ≈ 2.7699n − 4.3513 (Int. J. Uncertainty, Fuzziness and
 * Knowledge-Based Systems 14(4), 2006), which agrees with the table at n = 15.
 */
const SAATY_RANDOM_INDEX = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

export function randomIndex(n: number): number {
  if (n < SAATY_RANDOM_INDEX.length) return SAATY_RANDOM_INDEX[n];
  return (1.7699 * n - 4.3513) / (n - 1);
}

/**
 * LLSM weights over `criterionCount` criteria from any number of judgments (repeated pairs are
 * pooled, which is the geometric mean of the judgments). Criteria no judgment mentions get 0.
 * Returns null when the mentioned criteria are not linked into one connected graph.
 */
export function llsmWeights(criterionCount: number, judgments: readonly Judgment[]): Float64Array | null {
  const local = new Int32Array(criterionCount).fill(-1);
  const nodes: number[] = [];
  for (const { i, j } of judgments) {
    for (const x of [i, j]) if (local[x] < 0) local[x] = nodes.push(x) - 1;
  }
  const weights = new Float64Array(criterionCount);
  const m = nodes.length;
  if (m === 0) return null;
  if (!isConnected(m, judgments, local)) return null;

  // Laplacian system with the last node grounded (y = 0) to remove the free constant.
  const size = m - 1;
  const system = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  for (const { i, j, logValue } of judgments) {
    const a = local[i];
    const b = local[j];
    if (a < size) {
      system[a * size + a] += 1;
      rhs[a] += logValue;
    }
    if (b < size) {
      system[b * size + b] += 1;
      rhs[b] -= logValue;
    }
    if (a < size && b < size) {
      system[a * size + b] -= 1;
      system[b * size + a] -= 1;
    }
  }
  const y = solveSymmetricPositiveDefinite(system, rhs, size);
  let largest = 0;
  for (let k = 0; k < size; k++) largest = Math.max(largest, y[k]);
  let total = 0;
  for (let k = 0; k < m; k++) {
    const value = Math.exp((k < size ? y[k] : 0) - largest);
    weights[nodes[k]] = value;
    total += value;
  }
  for (const node of nodes) weights[node] /= total;
  return weights;
}

/**
 * Saaty's consistency ratio CR = CI / RI with CI = (λ_max − n) / (n − 1), over the n criteria the
 * ballot mentions. Missing judgments are filled with the ratio of the LLSM weights, so they add no
 * inconsistency of their own: the CR measures only the judgments actually given. 0 for n ≤ 2.
 */
export function consistencyRatio(criterionCount: number, judgments: readonly Judgment[], weights: Float64Array): number {
  const nodes: number[] = [];
  for (let c = 0; c < criterionCount; c++) if (weights[c] > 0) nodes.push(c);
  const n = nodes.length;
  if (n <= 2) return 0;
  const local = new Int32Array(criterionCount).fill(-1);
  nodes.forEach((node, k) => (local[node] = k));
  const matrix = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) matrix[r * n + c] = weights[nodes[r]] / weights[nodes[c]];
  for (const { i, j, logValue } of judgments) {
    matrix[local[i] * n + local[j]] = Math.exp(logValue);
    matrix[local[j] * n + local[i]] = Math.exp(-logValue);
  }
  const { eigenvalue } = principalEigen(matrix, n);
  const ci = (eigenvalue - n) / (n - 1);
  // A consistent matrix has λ_max = n exactly; rounding leaves ~1e-15, which is not inconsistency.
  return ci < 1e-12 ? 0 : ci / randomIndex(n);
}

/** Principal (Perron) eigenvalue and eigenvector, summing to 1, of a positive n×n matrix. */
export function principalEigen(matrix: Float64Array, n: number): { eigenvalue: number; vector: Float64Array } {
  let vector = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let eigenvalue = 0;
  for (let iteration = 0; iteration < 1000; iteration++) {
    let total = 0;
    for (let r = 0; r < n; r++) {
      let sum = 0;
      for (let c = 0; c < n; c++) sum += matrix[r * n + c] * vector[c];
      next[r] = sum;
      total += sum;
    }
    for (let r = 0; r < n; r++) next[r] /= total;
    [vector, next] = [next, vector];
    // With the vector summing to 1, the sum of M·v converges to λ_max.
    const converged = Math.abs(total - eigenvalue) < 1e-14 * total;
    eigenvalue = total;
    if (converged) break;
  }
  return { eigenvalue, vector };
}

/**
 * Weights, CR and the most inconsistent judgments of one pairwise ballot. Expects comparisons that
 * meet ballot-rules.ts (known, distinct, linked criteria; normaliseBallots checks before calling),
 * and throws on a disconnected set rather than invent weights for it.
 */
export function analysePairwiseBallot(
  comparisons: readonly { a: string; b: string; value: number }[],
  criterionIndex: ReadonlyMap<string, number>,
): { analysis: PairwiseAnalysis; judgments: Judgment[] } {
  const judgments = comparisons.map(({ a, b, value }) => ({
    i: criterionIndex.get(a)!,
    j: criterionIndex.get(b)!,
    logValue: Math.log(value),
  }));
  const weights = llsmWeights(criterionIndex.size, judgments);
  if (!weights) throw new Error("pairwise comparisons do not link every criterion they mention");
  const deviations = comparisons
    .map((comparison, k) => {
      const implied = weights[judgments[k].i] / weights[judgments[k].j];
      return { ...comparison, implied, deviation: Math.abs(judgments[k].logValue - Math.log(implied)) };
    })
    .filter((entry) => entry.deviation > 1e-9)
    .sort((x, y) => y.deviation - x.deviation);
  return {
    judgments,
    analysis: {
      weights,
      consistencyRatio: consistencyRatio(criterionIndex.size, judgments, weights),
      mostInconsistent: deviations.slice(0, 3).map(({ a, b, value, implied }) => ({ a, b, value, implied })),
    },
  };
}

function isConnected(m: number, judgments: readonly Judgment[], local: Int32Array): boolean {
  const neighbours: number[][] = Array.from({ length: m }, () => []);
  for (const { i, j } of judgments) {
    neighbours[local[i]].push(local[j]);
    neighbours[local[j]].push(local[i]);
  }
  const seen = new Uint8Array(m);
  const stack = [0];
  seen[0] = 1;
  let reached = 1;
  while (stack.length) {
    for (const next of neighbours[stack.pop()!]) {
      if (!seen[next]) {
        seen[next] = 1;
        reached++;
        stack.push(next);
      }
    }
  }
  return reached === m;
}

/** Cholesky solve; the grounded Laplacian of a connected graph is symmetric positive definite. */
function solveSymmetricPositiveDefinite(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c <= r; c++) {
      let sum = a[r * n + c];
      for (let k = 0; k < c; k++) sum -= l[r * n + k] * l[c * n + k];
      l[r * n + c] = r === c ? Math.sqrt(sum) : sum / l[c * n + c];
    }
  }
  const z = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let sum = b[r];
    for (let k = 0; k < r; k++) sum -= l[r * n + k] * z[k];
    z[r] = sum / l[r * n + r];
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sum = z[r];
    for (let k = r + 1; k < n; k++) sum -= l[k * n + r] * x[k];
    x[r] = sum / l[r * n + r];
  }
  return x;
}
