// checkBallotFits and BallotInputSchema: the one gate every ballot passes, on the server
// (castBallot) and in the form. What they accept, the engine must be able to score.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeReport, type Ballot, type EngineInput } from "@/lib/engine";
import { LIMITS, maxComparisons } from "@/lib/limits";
import { BallotInputSchema, checkBallotFits, type BallotInput } from "@/lib/validation/ballot";

const KEYS = ["security", "speed", "docs", "community"];
const pairwise = (...pairs: [string, string, number][]): BallotInput => ({
  method: "pairwise",
  comparisons: pairs.map(([a, b, value]) => ({ a, b, value })),
});
/** Parses like the API does (JSON text, so "__proto__" is an ordinary own key), then checks fit. */
const accept = (json: string, keys: readonly string[] = KEYS): { ballot: BallotInput | null; errors: Record<string, string> } => {
  const parsed = BallotInputSchema.safeParse(JSON.parse(json));
  return parsed.success
    ? { ballot: parsed.data, errors: checkBallotFits(parsed.data, keys) }
    : { ballot: null, errors: { schema: parsed.error.message } };
};

describe("checkBallotFits: pairwise ballots", () => {
  it("accepts a chain that links every criterion it names", () => {
    expect(checkBallotFits(pairwise(["security", "speed", 3], ["speed", "docs", 1 / 2]), KEYS)).toEqual({});
  });

  it("refuses comparisons that form separate groups, naming the groups", () => {
    const errors = checkBallotFits(pairwise(["security", "speed", 3], ["docs", "community", 2]), KEYS);
    expect(errors.comparisons).toMatch(/2 separate groups/);
    expect(errors.comparisons).toMatch(/"security", "speed"/);
    expect(errors.comparisons).toMatch(/"docs", "community"/);
  });

  it("refuses a pair judged twice, either way round", () => {
    const twice = checkBallotFits(pairwise(["security", "speed", 3], ["security", "speed", 3]), KEYS);
    expect(twice["comparisons.1"]).toMatch(/"security" and "speed" are compared more than once/);
    const reversed = checkBallotFits(pairwise(["security", "speed", 3], ["speed", "security", 1 / 3]), KEYS);
    expect(reversed["comparisons.1"]).toMatch(/compared more than once/);
  });

  it("refuses contradictory judgments of the same pair", () => {
    const errors = checkBallotFits(pairwise(["security", "speed", 3], ["speed", "security", 3]), KEYS);
    expect(errors["comparisons.1"]).toMatch(/contradicts comparison 0/i);
    expect(errors["comparisons.1"]).toMatch(/"security"/);
  });

  it("refuses self-comparisons and unknown criteria, naming them", () => {
    expect(checkBallotFits(pairwise(["security", "security", 1]), KEYS)["comparisons.0.b"]).toMatch(/"security" with itself/);
    const unknown = checkBallotFits(pairwise(["security", "vibes", 3]), KEYS);
    expect(unknown["comparisons.0.b"]).toMatch(/Unknown criterion "vibes"/);
  });

  it("refuses more comparisons than there are pairs of criteria", () => {
    const keys = ["a", "b", "c"];
    const comparisons: [string, string, number][] = [
      ["a", "b", 2],
      ["b", "c", 2],
      ["a", "c", 4],
      ["a", "b", 2],
    ];
    expect(maxComparisons(keys.length)).toBe(3);
    expect(checkBallotFits(pairwise(...comparisons), keys).comparisons).toMatch(/at most 3 comparisons/i);
  });

  it("bounds the size of any ballot the schema accepts by the largest evaluation", () => {
    const tooMany = Array.from({ length: maxComparisons(LIMITS.criteriaPerEvaluation) + 1 }, () => ({ a: "a", b: "b", value: 1 }));
    expect(BallotInputSchema.safeParse({ method: "pairwise", comparisons: tooMany }).success).toBe(false);
    const weights = Object.fromEntries(Array.from({ length: LIMITS.criteriaPerEvaluation + 1 }, (_, k) => [`c${k}`, 1]));
    expect(BallotInputSchema.safeParse({ method: "likert", weights }).success).toBe(false);
  });
});

describe("criterion keys that are also names on Object.prototype", () => {
  const keys = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"];

  it('keeps a "__proto__" key as an ordinary weight', () => {
    const { ballot, errors } = accept('{"method":"points","weights":{"__proto__":60,"constructor":40}}', keys);
    expect(errors).toEqual({});
    expect(ballot && "weights" in ballot && Object.hasOwn(ballot.weights, "__proto__")).toBe(true);
    expect(ballot && "weights" in ballot && ballot.weights["__proto__"]).toBe(60);
  });

  it('requires a likert ballot to rate "constructor" like any other criterion', () => {
    expect(accept('{"method":"likert","weights":{"security":3}}', ["security", "constructor"]).errors.weights).toMatch(/every criterion/);
    expect(accept('{"method":"likert","weights":{"security":3}}', ["security", "__proto__"]).errors.weights).toMatch(/every criterion/);
  });

  it('names a "toString" weight for an evaluation without that criterion as unknown', () => {
    expect(accept('{"method":"points","weights":{"security":60,"toString":40}}', ["security"]).errors["weights.toString"]).toMatch(
      /Unknown/,
    );
  });
});

// Every ballot the gate lets through must give a report of finite numbers: the server stores what
// it accepts, and the report is computed from what it stores.
const PROTO_KEYS = [...Object.getOwnPropertyNames(Object.prototype), "__proto__"];
const idPool = ["a", "b", "c", "d", "constructor", "__proto__", "toString", "valueOf"];
// Mostly values near the valid ranges (so many ballots get through), some far outside them.
const anyNumber = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 4 },
  { arbitrary: fc.constantFrom(1 / 9, 1 / 7, 1 / 3, 1 / 2, 2, 3, 9), weight: 3 },
  { arbitrary: fc.integer({ min: -2, max: 110 }), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
);

/** A raw ballot over mostly the evaluation's keys, now and then another (prototype) name. */
function rawBallot(keys: string[]) {
  const key = fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 8 }, { arbitrary: fc.constantFrom(...PROTO_KEYS), weight: 1 });
  /** Whole points summing to 100 over a few keys: the cuts split 0..100 into parts. */
  const points = fc
    .record({ chosen: fc.uniqueArray(key, { minLength: 1, maxLength: 5 }), cuts: fc.array(fc.nat(100), { minLength: 4, maxLength: 4 }) })
    .map(({ chosen, cuts }) => {
      const bounds = [0, ...cuts.slice(0, chosen.length - 1).sort((x, y) => x - y), 100];
      return { method: "points", weights: Object.fromEntries(chosen.map((k, i) => [k, bounds[i + 1] - bounds[i]])) };
    });
  const weights = fc
    .uniqueArray(fc.tuple(key, anyNumber), { selector: ([k]) => k, maxLength: 7 })
    .map((entries) => Object.fromEntries(entries));
  const comparisons = fc.array(fc.record({ a: key, b: key, value: anyNumber }), { minLength: 1, maxLength: 8 });
  return fc.oneof(
    points,
    fc.record({ method: fc.constantFrom("points", "likert"), weights }),
    fc.record({ method: fc.constant("pairwise"), comparisons }),
  );
}
const ballotCase = fc
  .shuffledSubarray(idPool, { minLength: 2, maxLength: 5 })
  .chain((keys) => fc.tuple(rawBallot(keys), fc.constant(keys)));
const PROPERTY_RUNS = 3000;

describe("what the gate accepts, the engine scores", () => {
  it("any accepted ballot yields a report of finite numbers with nothing excluded", () => {
    let accepted = 0;
    fc.assert(
      fc.property(ballotCase, ([raw, keys]) => {
        // Through JSON text, as the API receives it ("__proto__" entries stay ordinary keys).
        const { ballot, errors } = accept(JSON.stringify(raw), keys);
        if (!ballot || Object.keys(errors).length) return;
        accepted++;
        const input: EngineInput = {
          options: [
            { id: "x", name: "X" },
            { id: "y", name: "Y" },
          ],
          criteria: keys.map((id) => ({ id, name: id })),
          ratings: { x: Object.fromEntries(keys.map((k, i) => [k, i % 10])), y: Object.fromEntries(keys.map((k, i) => [k, 9 - (i % 10)])) },
          ballots: [{ voter: "u1", ...ballot } as Ballot],
          samples: 50,
        };
        const report = computeReport(input);
        expect(report.excludedBallots).toEqual([]);
        expect(allNumbersFinite(report)).toBe(true);
        expect(Object.keys(report.weights).sort()).toEqual([...keys].sort());
      }),
      { numRuns: PROPERTY_RUNS },
    );
    // The generator must actually reach the engine often enough to mean something.
    expect(accepted).toBeGreaterThan(PROPERTY_RUNS / 10);
  });
});

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || value === null) return true;
  return Object.values(value).every(allNumbersFinite);
}
