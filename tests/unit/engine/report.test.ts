import { describe, expect, it } from "vitest";
import { computeReport, parseEngineInput, rankByWeightedSum, rankWithWeights } from "@/lib/engine";

// The example of docs/CONTRACTS.md, "Scoring engine input", with a second criterion rated.
const contractExample = () =>
  parseEngineInput({
    options: [
      { id: "django", name: "Django" },
      { id: "flask", name: "Flask" },
    ],
    criteria: [
      { id: "security", name: "Built-in security" },
      { id: "performance", name: "Performance" },
    ],
    ratings: { django: { security: 9, performance: 5 }, flask: { security: 5, performance: 8 } },
    ballots: [
      { voter: "u1", method: "points", weights: { security: 60, performance: 40 } },
      { voter: "u2", method: "likert", weights: { security: 5, performance: 2 } },
      { voter: "u3", method: "pairwise", comparisons: [{ a: "security", b: "performance", value: 3 }] },
    ],
    aggregation: "mean",
    samples: 10000,
    seed: 42,
  });

describe("computeReport", () => {
  it("produces the contract's report for the contract's example", () => {
    const report = computeReport(contractExample());
    // mean of (.6, .4), (5/7, 2/7), (.75, .25)
    const security = (0.6 + 5 / 7 + 0.75) / 3;
    expect(report.weights.security).toBeCloseTo(security, 12);
    expect(report.weights.performance).toBeCloseTo(1 - security, 12);
    expect(report.ranking.map((r) => [r.option, r.rank])).toEqual([
      ["django", 1],
      ["flask", 2],
    ]);
    expect(report.ranking[0].score).toBeCloseTo(9 * security + 5 * (1 - security), 12);
    expect(report.ranking[0].winProbability).toBeGreaterThan(0.5);
    expect(report.consistency).toEqual({ u3: 0 });
    expect(report.inconsistentJudgments).toEqual({ u3: [] });
    expect(report.sensitivity.map((s) => s.criterion)).toEqual(["security", "performance"]);
    expect(report.sensitivity[0].newLeader).toBe("flask");
    // Three close ballots: high consensus, nothing below the contested threshold.
    expect(report.consensus.overall).toBeGreaterThan(report.consensus.contestedBelow!);
    expect(report.consensus.mostContested).toEqual([]);
  });

  it("shares a rank between tied options", () => {
    const input = contractExample();
    input.ratings.flask = { ...input.ratings.django };
    expect(computeReport(input).ranking.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe("what-if re-ranking", () => {
  it("agrees with rankByWeightedSum after rescaling the weights to sum to 1", () => {
    const input = contractExample();
    const weights = { security: 3, performance: 7 };
    const expected = rankByWeightedSum(["django", "flask"], ["security", "performance"], input.ratings, {
      security: 0.3,
      performance: 0.7,
    });
    const actual = rankWithWeights(input, weights);
    expect(actual.map((r) => [r.option, r.rank])).toEqual(expected.map((r) => [r.option, r.rank]));
    actual.forEach((r, k) => expect(r.score).toBeCloseTo(expected[k].score, 12));
  });
});
