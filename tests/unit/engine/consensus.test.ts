import { describe, expect, it } from "vitest";
import { consensus, mostContested } from "@/lib/engine/consensus";

const rows = (...vectors: number[][]) => ({ weights: Float64Array.from(vectors.flat()), voters: vectors.length, criteria: vectors[0].length });
const of = (...vectors: number[][]) => {
  const { weights, voters, criteria } = rows(...vectors);
  return consensus(weights, voters, criteria);
};

describe("entropy consensus", () => {
  it("is 1 for identical ballots and for a single member", () => {
    const same = of([0.5, 0.3, 0.2], [0.5, 0.3, 0.2], [0.5, 0.3, 0.2]);
    expect(same.overall).toBe(1);
    expect(Array.from(same.byCriterion)).toEqual([1, 1, 1]);
    expect(of([0.9, 0.1, 0]).overall).toBe(1);
  });

  it("is 0 when members put all weight on different criteria", () => {
    const split = of([1, 0], [0, 1]);
    expect(split.overall).toBe(0);
    expect(Array.from(split.byCriterion)).toEqual([0, 0]);
  });

  it("matches the formula on a worked example", () => {
    // Hα = H(.8,.2) = .500402; Hγ = H(.5,.5) = ln 2 = .693147; Dβ = exp(.192745) = 1.212549;
    // Dmax = 2; S = (1/1.212549 − 1/2)/(1 − 1/2) = .649385
    const result = of([0.8, 0.2], [0.2, 0.8]);
    const h = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2));
    const s = (Math.exp(h - Math.LN2) - 0.5) / 0.5;
    expect(result.overall).toBeCloseTo(s, 12);
    expect(result.overall).toBeCloseTo(0.649385, 6);
  });

  it("falls as members drift apart", () => {
    const close = of([0.5, 0.5], [0.55, 0.45]).overall;
    const far = of([0.5, 0.5], [0.9, 0.1]).overall;
    expect(close).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(0);
  });

  it("lists the most contested criterion first", () => {
    // a: everyone .2; b: .38-.42; c: .0-.8
    const { byCriterion } = of([0.2, 0.4, 0.4], [0.2, 0.42, 0.38], [0.2, 0.8, 0.0]);
    expect(byCriterion[0]).toBe(1);
    expect(mostContested(byCriterion, ["a", "b", "c"])).toEqual(["c", "b", "a"]);
  });
});
