import { describe, expect, it } from "vitest";
import { weightsToPoints } from "@/lib/ballots/points";

describe("weightsToPoints", () => {
  it("gives whole points summing to 100 by largest remainders", () => {
    expect(weightsToPoints({ a: 1, b: 1, c: 1 }, ["a", "b", "c"])).toEqual({ a: 34, b: 33, c: 33 });
    expect(weightsToPoints({}, ["a", "b"])).toEqual({ a: 50, b: 50 });
  });

  it('treats a missing "constructor" or "valueOf" weight as 0, not as Object.prototype\'s method', () => {
    expect(weightsToPoints({ speed: 1 }, ["speed", "constructor", "valueOf"])).toEqual({ speed: 100, constructor: 0, valueOf: 0 });
  });

  it('keeps a "__proto__" key as an own key', () => {
    const points = weightsToPoints(
      Object.fromEntries([
        ["__proto__", 1],
        ["speed", 3],
      ]),
      ["__proto__", "speed"],
    );
    expect(Object.hasOwn(points, "__proto__")).toBe(true);
    expect(points["__proto__"]).toBe(25);
  });
});
