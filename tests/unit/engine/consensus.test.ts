import { describe, expect, it } from "vitest";
import { agreementFloor, consensus, CONTESTED_BELOW, mostContested } from "@/lib/engine/consensus";

const rows = (...vectors: number[][]) => ({ weights: Float64Array.from(vectors.flat()), voters: vectors.length, criteria: vectors[0].length });
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
