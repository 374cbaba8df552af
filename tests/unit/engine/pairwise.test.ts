import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analysePairwiseBallot, consistencyRatio, llsmWeights, principalEigen, randomIndex, type Judgment } from "@/lib/engine/pairwise";

/**
 * Saaty's "relative wealth of nations" matrix (US, USSR, China, France, UK, Japan, West Germany):
 * T. L. Saaty, "A scaling method for priorities in hierarchical structures", Journal of
 * Mathematical Psychology 15 (1977) 234-281, and The Analytic Hierarchy Process (McGraw-Hill,
 * 1980), ch. 2. Published eigenvector .427 .230 .021 .052 .052 .123 .094, λmax = 7.61, CR = 0.08.
 */
const WEALTH = [
  [1, 4, 9, 6, 6, 5, 5],
  [1 / 4, 1, 7, 5, 5, 3, 4],
  [1 / 9, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 7, 1 / 5],
  [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
  [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
  [1 / 5, 1 / 3, 7, 3, 3, 1, 2],
  [1 / 5, 1 / 4, 5, 3, 3, 1 / 2, 1],
];
const WEALTH_PUBLISHED_PRIORITIES = [0.427, 0.23, 0.021, 0.052, 0.052, 0.123, 0.094];

function upperTriangle(matrix: number[][]): Judgment[] {
  const judgments: Judgment[] = [];
  for (let i = 0; i < matrix.length; i++)
    for (let j = i + 1; j < matrix.length; j++) judgments.push({ i, j, logValue: Math.log(matrix[i][j]) });
  return judgments;
}

const positiveWeights = (min: number, max: number) =>
  fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: min, maxLength: max }).map((xs) => {
    const total = xs.reduce((a, b) => a + b, 0);
    return xs.map((x) => x / total);
  });

describe("Saaty's wealth-of-nations example", () => {
  const n = WEALTH.length;

  it("reproduces the published eigenvector priorities and λmax", () => {
    const { eigenvalue, vector } = principalEigen(Float64Array.from(WEALTH.flat()), n);
    WEALTH_PUBLISHED_PRIORITIES.forEach((published, k) => expect(vector[k]).toBeCloseTo(published, 3));
    expect(eigenvalue).toBeCloseTo(7.61, 2);
  });

  it("gives the published consistency ratio 0.08", () => {
    const judgments = upperTriangle(WEALTH);
    const weights = llsmWeights(n, judgments)!;
    expect(consistencyRatio(n, judgments, weights)).toBeCloseTo(0.08, 2);
  });

  it("LLSM priorities are the normalised row geometric means, within 0.011 of the eigenvector", () => {
    const weights = llsmWeights(n, upperTriangle(WEALTH))!;
    const rowMeans = WEALTH.map((row) =>
      Math.pow(
        row.reduce((a, b) => a * b, 1),
        1 / n,
      ),
    );
    const total = rowMeans.reduce((a, b) => a + b, 0);
    rowMeans.forEach((mean, k) => expect(weights[k]).toBeCloseTo(mean / total, 12));
    WEALTH_PUBLISHED_PRIORITIES.forEach((published, k) => expect(Math.abs(weights[k] - published)).toBeLessThan(0.011));
  });
});

describe("consistency ratio", () => {
  it("uses Saaty's random index table", () => {
    expect([3, 4, 5, 9, 10].map(randomIndex)).toEqual([0.58, 0.9, 1.12, 1.45, 1.49]);
    expect(randomIndex(40)).toBeGreaterThan(1.59);
  });

  it("is 0 for every consistent matrix, complete or not, and LLSM recovers its weights", () => {
    fc.assert(
      fc.property(positiveWeights(3, 9), fc.boolean(), (w, complete) => {
        const judgments: Judgment[] = [];
        for (let i = 0; i < w.length; i++) {
          for (let j = i + 1; j < w.length; j++) {
            // Incomplete: only a chain i → i+1, the fewest judgments that still link everything.
            if (complete || j === i + 1) judgments.push({ i, j, logValue: Math.log(w[i] / w[j]) });
          }
        }
        const weights = llsmWeights(w.length, judgments)!;
        w.forEach((expected, k) => expect(weights[k]).toBeCloseTo(expected, 10));
        expect(consistencyRatio(w.length, judgments, weights)).toBe(0);
      }),
    );
  });

  it("is above 0.1 for a clearly intransitive ballot", () => {
    const criterionIndex = new Map([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    const { analysis } = analysePairwiseBallot(
      [
        { a: "a", b: "b", value: 5 },
        { a: "b", b: "c", value: 5 },
        { a: "c", b: "a", value: 5 },
      ],
      criterionIndex,
    );
    expect(analysis.consistencyRatio).toBeGreaterThan(0.1);
  });
});

describe("pairwise ballots", () => {
  const ids = ["a", "b", "c", "d"];
  const criterionIndex = new Map(ids.map((id, k) => [id, k]));
  const w = [0.4, 0.3, 0.2, 0.1];
  const consistent = () => {
    const comparisons = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) comparisons.push({ a: ids[i], b: ids[j], value: w[i] / w[j] });
    return comparisons;
  };

  it("names the judgment that contradicts the others first", () => {
    const comparisons = consistent();
    const broken = comparisons.findIndex((c) => c.a === "b" && c.b === "d");
    comparisons[broken] = { a: "b", b: "d", value: 1 / 5 };
    const { analysis } = analysePairwiseBallot(comparisons, criterionIndex);
    expect(analysis.mostInconsistent).toHaveLength(3);
    expect(analysis.mostInconsistent[0]).toMatchObject({ a: "b", b: "d", value: 1 / 5 });
    // The other judgments pull the implied ratio back towards their b/d = 3.
    expect(analysis.mostInconsistent[0].implied).toBeGreaterThan(1 / 5);
    expect(analysis.mostInconsistent[0].implied).toBeLessThan(3);
  });

  it("names no judgment when the ballot is consistent", () => {
    expect(analysePairwiseBallot(consistent(), criterionIndex).analysis.mostInconsistent).toEqual([]);
  });

  it("gives 0 to criteria the ballot does not mention", () => {
    const { analysis } = analysePairwiseBallot([{ a: "a", b: "c", value: 3 }], criterionIndex);
    [0.75, 0, 0.25, 0].forEach((expected, k) => expect(analysis.weights[k]).toBeCloseTo(expected, 12));
    expect(analysis.consistencyRatio).toBe(0);
  });

  it("returns null for comparisons in separate groups", () => {
    expect(
      llsmWeights(4, [
        { i: 0, j: 1, logValue: 0 },
        { i: 2, j: 3, logValue: 0 },
      ]),
    ).toBeNull();
  });
});
