// Stored ballots are not re-validated before scoring (they may predate a rule, or have been
// edited in the database). The engine must leave out what it cannot use, say so, and score the
// rest: one bad ballot must not take the report down for everyone.
import { describe, expect, it } from "vitest";
import { compareAggregations, computeReport, type Ballot, type EngineInput } from "@/lib/engine";
import { ballotWeights } from "@/lib/engine/ballot-weights";
import { weightSpread } from "@/lib/engine/spread";

const CRITERIA = ["a", "b", "c", "d"];
const input = (ballots: unknown[]): EngineInput => ({
  options: [
    { id: "x", name: "X" },
    { id: "y", name: "Y" },
  ],
  criteria: CRITERIA.map((id) => ({ id, name: id.toUpperCase() })),
  ratings: { x: { a: 9, b: 2, c: 5, d: 5 }, y: { a: 3, b: 8, c: 5, d: 6 } },
  ballots: ballots as Ballot[],
  samples: 200,
});
const good: Ballot = { voter: "good", method: "points", weights: { a: 70, b: 30 } };
const disconnected: Ballot = {
  voter: "split",
  method: "pairwise",
  comparisons: [
    { a: "a", b: "b", value: 3 },
    { a: "c", b: "d", value: 2 },
  ],
};

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || value === null) return true;
  return Object.values(value).every(allNumbersFinite);
}

describe("computeReport with a stored ballot it cannot use", () => {
  it("lists a disconnected pairwise ballot in excludedBallots instead of throwing", () => {
    const report = computeReport(input([good, disconnected]));
    expect(report.excludedBallots).toEqual([{ voter: "split", reason: expect.stringMatching(/2 separate groups/) }]);
    // The rest is the report of the good ballot alone.
    const alone = computeReport(input([good]));
    expect(report.weights).toEqual(alone.weights);
    expect(report.ranking).toEqual(alone.ranking);
    expect(report.consistency).toEqual({});
    expect(alone.excludedBallots).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      "an unknown criterion in a comparison",
      { voter: "v", method: "pairwise", comparisons: [{ a: "a", b: "zzz", value: 3 }] },
      /unknown criterion "zzz"/,
    ],
    ["a self-comparison", { voter: "v", method: "pairwise", comparisons: [{ a: "a", b: "a", value: 3 }] }, /itself/],
    ["no comparisons", { voter: "v", method: "pairwise", comparisons: [] }, /at least one comparison/],
    ["comparisons that are not a list", { voter: "v", method: "pairwise", comparisons: "a>b" }, /comparisons/],
    ["a judgment of zero", { voter: "v", method: "pairwise", comparisons: [{ a: "a", b: "b", value: 0 }] }, /Saaty/],
    ["a judgment that is not a number", { voter: "v", method: "pairwise", comparisons: [{ a: "a", b: "b", value: "3" }] }, /number/],
    [
      "a contradictory pair",
      {
        voter: "v",
        method: "pairwise",
        comparisons: [
          { a: "a", b: "b", value: 3 },
          { a: "b", b: "a", value: 3 },
        ],
      },
      /contradict/,
    ],
    ["a NaN weight", { voter: "v", method: "points", weights: { a: NaN, b: 100 } }, /number/],
    ["a string weight", { voter: "v", method: "likert", weights: { a: "5" } }, /number/],
    ["negative points", { voter: "v", method: "points", weights: { a: 150, b: -50 } }, /negative/],
    ["all-zero points", { voter: "v", method: "points", weights: { a: 0 } }, /sum to 100/],
    ["a weight for an unknown criterion", { voter: "v", method: "points", weights: { a: 50, zzz: 50 } }, /unknown criterion "zzz"/],
    ["missing weights", { voter: "v", method: "likert" }, /weights/],
    ["an unknown method", { voter: "v", method: "vibes", weights: { a: 1 } }, /method/],
    ["a second ballot by the same voter", { voter: "good", method: "points", weights: { b: 100 } }, /more than one ballot/],
  ])("leaves out %s, naming the ballot and the reason", (_, bad, reason) => {
    const report = computeReport(input([good, bad]));
    expect(report.excludedBallots).toHaveLength(1);
    expect(report.excludedBallots![0].voter).toBe((bad as { voter: string }).voter);
    expect(report.excludedBallots![0].reason).toMatch(reason);
    expect(allNumbersFinite(report)).toBe(true);
    expect(report.weights).toEqual(computeReport(input([good])).weights);
  });

  it("names a ballot without a usable voter by its position", () => {
    const report = computeReport(input([good, null, { method: "points", weights: { a: 100 } }]));
    expect(report.excludedBallots!.map((e) => e.voter)).toEqual(["ballot #2", "ballot #3"]);
  });

  it("with every ballot left out, falls back to equal weights rather than NaN", () => {
    const report = computeReport(input([disconnected]));
    expect(Object.values(report.weights)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(allNumbersFinite(report)).toBe(true);
  });

  it("the other engine entry points skip it too", () => {
    expect(() => compareAggregations(input([good, disconnected]))).not.toThrow();
    expect(allNumbersFinite(weightSpread(input([good, disconnected, { ...good, voter: "g2" }])))).toBe(true);
    // One ballot's weights, as the revealed-ballots table shows them: none, rather than a crash.
    expect(ballotWeights(disconnected, CRITERIA)).toEqual({ a: 0, b: 0, c: 0, d: 0 });
  });
});
