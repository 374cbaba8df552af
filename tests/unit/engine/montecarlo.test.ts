import { describe, expect, it } from "vitest";
import { computeReport, type EngineInput } from "@/lib/engine";
import { fitConcentration, MAX_CONCENTRATION, winProbabilities } from "@/lib/engine/montecarlo";
import { Xorshift32 } from "@/lib/engine/random";

describe("random numbers", () => {
  it("repeat for a seed and differ between seeds", () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.uniform()
        )(new Xorshift32(seed)),
      );
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(0).every((u) => u > 0 && u < 1)).toBe(true);
  });

  it("gamma variates have mean and variance equal to the shape", () => {
    const random = new Xorshift32(1);
    for (const shape of [0.3, 2.5, 40]) {
      const n = 40_000;
      let sum = 0;
      let squares = 0;
      for (let k = 0; k < n; k++) {
        const g = random.gamma(shape);
        sum += g;
        squares += g * g;
      }
      const mean = sum / n;
      expect(mean).toBeCloseTo(shape, shape < 1 ? 1 : 0);
      expect(Math.abs(squares / n - mean * mean - shape) / shape).toBeLessThan(0.05);
    }
  });
});

describe("Dirichlet concentration", () => {
  it("is absent without ballots and finite for one member or identical ballots", () => {
    expect(fitConcentration(new Float64Array(0), 0, 2)).toBeNull();
    // One ballot: only the prior pseudo-ballot's spread, Dirichlet(K·m): κ = K, the effective
    // number of criteria 1/Σm² = 1/(.36 + .16).
    const effectiveCriteria = 1 / (0.36 + 0.16);
    expect(fitConcentration(Float64Array.from([0.6, 0.4]), 1, 2)).toBeCloseTo(effectiveCriteria, 12);
    expect(fitConcentration(Float64Array.from([0.5, 0.5]), 1, 2)).toBeCloseTo(2, 12);
    // Two identical ballots: the prior counts half, κ + 1 = 2·(K + 1).
    expect(fitConcentration(Float64Array.from([0.6, 0.4, 0.6, 0.4]), 2, 2)).toBeCloseTo(2 * (effectiveCriteria + 1) - 1, 12);
  });

  it("inverts the Dirichlet total variance (1 − Σm²)/(κ + 1), pooled over criteria", () => {
    // Members .3/.7 and .7/.3: m = .5/.5, 1 − Σm² = .5; S = 4·.04 = .16; V₀ = .5/3;
    // V = (.16 + .5/3)/(1 + 1) = .163333; κ = .5/.163333 − 1 = 2.061224
    expect(fitConcentration(Float64Array.from([0.3, 0.7, 0.7, 0.3]), 2, 2)).toBeCloseTo(0.5 / ((0.16 + 0.5 / 3) / 2) - 1, 12);
  });

  it("grows with the number of agreeing ballots: certainty needs evidence", () => {
    const agreeing = (n: number) => fitConcentration(Float64Array.from(Array.from({ length: n }, () => [0.6, 0.4]).flat()), n, 2)!;
    expect(agreeing(2)).toBeLessThan(agreeing(10));
    expect(agreeing(10)).toBeLessThan(agreeing(100));
    expect(fitConcentration(Float64Array.from([1, 0, 1, 0]), 2, 2)).toBe(MAX_CONCENTRATION);
  });
});

describe("win probability", () => {
  const ratings = Float64Array.from([8, 2, 4, 6]); // x, y over criteria a, b

  it("matches the exact Beta probability for two options", () => {
    // x beats y iff 8a + 2b > 4a + 6b iff a > 0.5; with a ~ Beta(κ·.6, κ·.4), κ = 10,
    // P(a > .5) = 1 − I_.5(6, 4) = 1 − P(Binomial(9, .5) ≥ 6) = 1 − 130/512 = 0.74609
    const [x, y] = winProbabilities(ratings, 2, Float64Array.from([0.6, 0.4]), 10, 50_000, 3);
    expect(Math.abs(x - (1 - 130 / 512))).toBeLessThan(0.006); // ~3 standard errors
    expect(x + y).toBeCloseTo(1, 12);
  });

  it("splits exact ties between identical options", () => {
    const twins = Float64Array.from([5, 5, 5, 5, 1, 1]);
    const [first, second, third] = winProbabilities(twins, 3, Float64Array.from([0.5, 0.5]), 5, 1000, 1);
    expect(first).toBe(0.5);
    expect(second).toBe(0.5);
    expect(third).toBe(0);
  });

  it("gives a clear leader of a unanimous team almost certain victory, but not from one ballot alone", () => {
    const input = (voters: number): EngineInput => ({
      options: [
        { id: "x", name: "X" },
        { id: "y", name: "Y" },
      ],
      criteria: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
      ratings: { x: { a: 8, b: 2 }, y: { a: 4, b: 6 } },
      ballots: Array.from({ length: voters }, (_, v) => ({ voter: `u${v}`, method: "points" as const, weights: { a: 60, b: 40 } })),
    });
    const one = computeReport(input(1));
    expect(one.ranking[0].option).toBe("x");
    expect(one.ranking[0].winProbability).toBeGreaterThan(0.5);
    expect(one.ranking[0].winProbability).toBeLessThan(0.9);
    expect(one.monteCarlo).toMatchObject({ samples: 10_000, seed: 42, concentration: expect.closeTo(1 / (0.36 + 0.16), 9) });
    const many = computeReport(input(200));
    expect(many.ranking[0].winProbability).toBeGreaterThan(0.99);
    expect(many.monteCarlo?.leadUncertain).toBe(false);
  });
});
