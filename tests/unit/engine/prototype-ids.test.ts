// Ids that are also property names of Object.prototype ("constructor", "toString", "__proto__",
// …) must behave like any other id: a lookup of a missing "constructor" must not find
// Object.prototype.constructor, and a "__proto__" key must not vanish into the prototype.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeReport, parseEngineInput, rankByWeightedSum, rankWithWeights, type EngineInput, type EngineReport } from "@/lib/engine";
import { weightChanges } from "@/lib/engine/ballot-weights";
import { weightSpread } from "@/lib/engine/spread";
import { tornado } from "@/lib/engine/tornado";
import { weightsToPoints } from "@/lib/ballots/points";
import { engineInputArbitrary } from "./arbitraries";

/**
 * Sorted, so renaming c0 < c1 < … to these keeps the order of ids: ties between criteria are
 * broken by id, and the renamed report must be the same report, not merely an equivalent one.
 */
const PROTOTYPE_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"])].sort();

/** The generated ids (o0…, c0…, u0…) mapped in order onto the prototype names. */
function renaming(input: EngineInput): Map<string, string> {
  const rename = new Map<string, string>();
  for (const ids of [input.options.map((o) => o.id), input.criteria.map((c) => c.id), input.ballots.map((b) => b.voter)]) {
    [...ids].sort().forEach((id, k) => rename.set(id, PROTOTYPE_NAMES[k]));
  }
  return rename;
}

/** Every object key and string value found in `names` replaced, rebuilt with own properties only. */
function renameDeep(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => renameDeep(item, names));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [names.get(key) ?? key, renameDeep(item, names)]));
}

/** The report as JSON text: own "__proto__" keys included, as a client would receive them. */
const json = (report: EngineReport) => JSON.stringify(report);

describe("ids named like Object.prototype properties", () => {
  it("give the same report as any other ids, through the schema as from JSON", () => {
    expect(PROTOTYPE_NAMES.length).toBeGreaterThanOrEqual(12);
    fc.assert(
      fc.property(engineInputArbitrary({ maxCriteria: 6, maxBallots: 6 }), (input) => {
        const names = renaming(input);
        // JSON.parse makes "__proto__" an ordinary own key, as the CLI and the API receive it.
        const renamed = parseEngineInput(JSON.parse(JSON.stringify(renameDeep(input, names))));
        const report = computeReport(renamed);
        expect(report.excludedBallots).toEqual([]);
        // Options, criteria and voters share names, so compare forwards: the plain ids' report, renamed.
        const expected = renameDeep(JSON.parse(json(computeReport(parseEngineInput(input)))), names);
        expect(json(report)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 150 },
    );
  });

  it('a likert ballot that leaves out "constructor" gives it weight 0, not NaN', () => {
    const report = computeReport({
      options: [
        { id: "x", name: "X" },
        { id: "y", name: "Y" },
      ],
      criteria: [
        { id: "constructor", name: "Constructor" },
        { id: "speed", name: "Speed" },
      ],
      ratings: { x: { constructor: 9, speed: 1 }, y: { constructor: 1, speed: 9 } },
      ballots: [{ voter: "u1", method: "likert", weights: { speed: 5 } }],
      samples: 100,
    });
    expect(report.weights).toEqual({ constructor: 0, speed: 1 });
    expect(report.ranking[0].option).toBe("y");
  });

  it('an unrated option called "toString" is missing a rating, or scores 0 when the input says so', () => {
    const table = {
      options: [
        { id: "toString", name: "T" },
        { id: "y", name: "Y" },
      ],
      criteria: [{ id: "valueOf", name: "V" }],
      ratings: { y: { valueOf: 5 } },
      missingRatings: "zero" as const,
    };
    // Not Object.prototype.toString.valueOf: a missing rating, named (issue 14, finding 8).
    expect(() => rankWithWeights({ ...table, missingRatings: undefined }, { valueOf: 1 })).toThrow(
      /"T" \(toString\) has no rating for criterion "V"/,
    );
    expect(rankWithWeights(table, { valueOf: 1 })).toEqual([
      { option: "y", score: 5, rank: 1 },
      { option: "toString", score: 0, rank: 2 },
    ]);
    expect(rankByWeightedSum(["toString", "y"], ["valueOf"], table.ratings, {})).toEqual([
      { option: "toString", score: 0, rank: 1 },
      { option: "y", score: 0, rank: 1 },
    ]);
  });

  it('the report\'s helpers keep "__proto__" as an own key', () => {
    // Object.fromEntries makes "__proto__" an own key (an object literal would set the prototype).
    const own = (entries: [string, number][]) => Object.fromEntries(entries);
    const input: EngineInput = {
      options: [
        { id: "x", name: "X" },
        { id: "y", name: "Y" },
      ],
      criteria: [
        { id: "__proto__", name: "P" },
        { id: "constructor", name: "C" },
      ],
      ratings: {
        x: own([
          ["__proto__", 9],
          ["constructor", 1],
        ]),
        y: own([
          ["__proto__", 2],
          ["constructor", 8],
        ]),
      },
      ballots: [
        {
          voter: "__proto__",
          method: "points",
          weights: own([
            ["__proto__", 80],
            ["constructor", 20],
          ]),
        },
        { voter: "hasOwnProperty", method: "pairwise", comparisons: [{ a: "__proto__", b: "constructor", value: 3 }] },
      ],
      samples: 100,
    };
    const report = computeReport(parseEngineInput(input));
    expect(Object.hasOwn(report.weights, "__proto__")).toBe(true);
    expect(report.weights["__proto__"]).toBeCloseTo((0.8 + 0.75) / 2, 12);
    expect(Object.hasOwn(report.consistency, "__proto__")).toBe(false);
    expect(Object.hasOwn(report.consistency, "hasOwnProperty")).toBe(true);
    expect(Object.hasOwn(report.consensus.byCriterion, "__proto__")).toBe(true);

    const spread = weightSpread(input);
    expect(Object.hasOwn(spread, "__proto__")).toBe(true);
    const bars = tornado(input, report.weights, report.ranking[0].option).bars;
    expect(bars.map((bar) => bar.criterion).sort()).toEqual(["__proto__", "constructor"]);
    for (const bar of bars) expect(Number.isFinite(bar.low) && Number.isFinite(bar.high)).toBe(true);
    expect(weightChanges({}, Object.fromEntries([["constructor", 0.5]]))).toEqual([{ criterion: "constructor", from: 0, to: 0.5 }]);
  });

  it('weightsToPoints treats a missing "constructor" as 0 points', () => {
    expect(weightsToPoints({ speed: 1 }, ["speed", "constructor"])).toEqual({ speed: 100, constructor: 0 });
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
