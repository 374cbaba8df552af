import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  getCatalog,
  getRuleBook,
  NEEDS,
  PROJECT_SIZES,
  recommend,
  suggestWeights,
  TEAM_EXPERIENCE_LEVELS,
  TIMELINES,
  WEIGHT_RULES,
  WeightRuleSchema,
  weightsFor,
  type Need,
  type ProjectProfile,
} from "@/lib/catalog";

const profileArb: fc.Arbitrary<ProjectProfile> = fc.record({
  projectSize: fc.constantFrom(...PROJECT_SIZES),
  timeline: fc.constantFrom(...TIMELINES),
  teamExperience: fc.constantFrom(...TEAM_EXPERIENCE_LEVELS),
  teamSize: fc.integer({ min: 1, max: 10_000 }),
  needs: fc.shuffledSubarray([...NEEDS]),
});

const criterionIds = getCatalog().criteria.map((c) => c.id);

describe("suggested weights (property tests)", () => {
  it("are non-negative, finite, cover every criterion and sum to 1 for any valid profile", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const { weights } = suggestWeights(profile);
        expect(Object.keys(weights).sort()).toEqual([...criterionIds].sort());
        for (const w of Object.values(weights)) expect(Number.isFinite(w) && w >= 0).toBe(true);
        expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      }),
      { numRuns: 300 },
    );
  });

  it("explain every change with a known criterion, a reason and at least one citation", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        for (const e of suggestWeights(profile).explanations) {
          expect(criterionIds).toContain(e.criterion);
          expect(e.reason.length).toBeGreaterThan(0);
          expect(e.citations.length).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  // Together, not one by one: a need that adds to several criteria at once can dilute the one
  // among them that another rule had already raised (fast-check found such a profile).
  it("raise the combined share of the criteria a need adds to, whatever else the profile says", () => {
    const additions = (need: Need) =>
      WEIGHT_RULES.filter((r) => r.when.need === need).flatMap((r) =>
        Object.entries(r.adjust)
          .filter(([, a]) => a && "plus" in a)
          .map(([criterion]) => criterion),
      );
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...NEEDS), (profile, need) => {
        const without = { ...profile, needs: profile.needs.filter((n) => n !== need) };
        const withNeed = { ...without, needs: [...without.needs, need] };
        const before = suggestWeights(without).weights;
        const after = suggestWeights(withNeed).weights;
        const share = (weights: Record<string, number>) => additions(need).reduce((sum, c) => sum + weights[c], 0);
        expect(share(after)).toBeGreaterThan(share(before));
      }),
      { numRuns: 2000 },
    );
  });

  it("are deterministic and give a ranking of both options on the 0-10 scale", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const first = recommend(profile);
        expect(recommend(profile)).toEqual(first);
        expect(first.ranking.map((r) => r.option).sort()).toEqual(["django", "flask"]);
        for (const r of first.ranking) expect(r.score >= 0 && r.score <= 10).toBe(true);
        expect(first.ranking[0].rank).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});

describe("weighting rules", () => {
  it("are valid data that reference real criteria", () => {
    expect(() => getRuleBook()).not.toThrow();
    for (const rule of WEIGHT_RULES) {
      expect(WeightRuleSchema.safeParse(rule).success, rule.id).toBe(true);
      for (const criterion of Object.keys(rule.adjust)) expect(criterionIds, rule.id).toContain(criterion);
    }
    expect(new Set(WEIGHT_RULES.map((r) => r.id)).size).toBe(WEIGHT_RULES.length);
  });

  it("cover every need in the profile", () => {
    for (const need of NEEDS)
      expect(
        WEIGHT_RULES.some((r) => r.when.need === need),
        need,
      ).toBe(true);
  });

  it("reject negative multipliers, empty conditions and uncited rules", () => {
    const rule = {
      id: "x",
      when: { need: "orm" },
      adjust: { migrations: { times: 2 } },
      reason: "r",
      citations: [{ source: "s", quote: "q" }],
    };
    expect(WeightRuleSchema.safeParse(rule).success).toBe(true);
    expect(WeightRuleSchema.safeParse({ ...rule, adjust: { migrations: { times: -1 } } }).success).toBe(false);
    expect(WeightRuleSchema.safeParse({ ...rule, when: {} }).success).toBe(false);
    expect(WeightRuleSchema.safeParse({ ...rule, citations: [] }).success).toBe(false);
  });

  it("apply multipliers and addends in order and explain each one", () => {
    const profile: ProjectProfile = {
      projectSize: "small",
      timeline: "normal",
      teamExperience: "intermediate",
      teamSize: 5,
      needs: ["orm"],
    };
    const { weights, explanations } = weightsFor(profile, ["a", "b", "c"], {
      baseWeights: { a: 1, b: 1, c: 2 },
      rules: [
        {
          id: "small",
          when: { projectSize: ["small"] },
          adjust: { a: { times: 3 } },
          reason: "small",
          citations: [{ source: "s", quote: "q" }],
        },
        {
          id: "orm",
          when: { need: "orm" },
          adjust: { b: { plus: 2 }, zzz: { plus: 9 } },
          reason: "orm",
          citations: [{ source: "s", quote: "q" }],
        },
        {
          id: "large",
          when: { projectSize: ["large"] },
          adjust: { c: { times: 10 } },
          reason: "large",
          citations: [{ source: "s", quote: "q" }],
        },
      ],
    });
    expect(weights).toEqual({ a: 3 / 8, b: 3 / 8, c: 2 / 8 });
    expect(explanations.map((e) => [e.criterion, e.change])).toEqual([
      ["a", "×3"],
      ["b", "+2"],
    ]);
  });

  it("explain an ML-serving profile with the guidance it comes from", () => {
    const { explanations } = suggestWeights({
      projectSize: "small",
      timeline: "normal",
      teamExperience: "intermediate",
      teamSize: 2,
      needs: ["ml-serving"],
    });
    const ml = explanations.find((e) => e.criterion === "ml-data-tools");
    expect(ml?.citations.map((c) => c.source)).toContain("002_338165f8a9af4819.txt");
  });
});
