// Issue 15: the report opens with plain sentences generated from the numbers.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { EngineReport } from "@/lib/engine/types";
import { summariseReport } from "@/lib/report/summary";
import { weightedDrivers } from "@/lib/report/drivers";
import { ratingVerdict } from "@/lib/report/rating-verdict";

const names = {
  options: { django: "Django", flask: "Flask" },
  criteria: { admin: "Admin interface", security: "Built-in security", features: "Built-in features", speed: "Raw performance" },
};

function report(overrides: Partial<EngineReport> = {}): EngineReport {
  return {
    weights: { admin: 0.05, security: 0.5, features: 0.3, speed: 0.15 },
    ranking: [
      { option: "django", score: 7.4, rank: 1, winProbability: 0.87 },
      { option: "flask", score: 6.1, rank: 2, winProbability: 0.13 },
    ],
    consensus: { overall: 0.7, byCriterion: { admin: 0.9, security: 0.95, features: 0.4, speed: 0.8 }, mostContested: ["features"] },
    sensitivity: [
      { criterion: "admin", weight: 0.05, flipAt: 0.22, newLeader: "flask" },
      { criterion: "security", weight: 0.5, flipAt: null, newLeader: null },
      { criterion: "features", weight: 0.3, flipAt: 0.02, newLeader: "flask" },
      { criterion: "speed", weight: 0.15, flipAt: null, newLeader: null },
    ],
    consistency: {},
    ...overrides,
  };
}

describe("summariseReport", () => {
  it("says who leads and by how much, how many voted, where the team agrees and disagrees, and how firm the lead is", () => {
    const summary = summariseReport({ report: report(), names, voted: 3, eligible: 4 });
    expect(summary.sentences).toEqual([
      "Django leads with 7.40 out of 10, 1.3 points ahead of Flask, and comes first in 87% of simulations that vary the weights.",
      "3 of 4 members who could vote have voted: they agree on Built-in security but disagree most on Built-in features.",
      "The lead is firm: it would take moving 17 points of weight to Admin interface (from 5% to 22%) to put Flask ahead. Discuss Built-in features next, where views differ most.",
    ]);
    expect(summary.firmness).toBe("firm");
    expect(summary.discuss).toBe("features");
  });

  it("calls a lead that a small shift of weight would overturn fragile, and names that criterion to discuss", () => {
    const summary = summariseReport({
      report: report({ sensitivity: [{ criterion: "speed", weight: 0.15, flipAt: 0.18, newLeader: "flask" }] }),
      names,
      voted: 3,
      eligible: 3,
    });
    expect(summary.firmness).toBe("fragile");
    expect(summary.discuss).toBe("speed");
    expect(summary.sentences[2]).toBe(
      "The lead is fragile: it would take moving 3 points of weight to Raw performance (from 15% to 18%) to put Flask ahead. Discuss Raw performance next: it is the weight that could change the outcome.",
    );
  });

  it("does not present one ballot as agreement", () => {
    const summary = summariseReport({
      report: report({ consensus: { overall: null, byCriterion: {}, mostContested: [] } }),
      names,
      voted: 1,
      eligible: 3,
    });
    expect(summary.sentences[1]).toBe(
      "Only 1 of 3 members who could vote has voted, so the ranking is one person's view; agreement shows once more members vote.",
    );
    expect(summary.sentences.join(" ")).not.toMatch(/agree on|strong agreement|100%/);
  });

  it("says a lead within the noise is too close to call, without a win probability", () => {
    const summary = summariseReport({
      report: report({ monteCarlo: { samples: 1000, seed: 42, concentration: 5, leadUncertain: true } }),
      names,
      voted: 3,
      eligible: 3,
    });
    expect(summary.sentences[0]).toContain("Django is narrowly ahead with 7.40 out of 10");
    expect(summary.sentences[0]).toContain("too close to call");
    expect(summary.sentences[0]).not.toContain("simulations");
  });

  it("says when no single weight would change the leader, and ties plainly", () => {
    const none = summariseReport({ report: report({ sensitivity: [] }), names, voted: 2, eligible: 2 });
    expect(none.firmness).toBe("unshakeable");
    expect(none.sentences[2]).toContain("No single criterion's weight, however far it moved, would put another option ahead");
    const tie = summariseReport({
      report: report({
        ranking: [
          { option: "django", score: 6, rank: 1, winProbability: 0.5 },
          { option: "flask", score: 6, rank: 1, winProbability: 0.5 },
        ],
      }),
      names,
      voted: 2,
      eligible: 2,
    });
    expect(tie.sentences[0]).toBe("Django and Flask are tied for first place with 6.00 out of 10.");
  });

  it("never writes a possessive of a name ending in s, nor a weight on a 0-1 scale", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (weight, flipAt) => {
        const text = summariseReport({
          report: report({ sensitivity: [{ criterion: "features", weight, flipAt, newLeader: "flask" }] }),
          names,
          voted: 3,
          eligible: 3,
        }).sentences.join(" ");
        expect(text).not.toContain("features's");
        expect(text).not.toMatch(/\b0\.\d+\b/);
      }),
    );
  });
});

describe("weightedDrivers", () => {
  it("takes the heaviest criteria until they carry 80% of the weight, never an unweighted one", () => {
    expect(weightedDrivers(["a", "b", "c", "d", "e"], { a: 0.1, b: 0.5, c: 0.3, d: 0.1, e: 0 })).toEqual(["b", "c"]);
    expect(weightedDrivers(["a", "b"], { a: 0, b: 0 })).toEqual([]);
  });

  it("never lists more than six and always lists the heaviest", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const keys = values.map((_, i) => `c${i}`);
        const weights = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
        const drivers = weightedDrivers(keys, weights);
        expect(drivers.length).toBeLessThanOrEqual(6);
        if (values.some((v) => v > 0)) expect(weights[drivers[0]]).toBe(Math.max(...values));
        for (const key of drivers) expect(weights[key]).toBeGreaterThan(0);
      }),
    );
  });
});

describe("ratingVerdict", () => {
  it("reads 4 as a weakness and 7 as a strength, as the option pages do", () => {
    expect([0, 4, 4.5, 5, 6, 6.9, 7, 10].map(ratingVerdict)).toEqual([
      "weakness",
      "weakness",
      "neutral",
      "neutral",
      "neutral",
      "neutral",
      "strength",
      "strength",
    ]);
  });
});
