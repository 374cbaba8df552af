// Invariants of the whole report, over random valid inputs mixing every ballot method and rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeReport, parseEngineInput, type EngineInput, type EngineReport } from "@/lib/engine";
import { engineInputArbitrary, rating } from "./arbitraries";

const byOption = (report: EngineReport) => Object.fromEntries(report.ranking.map((entry) => [entry.option, entry]));
/** The option scoring highest under `weights` if it beats `leader` by more than rounding, else null. */
const overtakerOf = (input: EngineInput, weights: Record<string, number>, leader: string) => {
  const score = (id: string) => input.criteria.reduce((sum, c) => sum + weights[c.id] * input.ratings[id][c.id], 0);
  let best = leader;
  for (const { id } of input.options) if (score(id) > score(best)) best = id;
  return score(best) > score(leader) + 1e-12 ? best : null;
};
/** The report's weights with criterion `id` set to t and the others keeping their proportions. */
const withWeight = (report: EngineReport, id: string, t: number) => {
  const ids = Object.keys(report.weights);
  const rest = ids.filter((c) => c !== id).reduce((sum, c) => sum + report.weights[c], 0);
  return Object.fromEntries(ids.map((c) => [c, c === id ? t : (report.weights[c] * (1 - t)) / rest]));
};
const permute = <T>(items: T[], order: number[]) => order.map((k) => items[k]);
const permutation = (n: number) =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, k) => k),
    { minLength: n, maxLength: n },
  );

describe("engine report properties", () => {
  it("generated inputs pass the schema", () => {
    fc.assert(
      fc.property(engineInputArbitrary(), (input) => void parseEngineInput(input)),
      { numRuns: 50 },
    );
  });

  it("weights sum to 1 under every rule; win probabilities sum to 1", () => {
    fc.assert(
      fc.property(engineInputArbitrary(), (input) => {
        const report = computeReport(input);
        const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
        expect(sum(report.weights)).toBeCloseTo(1, 12);
        for (const outcome of report.aggregations!.rules) expect(sum(outcome.weights)).toBeCloseTo(1, 12);
        expect(report.ranking.reduce((a, r) => a + r.winProbability!, 0)).toBeCloseTo(1, 9);
      }),
    );
  });

  it("permuting the options permutes the result", () => {
    fc.assert(
      fc.property(
        engineInputArbitrary().chain((input) => fc.tuple(fc.constant(input), permutation(input.options.length))),
        ([input, order]) => {
          const report = computeReport(input);
          const permuted = computeReport({ ...input, options: permute(input.options, order) });
          expect(byOption(permuted)).toEqual(byOption(report));
          expect(permuted.sensitivity).toEqual(report.sensitivity);
          expect(permuted.weights).toEqual(report.weights);
          expect(permuted.consensus).toEqual(report.consensus);
        },
      ),
    );
  });

  it("permuting the criteria permutes the result (win probabilities aside: the random stream follows criterion order)", () => {
    fc.assert(
      fc.property(
        engineInputArbitrary().chain((input) => fc.tuple(fc.constant(input), permutation(input.criteria.length))),
        ([input, order]) => {
          const report = computeReport(input);
          const permuted = computeReport({ ...input, criteria: permute(input.criteria, order) });
          for (const [id, weight] of Object.entries(report.weights)) expect(permuted.weights[id]).toBeCloseTo(weight, 12);
          for (const [id, entry] of Object.entries(byOption(report))) {
            expect(byOption(permuted)[id].score).toBeCloseTo(entry.score, 9);
            expect(byOption(permuted)[id].rank).toBe(entry.rank);
          }
          expect(permuted.consensus.byCriterion).toEqual(report.consensus.byCriterion);
          expect(permuted.consensus.mostContested).toEqual(report.consensus.mostContested);
          if (report.consensus.overall === null) expect(permuted.consensus.overall).toBeNull();
          else expect(permuted.consensus.overall).toBeCloseTo(report.consensus.overall, 12);
          for (const entry of report.sensitivity) {
            const twin = permuted.sensitivity.find((s) => s.criterion === entry.criterion)!;
            expect(twin.newLeader).toBe(entry.newLeader);
            if (entry.flipAt !== null) expect(twin.flipAt).toBeCloseTo(entry.flipAt, 9);
          }
        },
      ),
    );
  });

  it("a criterion nobody weights changes nothing", () => {
    fc.assert(
      fc.property(engineInputArbitrary(), fc.array(rating, { minLength: 5, maxLength: 5 }), (input, extraRatings) => {
        const report = computeReport(input);
        const extended = computeReport({
          ...input,
          criteria: [...input.criteria, { id: "unused", name: "Unused" }],
          ratings: Object.fromEntries(input.options.map(({ id }, o) => [id, { ...input.ratings[id], unused: extraRatings[o] }])),
        });
        expect(extended.weights.unused).toBe(0);
        const { unused: _unused, ...weights } = extended.weights;
        expect(weights).toEqual(report.weights);
        expect(extended.ranking).toEqual(report.ranking);
        expect(extended.consensus.overall).toBe(report.consensus.overall);
        expect(extended.sensitivity.filter((s) => s.criterion !== "unused")).toEqual(report.sensitivity);
        expect(extended.consistency).toEqual(report.consistency);
      }),
    );
  });

  it("multiplying all ratings by a positive factor keeps the ranking", () => {
    fc.assert(
      fc.property(engineInputArbitrary(), fc.double({ min: 0.05, max: 20, noNaN: true }), (input, factor) => {
        const scaled = Object.fromEntries(
          Object.entries(input.ratings).map(([o, row]) => [o, Object.fromEntries(Object.entries(row).map(([c, r]) => [c, r * factor]))]),
        );
        const report = computeReport(input);
        const other = computeReport({ ...input, ratings: scaled });
        expect(other.ranking.map((r) => [r.option, r.rank])).toEqual(report.ranking.map((r) => [r.option, r.rank]));
        other.ranking.forEach((entry, k) => expect(entry.score).toBeCloseTo(report.ranking[k].score * factor, 9));
      }),
    );
  });

  it("unanimous ballots give consensus 1 overall and on every criterion", () => {
    fc.assert(
      fc.property(engineInputArbitrary({ maxBallots: 1 }), fc.integer({ min: 2, max: 8 }), (input, members) => {
        const ballots = Array.from({ length: members }, (_, v) => ({ ...input.ballots[0], voter: `m${v}` }));
        const report = computeReport({ ...input, ballots });
        expect(report.consensus.overall).toBe(1);
        for (const value of Object.values(report.consensus.byCriterion)) expect(value).toBe(1);
      }),
    );
  });

  it("consensus lies in [0, 1]", () => {
    fc.assert(
      fc.property(engineInputArbitrary(), (input) => {
        const { consensus } = computeReport(input);
        // No figure at all from one ballot (issue 14): one person cannot disagree with anyone.
        if (input.ballots.length < 2) expect(consensus.overall).toBeNull();
        for (const value of [consensus.overall ?? 0, ...Object.values(consensus.byCriterion)]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("a reported flip point is the nearest weight at which the leader changes, to the reported option", () => {
    let flipsChecked = 0;
    fc.assert(
      fc.property(engineInputArbitrary(), (input) => {
        const report = computeReport(input);
        const leader = report.ranking[0].option;
        for (const { criterion, weight, flipAt, newLeader } of report.sensitivity) {
          const probes = [0.25, 0.5, 0.75, 0.999];
          if (flipAt === null) {
            if (weight === 1) continue; // no proportions to keep: nothing to probe
            for (let t = 0; t <= 1; t += 0.05) expect(overtakerOf(input, withWeight(report, criterion, t), leader)).toBeNull();
            continue;
          }
          flipsChecked++;
          const direction = Math.sign(flipAt - weight) || 1;
          expect(overtakerOf(input, withWeight(report, criterion, flipAt + direction * 1e-6), leader)).toBe(newLeader);
          // Nothing overtakes nearer than flipAt, on either side of the current weight.
          const distance = Math.abs(flipAt - weight);
          for (const fraction of probes) {
            for (const t of [weight + direction * fraction * distance, weight - direction * fraction * distance]) {
              if (t >= 0 && t <= 1) expect(overtakerOf(input, withWeight(report, criterion, t), leader)).toBeNull();
            }
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(flipsChecked).toBeGreaterThan(20);
  });

  it("is deterministic: the same input and seed give the same JSON", () => {
    fc.assert(
      fc.property(engineInputArbitrary(), (input) => {
        expect(JSON.stringify(computeReport(structuredClone(input)))).toBe(JSON.stringify(computeReport(input)));
      }),
      { numRuns: 30 },
    );
  });
});
