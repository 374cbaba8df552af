import { describe, expect, it } from "vitest";
import { compareAggregations, computeReport, type Ballot, type EngineInput } from "@/lib/engine";

const criteria = ["a", "b", "c"].map((id) => ({ id, name: id }));
const points = (voter: string, a: number, b: number, c: number): Ballot => ({ voter, method: "points", weights: { a, b, c } });
const input = (ballots: Ballot[], extra: Partial<EngineInput> = {}): EngineInput => ({
  options: [
    { id: "x", name: "X" },
    { id: "y", name: "Y" },
  ],
  criteria,
  ratings: { x: { a: 10, b: 0, c: 0 }, y: { a: 0, b: 10, c: 5 } },
  ballots,
  samples: 100,
  ...extra,
});
const weightsUnder = (rule: EngineInput["aggregation"], ballots: Ballot[]) => computeReport(input(ballots, { aggregation: rule })).weights;
const expectWeights = (actual: Record<string, number>, expected: number[]) =>
  expected.forEach((w, k) => expect(actual[criteria[k].id]).toBeCloseTo(w, 12));

describe("ballot normalisation", () => {
  it("divides points by 100 and likert by its total; a left-out criterion counts 0", () => {
    expectWeights(weightsUnder("mean", [points("u1", 50, 30, 20)]), [0.5, 0.3, 0.2]);
    expectWeights(weightsUnder("mean", [{ voter: "u1", method: "likert", weights: { a: 4, c: 1 } }]), [0.8, 0, 0.2]);
  });
});

describe("aggregation rules", () => {
  const ballots = [
    points("u1", 60, 30, 10),
    points("u2", 20, 40, 40),
    points("u3", 10, 10, 80),
    points("u4", 30, 30, 40),
    points("u5", 90, 5, 5),
  ];

  it("mean", () => expectWeights(weightsUnder("mean", ballots), [0.42, 0.23, 0.35]));

  it("median per criterion, renormalised", () => {
    // medians .30 .30 .40 sum to 1 already
    expectWeights(weightsUnder("median", ballots), [0.3, 0.3, 0.4]);
  });

  it("20% trimmed mean drops one ballot at each end of five", () => {
    // a: 20 30 60 → .3667; b: 10 30 30 → .2333; c: 10 40 40 → .3; then renormalised by .9
    expectWeights(weightsUnder("trimmed-mean", ballots), [0.11 / 0.27, 0.07 / 0.27, 0.09 / 0.27]);
  });

  it("geometric mean of the weight vectors for points ballots, renormalised", () => {
    const g = [0.6 * 0.2 * 0.1 * 0.3 * 0.9, 0.3 * 0.4 * 0.1 * 0.3 * 0.05, 0.1 * 0.4 * 0.8 * 0.4 * 0.05].map((p) => Math.pow(p, 1 / 5));
    const total = g.reduce((x, y) => x + y, 0);
    expectWeights(
      weightsUnder("geometric", ballots),
      g.map((x) => x / total),
    );
  });

  it("geometric mean of the individual judgments (AIJ) when every ballot is pairwise", () => {
    const pairwise = (voter: string, ab: number, bc: number, ac: number): Ballot => ({
      voter,
      method: "pairwise",
      comparisons: [
        { a: "a", b: "b", value: ab },
        { a: "b", b: "c", value: bc },
        { a: "a", b: "c", value: ac },
      ],
    });
    // Group matrix entries are geometric means: ab = √(3·1/3) = 1, bc = √(5·5) = 5, ac = √(7·3) = √21.
    const weights = weightsUnder("geometric", [pairwise("u1", 3, 5, 7), pairwise("u2", 1 / 3, 5, 3)]);
    const rows = [Math.cbrt(1 * Math.sqrt(21)), Math.cbrt(1 * 5), Math.cbrt(1 / Math.sqrt(21) / 5)];
    const total = rows.reduce((x, y) => x + y, 0);
    expectWeights(
      weights,
      rows.map((x) => x / total),
    );
  });

  it("falls back to the mean when the geometric mean leaves no weight", () => {
    expectWeights(weightsUnder("geometric", [points("u1", 100, 0, 0), points("u2", 0, 100, 0)]), [0.5, 0.5, 0]);
  });

  it("gives equal weights when there are no ballots", () => {
    expectWeights(weightsUnder("mean", []), [1 / 3, 1 / 3, 1 / 3]);
  });
});

describe("compareAggregations", () => {
  it("reports the winner under every rule and whether the rule matters", () => {
    // One enthusiast for criterion a drags the mean towards x; the median ignores them.
    const ballots = [
      points("u1", 100, 0, 0),
      points("u2", 100, 0, 0),
      points("u3", 10, 60, 30),
      points("u4", 10, 60, 30),
      points("u5", 20, 50, 30),
    ];
    const comparison = compareAggregations(input(ballots));
    expect(comparison.rules.map((r) => r.rule)).toEqual(["mean", "median", "trimmed-mean", "geometric"]);
    expect(comparison.rules.find((r) => r.rule === "mean")!.winners).toEqual(["x"]);
    expect(comparison.rules.find((r) => r.rule === "median")!.winners).toEqual(["y"]);
    expect(comparison.winnerDependsOnRule).toBe(true);
  });

  it("says the rule does not matter when every rule picks the same winner", () => {
    const ballots = [points("u1", 80, 10, 10), points("u2", 70, 20, 10), points("u3", 90, 5, 5)];
    expect(compareAggregations(input(ballots)).winnerDependsOnRule).toBe(false);
  });
});
