import { describe, expect, it } from "vitest";
import { parseEngineInput } from "@/lib/engine";
import { AppError } from "@/lib/errors";

const valid = () => ({
  options: [
    { id: "django", name: "Django" },
    { id: "flask", name: "Flask" },
  ],
  criteria: [
    { id: "security", name: "Security" },
    { id: "performance", name: "Performance" },
  ],
  ratings: { django: { security: 9, performance: 6 }, flask: { security: 5, performance: 8 } },
  ballots: [
    { voter: "u1", method: "points", weights: { security: 60, performance: 40 } },
    { voter: "u2", method: "likert", weights: { security: 5 } },
    { voter: "u3", method: "pairwise", comparisons: [{ a: "security", b: "performance", value: 3 }] },
  ],
});

/** The AppError fields of a rejected input. */
function fieldsOf(data: unknown): Record<string, string> {
  try {
    parseEngineInput(data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    return (error as AppError).fields ?? {};
  }
  throw new Error("input was accepted");
}

describe("engine input schema", () => {
  it("accepts the contract's example and fills defaults", () => {
    const input = parseEngineInput(valid());
    expect(input).toMatchObject({ aggregation: "mean", samples: 10_000, seed: 42 });
  });

  it.each([
    ["points not summing to 100", (d: any) => (d.ballots[0].weights.security = 50), "ballots.0.weights", /sum to 100/],
    ["a non-number weight", (d: any) => (d.ballots[0].weights.security = "lots"), "ballots.0.weights.security", /number/],
    [
      "negative points",
      (d: any) => (d.ballots[0].weights = { security: 110, performance: -10 }),
      "ballots.0.weights.performance",
      /negative/,
    ],
    [
      "a weight for an unknown criterion",
      (d: any) => (d.ballots[0].weights = { security: 60, speed: 40 }),
      "ballots.0.weights.speed",
      /unknown criterion/,
    ],
    ["likert out of 1-5", (d: any) => (d.ballots[1].weights.security = 7), "ballots.1.weights.security", /1-5/],
    ["a rating for an unknown option", (d: any) => (d.ratings.rails = { security: 5 }), "ratings.rails", /unknown option/],
    ["a rating for an unknown criterion", (d: any) => (d.ratings.django.speed = 5), "ratings.django.speed", /unknown criterion/],
    ["a rating above 10", (d: any) => (d.ratings.django.security = 11), "ratings.django.security", /10/],
    ["a comparison off Saaty's scale", (d: any) => (d.ballots[2].comparisons[0].value = 12), "ballots.2.comparisons.0.value", /Saaty/],
    [
      "a comparison with an unknown criterion",
      (d: any) => (d.ballots[2].comparisons[0].b = "speed"),
      "ballots.2.comparisons.0.b",
      /unknown criterion/,
    ],
    ["a criterion compared with itself", (d: any) => (d.ballots[2].comparisons[0].b = "security"), "ballots.2.comparisons.0.b", /itself/],
    ["a duplicate voter", (d: any) => (d.ballots[1].voter = "u1"), "ballots.1.voter", /more than one ballot/],
    ["a duplicate option id", (d: any) => d.options.push({ id: "flask", name: "Again" }), "options.2.id", /duplicate/],
    ["an unknown method", (d: any) => (d.ballots[0].method = "vibes"), "ballots.0.method", /./],
    ["an unknown aggregation", (d: any) => (d.aggregation = "mode"), "aggregation", /./],
  ])("rejects %s, naming the field", (_, spoil, field, message) => {
    const data = valid();
    spoil(data);
    const fields = fieldsOf(data);
    expect(Object.keys(fields)).toContain(field);
    expect(fields[field]).toMatch(message);
  });

  it.each([
    ["ratings that are not an object", (d: any) => (d.ratings = null), "ratings", /object/],
    ["a ratings row that is not an object", (d: any) => (d.ratings.django = 7), "ratings.django", /object/],
    ["weights that are not an object", (d: any) => (d.ballots[0].weights = null), "ballots.0.weights", /object/],
    ["a NaN rating", (d: any) => (d.ratings.django.security = NaN), "ratings.django.security", /0 to 10/],
  ])("rejects %s with a message, not a crash", (_, spoil, field, message) => {
    const data = valid();
    spoil(data);
    expect(fieldsOf(data)[field]).toMatch(message);
  });

  it('keeps ids named like Object.prototype properties, "__proto__" included', () => {
    const input = parseEngineInput(
      JSON.parse(`{
        "options": [{ "id": "__proto__", "name": "P" }, { "id": "constructor", "name": "C" }],
        "criteria": [{ "id": "__proto__", "name": "P" }, { "id": "toString", "name": "T" }],
        "ratings": { "__proto__": { "__proto__": 9, "toString": 1 }, "constructor": { "__proto__": 2, "toString": 4 } },
        "ballots": [{ "voter": "__proto__", "method": "points", "weights": { "__proto__": 70, "toString": 30 } }]
      }`),
    );
    expect(Object.hasOwn(input.ratings, "__proto__")).toBe(true);
    expect(input.ratings["__proto__"]).toEqual(
      Object.fromEntries([
        ["__proto__", 9],
        ["toString", 1],
      ]),
    );
    expect(Object.keys((input.ballots[0] as { weights: object }).weights)).toEqual(["__proto__", "toString"]);
  });

  it('rejects a ballot that leaves out "constructor" only where every criterion must be weighed', () => {
    const data = valid() as any;
    data.criteria.push({ id: "constructor", name: "Constructor" });
    for (const row of Object.values(data.ratings)) Object.assign(row as object, { constructor: 5 });
    // Likert ballots may leave criteria out (they count 0): a missing "constructor" is fine.
    expect(() => parseEngineInput(data)).not.toThrow();
    data.ballots[0].weights = { security: 60, performance: 40, toString: 0 };
    expect(fieldsOf(data)["ballots.0.weights.toString"]).toMatch(/unknown criterion/);
  });

  it("rejects comparisons that form separate groups", () => {
    const data = valid() as any;
    data.criteria.push({ id: "docs", name: "Docs" }, { id: "community", name: "Community" });
    data.ballots[2].comparisons.push({ a: "docs", b: "community", value: 2 });
    expect(fieldsOf(data)["ballots.2.comparisons"]).toMatch(/2 separate groups/);
  });

  it("says which field is wrong in the error message itself", () => {
    const data = valid() as any;
    data.ballots[0].weights.security = 50;
    expect(() => parseEngineInput(data)).toThrow(/ballots\.0\.weights: points must sum to 100, these sum to 90/);
  });
});
