import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { NEEDS, parseProfile, ProjectProfileSchema, suggestWeights } from "@/lib/catalog";

const valid = {
  projectSize: "medium",
  timeline: "normal",
  teamExperience: "intermediate",
  teamSize: 4,
  needs: ["admin-panel", "user-accounts"],
};

function fieldsOf(input: unknown): Record<string, string> {
  try {
    parseProfile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    return (error as AppError).fields ?? {};
  }
  return expect.fail("expected the profile to be rejected");
}

describe("project profile", () => {
  it("accepts the contract's example and every need at once, and no needs", () => {
    expect(parseProfile(valid)).toEqual(valid);
    expect(ProjectProfileSchema.safeParse({ ...valid, needs: [...NEEDS] }).success).toBe(true);
    expect(ProjectProfileSchema.safeParse({ ...valid, needs: [] }).success).toBe(true);
  });

  it("keeps the 14 needs of the contract and adds the ones the audit found missing", () => {
    const contract = [
      "admin-panel",
      "user-accounts",
      "orm",
      "rest-api",
      "microservices",
      "ml-serving",
      "content-management",
      "ecommerce",
      "security-compliance",
      "custom-architecture",
      "rapid-prototype",
      "long-term-maintenance",
      "data-dashboard",
      "async-realtime",
    ];
    expect(NEEDS.slice(0, 14)).toEqual(contract);
    for (const added of ["spa-mobile-backend", "blog-forum", "internal-tool", "internationalisation", "testing-ci"])
      expect(NEEDS).toContain(added);
  });

  // issue 14, finding 5: budget and team preference are answers of their own, optional so that
  // profiles written against the original contract stay valid.
  it("accepts an optional budget and team preference and rejects unknown values, naming the field", () => {
    expect(parseProfile({ ...valid, budget: "tight", teamPreference: "conventions" })).toMatchObject({
      budget: "tight",
      teamPreference: "conventions",
    });
    expect(Object.keys(fieldsOf({ ...valid, budget: "huge" }))).toContain("budget");
    expect(Object.keys(fieldsOf({ ...valid, teamPreference: "chaos" }))).toContain("teamPreference");
  });

  it.each([
    ["projectSize", { ...valid, projectSize: "huge" }, "projectSize"],
    ["timeline", { ...valid, timeline: undefined }, "timeline"],
    ["teamExperience", { ...valid, teamExperience: "senior" }, "teamExperience"],
    ["teamSize as a string", { ...valid, teamSize: "4" }, "teamSize"],
    ["teamSize 0", { ...valid, teamSize: 0 }, "teamSize"],
    ["fractional teamSize", { ...valid, teamSize: 2.5 }, "teamSize"],
    ["an unknown need", { ...valid, needs: ["orm", "blockchain"] }, "needs.1"],
    ["a repeated need", { ...valid, needs: ["orm", "orm"] }, "needs"],
    ["needs not a list", { ...valid, needs: "orm" }, "needs"],
  ])("rejects %s, naming the field", (_what, input, field) => {
    const fields = fieldsOf(input);
    expect(Object.keys(fields)).toContain(field);
  });

  it("puts the field name in the message the CLI prints", () => {
    expect(() => suggestWeights({ ...valid, teamSize: -1 })).toThrow(/teamSize/);
    expect(() => suggestWeights(null)).toThrow(AppError);
  });
});
