// Issue 14: the advice is even-handed and every rule does what its citation says.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUDGETS,
  getCatalog,
  getRuleBook,
  NEEDS,
  PROJECT_SIZES,
  recommend,
  scoreTable,
  suggestWeights,
  TEAM_EXPERIENCE_LEVELS,
  TEAM_PREFERENCES,
  TIMELINES,
  WEIGHT_RULES,
  weightsFor,
  type ProjectProfile,
} from "@/lib/catalog";
import { ruleApplies } from "@/lib/catalog/weights";

const profileArb: fc.Arbitrary<ProjectProfile> = fc.record({
  projectSize: fc.constantFrom(...PROJECT_SIZES),
  timeline: fc.constantFrom(...TIMELINES),
  teamExperience: fc.constantFrom(...TEAM_EXPERIENCE_LEVELS),
  teamSize: fc.integer({ min: 1, max: 40 }),
  needs: fc.shuffledSubarray([...NEEDS]),
  budget: fc.constantFrom(...BUDGETS),
  teamPreference: fc.constantFrom(...TEAM_PREFERENCES),
});

const NEUTRAL: ProjectProfile = { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 4, needs: [] };
const catalog = getCatalog();
const criterionIds = catalog.criteria.map((c) => c.id);
const scores = scoreTable(catalog);

/** Django's score minus Flask's under the weights `rules` give for `profile`. */
function djangoLead(profile: ProjectProfile, rules = getRuleBook().rules): number {
  const { weights } = weightsFor(profile, criterionIds, { ...getRuleBook(), rules });
  const score = (option: string) => criterionIds.reduce((sum, c) => sum + weights[c] * scores[option][c], 0);
  return score("django") - score("flask");
}

describe("a rule moves the ranking the way its citation says (property)", () => {
  it.each(WEIGHT_RULES.map((r) => [r.id, r.favours, r] as const))("%s → towards %s", (_id, favours, rule) => {
    const applies = profileArb.filter((p) => ruleApplies(rule.when, p));
    fc.assert(
      fc.property(applies, (profile) => {
        const all = getRuleBook().rules;
        const moved =
          djangoLead(profile, all) -
          djangoLead(
            profile,
            all.filter((r) => r.id !== rule.id),
          );
        if (favours === "django") expect(moved).toBeGreaterThan(0);
        else expect(moved).toBeLessThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("even-handed starting point", () => {
  it("a neutral profile is close to a tie, and the advice says so and explains the starting point", () => {
    const r = recommend(NEUTRAL);
    expect(Math.abs(r.ranking[0].score - r.ranking[1].score)).toBeLessThan(0.25);
    expect(r.summary).toMatch(/tie/);
    expect(r.startingPoint).toMatch(/^Starting point:/);
    expect(r.startingPoint).toMatch(/Django/);
    expect(r.startingPoint).toMatch(/Flask/);
    expect(Math.abs(r.baseline[0].score - r.baseline[1].score)).toBeLessThan(0.25);
  });

  it("counts the batteries once: single built-in features weigh nothing until a need selects them", () => {
    const { weights } = suggestWeights(NEUTRAL);
    for (const part of ["orm-database", "migrations", "admin-interface", "auth-permissions", "internationalisation", "testing"]) {
      expect(weights[part], part).toBe(0);
    }
    expect(weights["built-in-features"]).toBeGreaterThan(0);
    expect(suggestWeights({ ...NEUTRAL, needs: ["admin-panel"] }).weights["admin-interface"]).toBeGreaterThan(0);
  });
});

describe("the audit's cases at medium size (issue 14, finding 1)", () => {
  const winner = (p: Partial<ProjectProfile>) => recommend({ ...NEUTRAL, ...p }).ranking[0].option;
  it.each([
    ["a beginner team", { teamExperience: "beginner" as const }],
    ["a REST API", { needs: ["rest-api" as const] }],
    ["a backend for a mobile app or SPA", { needs: ["spa-mobile-backend" as const] }],
  ])("%s → Flask", (_what, p) => {
    expect(winner(p)).toBe("flask");
  });

  it("a tight timeline moves the suggestion towards Django, and its explanation says so (finding 2)", () => {
    expect(djangoLead({ ...NEUTRAL, timeline: "tight" })).toBeGreaterThan(djangoLead(NEUTRAL));
    expect(winner({ timeline: "tight" })).toBe("django");
    const why = recommend({ ...NEUTRAL, timeline: "tight" }).explanations.find((e) => e.rule === "tight-timeline");
    expect(why?.favours).toBe("django");
    expect(why?.shift).toBeGreaterThan(0);
  });

  it("the async/real-time answer moves towards Flask, as its citation says (finding 2)", () => {
    const why = recommend({ ...NEUTRAL, needs: ["async-realtime"] }).explanations.find((e) => e.rule === "need-async-realtime");
    expect(why?.favours).toBe("flask");
    expect(why?.citations[0].quote).toMatch(/Flask/);
    expect(getCatalog().ratings.django["async-support"].score).toBe(getCatalog().ratings.flask["async-support"].score);
  });

  it.each([
    ["a tight budget", "django", { budget: "tight" as const }],
    ["a preference for conventions", "django", { teamPreference: "conventions" as const }],
    ["a preference for flexibility", "flask", { teamPreference: "flexibility" as const }],
    ["internationalisation", "django", { needs: ["internationalisation" as const] }],
    ["testing and CI", "django", { needs: ["testing-ci" as const] }],
    ["a forum or personal blog", "flask", { needs: ["blog-forum" as const] }],
    ["an internal tool", "flask", { needs: ["internal-tool" as const] }],
  ])("%s (a new answer, finding 5) moves the suggestion towards %s", (_what, towards, p) => {
    const lead = djangoLead({ ...NEUTRAL, ...p }) - djangoLead(NEUTRAL);
    if (towards === "django") expect(lead).toBeGreaterThan(0);
    else expect(lead).toBeLessThan(0);
  });
});

describe("explanations people read (finding 6)", () => {
  it("give one entry per reason, each saying which framework it favours and by how much (property)", () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        const { explanations } = suggestWeights(profile);
        expect(new Set(explanations.map((e) => e.rule)).size).toBe(explanations.length);
        expect(new Set(explanations.map((e) => e.reason)).size).toBe(explanations.length);
        for (const e of explanations) {
          const rule = WEIGHT_RULES.find((r) => r.id === e.rule)!;
          expect(e.favours, e.rule).toBe(rule.favours);
          expect(e.shift, e.rule).toBeGreaterThan(0);
          expect(e.changes.length).toBe(Object.keys(rule.adjust).length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("at most one entry per rule: a beginner team with many needs gets a short list", () => {
    const { explanations } = suggestWeights({
      ...NEUTRAL,
      teamExperience: "beginner",
      needs: ["ecommerce", "user-accounts", "admin-panel", "orm"],
    });
    expect(explanations.length).toBeLessThanOrEqual(7);
  });

  it("show both sides, with citations, where the articles disagree (finding 4)", () => {
    const blog = suggestWeights({ ...NEUTRAL, needs: ["blog-forum", "internal-tool"] }).explanations;
    for (const id of ["need-blog-forum-light", "need-internal-tool-light"]) {
      const e = blog.find((x) => x.rule === id)!;
      expect(e.otherSide?.favours).not.toBe(e.favours);
      expect(e.otherSide?.citations.length).toBeGreaterThan(0);
    }
    const medium = suggestWeights(NEUTRAL).explanations.find((e) => e.rule === "medium-project")!;
    expect(medium.otherSide?.favours).toBe("django");
  });
});
