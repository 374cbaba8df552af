import { describe, expect, it } from "vitest";
import { weightSpread } from "@/lib/engine/spread";
import { tornado } from "@/lib/engine/tornado";
import { rankWithWeights } from "@/lib/engine/whatif";
import { weightsToPoints } from "@/lib/ballots/points";
import type { EngineInput } from "@/lib/engine/types";

const table: Pick<EngineInput, "options" | "criteria" | "ratings"> = {
  options: [
    { id: "django", name: "Django" },
    { id: "flask", name: "Flask" },
  ],
  criteria: [
    { id: "security", name: "Built-in security" },
    { id: "flexibility", name: "Flexibility" },
  ],
  ratings: { django: { security: 9, flexibility: 4 }, flask: { security: 5, flexibility: 9 } },
};

describe("weight spread", () => {
  it("is zero for identical ballots and grows with disagreement", () => {
    const same = weightSpread({
      ...table,
      ballots: [1, 2].map((v) => ({ voter: `u${v}`, method: "points", weights: { security: 60, flexibility: 40 } })),
    });
    expect(same.security).toEqual({ sd: 0, iqr: 0 });
    const apart = weightSpread({
      ...table,
      ballots: [
        { voter: "u1", method: "points", weights: { security: 80, flexibility: 20 } },
        { voter: "u2", method: "likert", weights: { security: 1, flexibility: 4 } },
      ],
    });
    expect(apart.security.sd).toBeCloseTo(0.3, 10);
    expect(apart.security.iqr).toBeCloseTo(0.3, 10);
  });

  it("is zero with a single ballot", () => {
    expect(weightSpread({ ...table, ballots: [{ voter: "u1", method: "points", weights: { security: 100 } }] }).flexibility).toEqual({
      sd: 0,
      iqr: 0,
    });
  });
});

describe("tornado", () => {
  const weights = { security: 0.6, flexibility: 0.4 };
  const lead = (w: Record<string, number>) => {
    const [first, second] = rankWithWeights(table, w);
    return first.option === "django" ? first.score - second.score : -(first.score - second.score);
  };

  it("measures the leader's lead at the team's weights and with each weight halved or raised by half", () => {
    const { base, bars } = tornado(table, weights, "django");
    expect(base).toBeCloseTo(lead(weights), 10);
    const security = bars.find((b) => b.criterion === "security")!;
    expect(security.low).toBeCloseTo(lead({ security: 0.3, flexibility: 0.7 }), 10);
    expect(security.high).toBeCloseTo(lead({ security: 0.9, flexibility: 0.1 }), 10);
    expect(security.low).toBeLessThan(0); // halving security hands the lead to Flask
  });

  it("puts the widest swing first", () => {
    const { bars } = tornado(table, { security: 0.9, flexibility: 0.1 }, "django");
    const swing = bars.map((b) => Math.abs(b.high - b.low));
    expect(swing).toEqual([...swing].sort((a, b) => b - a));
  });
});

describe("weights to points", () => {
  it("rounds to whole points summing to 100 by largest remainders", () => {
    expect(weightsToPoints({ a: 1, b: 1, c: 1 }, ["a", "b", "c"])).toEqual({ a: 34, b: 33, c: 33 });
    expect(weightsToPoints({ a: 0.625, b: 0.375 }, ["a", "b"])).toEqual({ a: 63, b: 37 });
    expect(weightsToPoints({}, ["a", "b"])).toEqual({ a: 50, b: 50 });
  });
});
