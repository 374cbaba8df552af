import { describe, expect, it } from "vitest";
import { computeReport, parseEngineInput } from "@/lib/engine";
import { agreementFloor, consensus, CONTESTED_BELOW, mostContested } from "@/lib/engine/consensus";

const rows = (...vectors: number[][]) => ({
  weights: Float64Array.from(vectors.flat()),
  voters: vectors.length,
  criteria: vectors[0].length,
});
const of = (...vectors: number[][]) => {
  const { weights, voters, criteria } = rows(...vectors);
  return consensus(weights, voters, criteria);
};

describe("Goepel S* consensus", () => {
  it("is 1 for identical ballots and absent for a single member", () => {
    const same = of([0.5, 0.3, 0.2], [0.5, 0.3, 0.2], [0.5, 0.3, 0.2]);
    expect(same.overall).toBe(1);
    expect(Array.from(same.byCriterion!)).toEqual([1, 1, 1]);
    expect(Array.from(same.disagreementShare!)).toEqual([0, 0, 0]);
    expect(of([0.9, 0.1, 0])).toEqual({ overall: null, byCriterion: null, disagreementShare: null });
  });

  it("is 0 when members put all weight on different criteria (more extreme than Saaty's scale allows)", () => {
    const split = of([1, 0], [0, 1]);
    expect(split.overall).toBe(0);
    expect(Array.from(split.disagreementShare!)).toEqual([0.5, 0.5]);
  });

  it("uses AHP-OS's normalisation: Dα,min from one criterion 9 times as important as each other one, Dγ,max = n", () => {
    // n = 2: a = .9, b = .1, Hα,min = .325083, floor = e^.325083 / 2 = .692073
    expect(agreementFloor(2)).toBeCloseTo(Math.exp(-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1))) / 2, 12);
    expect(agreementFloor(2)).toBeCloseTo(0.692073, 6);
  });

  it("matches the formula on a worked example", () => {
    // Hβ = ln 2 − H(.8, .2) = .192745; e^−Hβ = .824709; S* = (.824709 − .692073)/(1 − .692073) = .430685
    const result = of([0.8, 0.2], [0.2, 0.8]);
    const floor = agreementFloor(2);
    const beta = Math.LN2 + (0.8 * Math.log(0.8) + 0.2 * Math.log(0.2));
    expect(result.overall).toBeCloseTo((Math.exp(-beta) - floor) / (1 - floor), 12);
    expect(result.overall).toBeCloseTo(0.430685, 5);
  });

  it("falls as members drift apart", () => {
    const close = of([0.5, 0.5], [0.55, 0.45]).overall!;
    const far = of([0.5, 0.5], [0.8, 0.2]).overall!;
    expect(close).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(0);
  });

  it("lists only contested criteria, the most contested first", () => {
    // a: everyone .2; b: .38-.42; c: .0-.8
    const { byCriterion } = of([0.2, 0.4, 0.4], [0.2, 0.42, 0.38], [0.2, 0.8, 0.0]);
    expect(byCriterion![0]).toBe(1);
    const listed = mostContested(byCriterion, ["a", "b", "c"]);
    expect(listed).not.toContain("a");
    expect(listed[0]).toBe("c");
    for (const id of listed) expect(byCriterion!["abc".indexOf(id)]).toBeLessThan(CONTESTED_BELOW);
    expect(mostContested(null, ["a"])).toEqual([]);
  });
});

describe("consensus scale (M) follows the ballots", () => {
  it("uses a floor of 1/n for ballots that can weight a criterion 0 (M unbounded)", () => {
    expect(agreementFloor(4, Infinity)).toBe(0.25);
    expect(agreementFloor(24, Infinity)).toBeCloseTo(1 / 24, 15);
    expect(agreementFloor(4, Infinity)).toBeLessThan(agreementFloor(4));
  });

  // Three members' points over twelve criteria, as the demo team voted: different, ordinary
  // allocations. On Saaty's M = 9 they counted as more divided than the scale allows (0%), while
  // every criterion on its own showed 73-98%.
  const criteria = Array.from({ length: 12 }, (_, i) => `c${i}`);
  const allocation = (points: number[]) => Object.fromEntries(criteria.map((id, i) => [id, points[i]]));
  const demoLike = (method: "points" | "likert") =>
    computeReport(
      parseEngineInput({
        options: [
          { id: "a", name: "A" },
          { id: "b", name: "B" },
        ],
        criteria: criteria.map((id) => ({ id, name: id })),
        ratings: { a: allocation(criteria.map((_, i) => i % 10)), b: allocation(criteria.map((_, i) => 9 - (i % 10))) },
        ballots:
          method === "points"
            ? [
                { voter: "u1", method, weights: allocation([20, 0, 0, 15, 25, 10, 0, 0, 15, 15, 0, 0]) },
                { voter: "u2", method, weights: allocation([15, 0, 0, 0, 30, 0, 20, 20, 0, 0, 15, 0]) },
                { voter: "u3", method, weights: allocation([0, 15, 0, 0, 15, 0, 0, 0, 30, 15, 0, 25]) },
              ]
            : [
                { voter: "u1", method, weights: allocation([5, 1, 1, 4, 5, 3, 1, 1, 4, 4, 1, 1]) },
                { voter: "u2", method, weights: allocation([4, 1, 1, 1, 5, 1, 5, 5, 1, 1, 4, 1]) },
              ],
        samples: 500,
        seed: 1,
      }),
    );

  it("gives an ordinary points-voting team a figure between the extremes, consistent with its criteria", () => {
    const { consensus: agreement } = demoLike("points");
    expect(agreement.overall).toBeGreaterThan(0.2);
    expect(agreement.overall).toBeLessThan(0.8);
    for (const value of Object.values(agreement.byCriterion)) expect(agreement.overall!).toBeLessThanOrEqual(value);
  });

  it("keeps Saaty's M = 9 when every ballot is pairwise, as AHP-OS does", () => {
    const pairwise = computeReport(
      parseEngineInput({
        options: [
          { id: "a", name: "A" },
          { id: "b", name: "B" },
        ],
        criteria: [
          { id: "x", name: "x" },
          { id: "y", name: "y" },
        ],
        ratings: { a: { x: 9, y: 1 }, b: { x: 1, y: 9 } },
        ballots: [
          { voter: "u1", method: "pairwise", comparisons: [{ a: "x", b: "y", value: 4 }] },
          { voter: "u2", method: "pairwise", comparisons: [{ a: "x", b: "y", value: 1 / 4 }] },
        ],
        samples: 500,
        seed: 1,
      }),
    );
    // (.8, .2) against (.2, .8): the worked example above, on M = 9
    expect(pairwise.consensus.overall).toBeCloseTo(0.430685, 5);
    expect(demoLike("likert").consensus.overall).toBeGreaterThan(0);
  });
});
