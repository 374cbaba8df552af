import { describe, expect, it } from "vitest";
import { rankScores, weightedScores } from "@/lib/engine/scores";

describe("scores and ranks", () => {
  it("are weighted sums of the ratings", () => {
    const ratings = Float64Array.from([10, 0, 4, 6]); // two options × two criteria
    expect(Array.from(weightedScores(ratings, Float64Array.from([0.25, 0.75]), 2))).toEqual([2.5, 5.5]);
  });

  it("share a rank when tied, and the next rank skips the tied places (1224 ranking)", () => {
    const { order, ranks } = rankScores(Float64Array.from([5, 7, 7, 7, 3]));
    expect(order).toEqual([1, 2, 3, 0, 4]);
    expect(ranks).toEqual([1, 1, 1, 4, 5]);
  });

  it("treat differences of floating-point noise as ties", () => {
    expect(rankScores(Float64Array.from([0.1 + 0.2, 0.3])).ranks).toEqual([1, 1]);
  });
});
