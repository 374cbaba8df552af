import { describe, expect, it } from "vitest";
import { computeReport, type EngineInput } from "@/lib/engine";
import { fitConcentration, MAX_CONCENTRATION, winProbabilities } from "@/lib/engine/montecarlo";
import { Xorshift32 } from "@/lib/engine/random";

describe("random numbers", () => {
  it("repeat for a seed and differ between seeds", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.uniform())(new Xorshift32(seed)));
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
  it("is very high for one member or identical ballots", () => {
    expect(fitConcentration(Float64Array.from([0.6, 0.4]), 1, 2)).toBe(MAX_CONCENTRATION);
    expect(fitConcentration(Float64Array.from([0.6, 0.4, 0.6, 0.4]), 2, 2)).toBe(MAX_CONCENTRATION);
  });

  it("inverts the Dirichlet variance m(1 − m)/(κ + 1)", () => {
    // Members .3/.7 and .7/.3: mean .5, variance .04 → κ = .25/.04 − 1 = 5.25
    expect(fitConcentration(Float64Array.from([0.3, 0.7, 0.7, 0.3]), 2, 2)).toBeCloseTo(5.25, 12);
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

  it("gives the leader almost certain victory when the team is unanimous", () => {
    const input: EngineInput = {
      options: [{ id: "x", name: "X" }, { id: "y", name: "Y" }],
      criteria: [{ id: "a", name: "A" }, { id: "b", name: "B" }],
      ratings: { x: { a: 8, b: 2 }, y: { a: 4, b: 6 } },
      ballots: [{ voter: "u1", method: "points", weights: { a: 60, b: 40 } }],
    };
    const report = computeReport(input);
    expect(report.ranking[0]).toMatchObject({ option: "x", winProbability: 1 });
    expect(report.monteCarlo).toEqual({ samples: 10_000, seed: 42, concentration: MAX_CONCENTRATION });
  });
});
