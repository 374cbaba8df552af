import { describe, expect, it } from "vitest";
import { computeReport, type EngineInput } from "@/lib/engine";

const evaluation = (ratings: EngineInput["ratings"], weights: Record<string, number>): EngineInput => ({
  options: Object.keys(ratings).map((id) => ({ id, name: id })),
  criteria: Object.keys(weights).map((id) => ({ id, name: id })),
  ratings,
  ballots: [{ voter: "u1", method: "points", weights }],
  samples: 100,
});

describe("sensitivity", () => {
  it("gives the closed-form flip weight and the new leader", () => {
    // With security at w: x = 9w + 2(1 − w), y = 4w + 6(1 − w); equal at w = 4/9. Security is at 0.7.
    const report = computeReport(evaluation({ x: { security: 9, speed: 2 }, y: { security: 4, speed: 6 } }, { security: 70, speed: 30 }));
    expect(report.ranking[0].option).toBe("x");
    const [security, speed] = report.sensitivity;
    expect(security).toMatchObject({ criterion: "security", weight: 0.7, newLeader: "y" });
    expect(security.flipAt).toBeCloseTo(4 / 9, 12);
    // With speed at s: x − y = 5 − 9s, zero at 5/9.
    expect(speed).toMatchObject({ criterion: "speed", newLeader: "y" });
    expect(speed.flipAt).toBeCloseTo(5 / 9, 12);
  });

  it("picks the nearest crossing, whichever the direction", () => {
    // a at 0.5. x = 6 − 2t leads with 5. y = 1.5 + 5.5t overtakes at t = 0.6 (raising a);
    // z = r·(1 − t) overtakes on the way down at 0.2 (r = 7) or at 0.45 (r = 5.1/0.55).
    const withZ = (zb: number) =>
      computeReport(evaluation({ x: { a: 4, b: 6 }, y: { a: 7, b: 1.5 }, z: { a: 0, b: zb } }, { a: 50, b: 50 }));
    const up = withZ(7).sensitivity[0];
    expect(up.flipAt).toBeCloseTo(0.6, 12);
    expect(up.newLeader).toBe("y");
    const down = withZ(5.1 / 0.55).sensitivity[0];
    expect(down.flipAt).toBeCloseTo(0.45, 12);
    expect(down.newLeader).toBe("z");
  });

  it("is null when one option leads at every weight", () => {
    const report = computeReport(evaluation({ x: { a: 9, b: 9 }, y: { a: 1, b: 8 } }, { a: 50, b: 50 }));
    expect(report.sensitivity.map((s) => s.flipAt)).toEqual([null, null]);
    expect(report.sensitivity.map((s) => s.newLeader)).toEqual([null, null]);
  });

  it("is null for a criterion holding all the weight: the others have no proportions to keep", () => {
    const report = computeReport(evaluation({ x: { a: 9, b: 0 }, y: { a: 1, b: 10 } }, { a: 100, b: 0 }));
    expect(report.sensitivity[0]).toMatchObject({ criterion: "a", weight: 1, flipAt: null });
  });
});
