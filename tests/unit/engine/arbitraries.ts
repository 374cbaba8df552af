// fast-check generators of valid engine inputs with every ballot method mixed.
import fc from "fast-check";
import type { Aggregation, Ballot, EngineInput } from "@/lib/engine";

const SAATY = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9, 2, 1 / 2, 4, 1 / 4];
export const RULES: Aggregation[] = ["mean", "median", "trimmed-mean", "geometric"];

function pointsBallot(criterionIds: string[]) {
  return fc.array(fc.nat(10), { minLength: criterionIds.length, maxLength: criterionIds.length }).map((raw) => {
    if (!raw.some((x) => x > 0)) raw[0] = 1;
    const total = raw.reduce((a, b) => a + b, 0);
    const points = raw.map((x) => Math.floor((100 * x) / total));
    points[raw.findIndex((x) => x > 0)] += 100 - points.reduce((a, b) => a + b, 0);
    // Zero-point criteria are sometimes left out: both mean 0.
    return Object.fromEntries(criterionIds.map((id, c) => [id, points[c]]).filter(([, p], c) => p !== 0 || c % 2 === 0));
  });
}

function likertBallot(criterionIds: string[]) {
  return fc
    .array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), {
      minLength: criterionIds.length,
      maxLength: criterionIds.length,
    })
    .map((levels) => {
      if (!levels.some((x) => x !== undefined)) levels[0] = 3;
      return Object.fromEntries(criterionIds.flatMap((id, c) => (levels[c] === undefined ? [] : [[id, levels[c]!]])));
    });
}

/** A chain linking a random subset of at least two criteria, plus a few extra judgments. */
function pairwiseComparisons(criterionIds: string[]) {
  return fc
    .record({
      order: fc.shuffledSubarray(criterionIds, { minLength: 2 }),
      values: fc.array(fc.constantFrom(...SAATY), { minLength: 12, maxLength: 12 }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    })
    .map(({ order, values, extra }) => {
      const seen = new Set<string>();
      const comparisons: { a: string; b: string; value: number }[] = [];
      const add = (a: string, b: string) => {
        const key = [a, b].sort().join("|");
        if (a === b || seen.has(key)) return;
        seen.add(key);
        comparisons.push({ a, b, value: values[comparisons.length % values.length] });
      };
      for (let k = 1; k < order.length; k++) add(order[k - 1], order[k]);
      for (const [x, y] of extra) add(order[x % order.length], order[y % order.length]);
      return comparisons;
    });
}

type UnsignedBallot = Ballot extends infer B ? (B extends Ballot ? Omit<B, "voter"> : never) : never;

export function ballotArbitrary(
  criterionIds: string[],
  methods: Ballot["method"][] = ["points", "likert", "pairwise"],
): fc.Arbitrary<UnsignedBallot> {
  return fc
    .constantFrom(...methods)
    .chain((method): fc.Arbitrary<UnsignedBallot> =>
      method === "pairwise"
        ? pairwiseComparisons(criterionIds).map((comparisons) => ({ method, comparisons }))
        : (method === "points" ? pointsBallot(criterionIds) : likertBallot(criterionIds)).map((weights) => ({ method, weights })),
    );
}

export interface InputShape {
  minCriteria?: number;
  maxCriteria?: number;
  maxBallots?: number;
  methods?: Ballot["method"][];
}

/**
 * Ratings on a fine grid (0.00001 steps): score ties, which make "the leader" ambiguous, are then
 * vanishingly rare, and there are no denormal-sized ratings as a raw double generator gives.
 */
export const rating = fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 100_000);

/** A valid input mixing the given ballot methods. */
export function engineInputArbitrary({ minCriteria = 2, maxCriteria = 6, maxBallots = 6, methods }: InputShape = {}) {
  return fc
    .record({ criterionCount: fc.integer({ min: minCriteria, max: maxCriteria }), optionCount: fc.integer({ min: 2, max: 5 }) })
    .chain(({ criterionCount, optionCount }) => {
      const criterionIds = Array.from({ length: criterionCount }, (_, c) => `c${c}`);
      const optionIds = Array.from({ length: optionCount }, (_, o) => `o${o}`);
      return fc
        .record({
          ratings: fc.array(fc.array(rating, { minLength: criterionCount, maxLength: criterionCount }), {
            minLength: optionCount,
            maxLength: optionCount,
          }),
          ballots: fc.array(ballotArbitrary(criterionIds, methods), { minLength: 1, maxLength: maxBallots }),
          aggregation: fc.constantFrom(...RULES),
          seed: fc.integer(),
        })
        .map(({ ratings, ballots, aggregation, seed }): EngineInput => ({
          options: optionIds.map((id) => ({ id, name: id.toUpperCase() })),
          criteria: criterionIds.map((id) => ({ id, name: id.toUpperCase() })),
          ratings: Object.fromEntries(optionIds.map((o, i) => [o, Object.fromEntries(criterionIds.map((c, j) => [c, ratings[i][j]]))])),
          ballots: ballots.map((ballot, v) => ({ voter: `u${v}`, ...ballot }) as Ballot),
          aggregation,
          samples: 300,
          seed,
        }));
    });
}
