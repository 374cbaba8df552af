// Issue 14, finding 9: Goepel's AHP consensus S* with the AHP-OS normalisation; no figure from
// fewer than two ballots; `mostContested` only below a stated threshold; per-criterion figures
// that reconcile with the overall one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeReport, type Ballot, type EngineInput } from "@/lib/engine";
import { CONTESTED_BELOW } from "@/lib/engine/consensus";

const criteria = ["a", "b", "c"].map((id) => ({ id, name: id.toUpperCase() }));
const points = (voter: string, weights: Record<string, number>): Ballot => ({ voter, method: "points", weights });
const team = (...ballots: Ballot[]): EngineInput => ({
  options: [
    { id: "x", name: "X" },
    { id: "y", name: "Y" },
  ],
  criteria,
  ratings: { x: { a: 8, b: 4, c: 5 }, y: { a: 3, b: 7, c: 6 } },
  ballots,
  samples: 200,
});

/**
 * AHP-OS (Goepel 2018): S* = (1/Dβ − Dα,min/Dγ,max) / (1 − Dα,min/Dγ,max), with M the input scale's
 * largest ratio (9 for Saaty's scale; unbounded, so Dα,min = 1, for ballots that can hold a 0).
 */
function ahpOsConsensus(vectors: number[][], scaleMax: number): number {
  const n = vectors[0].length;
  const h = (p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);
  const alpha = vectors.reduce((s, v) => s + h(v), 0) / vectors.length;
  const mean = vectors[0].map((_, c) => vectors.reduce((s, v) => s + v[c], 0) / vectors.length);
  const beta = h(mean) - alpha;
  const top = scaleMax === Infinity ? 1 : scaleMax / (n + scaleMax - 1);
  const rest = scaleMax === Infinity ? 0 : 1 / (n + scaleMax - 1);
  const alphaMin = -top * Math.log(top) - (rest > 0 ? (n - 1) * rest * Math.log(rest) : 0);
  const ratio = Math.exp(alphaMin) / n;
  return (Math.exp(-beta) - ratio) / (1 - ratio);
}

describe("consensus (issue 14, finding 9)", () => {
  it("is Goepel's S* with the AHP-OS normalisation (points ballots: M unbounded)", () => {
    const vectors = [
      [0.5, 0.3, 0.2],
      [0.3, 0.4, 0.3],
      [0.6, 0.2, 0.2],
    ];
    const report = computeReport(team(...vectors.map((v, i) => points(`u${i}`, { a: v[0] * 100, b: v[1] * 100, c: v[2] * 100 }))));
    expect(report.consensus.overall).toBeCloseTo(ahpOsConsensus(vectors, Infinity), 9);
  });

  it("is Goepel's S* with Saaty's M = 9 when every ballot is pairwise", () => {
    // x twice as important as y, and the reverse: weights (2/3, 1/3) and (1/3, 2/3)
    const report = computeReport({
      ...team(),
      criteria: criteria.slice(0, 2),
      ratings: { x: { a: 8, b: 4 }, y: { a: 3, b: 7 } },
      ballots: [
        { voter: "u1", method: "pairwise", comparisons: [{ a: "a", b: "b", value: 2 }] },
        { voter: "u2", method: "pairwise", comparisons: [{ a: "a", b: "b", value: 1 / 2 }] },
      ],
    });
    expect(report.consensus.overall).toBeCloseTo(
      ahpOsConsensus(
        [
          [2 / 3, 1 / 3],
          [1 / 3, 2 / 3],
        ],
        9,
      ),
      9,
    );
  });

  it("shows no figure with fewer than two ballots", () => {
    const one = computeReport(team(points("u1", { a: 50, b: 30, c: 20 })));
    expect(one.consensus.overall).toBeNull();
    expect(one.consensus.byCriterion).toEqual({});
    expect(one.consensus.mostContested).toEqual([]);
  });

  it("lists no criterion as contested when everyone agrees", () => {
    const same = computeReport(team(points("u1", { a: 50, b: 30, c: 20 }), points("u2", { a: 50, b: 30, c: 20 })));
    expect(same.consensus.overall).toBe(1);
    expect(same.consensus.mostContested).toEqual([]);
  });

  it("lists only criteria below the stated threshold, most contested first", () => {
    const report = computeReport(team(points("u1", { a: 90, b: 5, c: 5 }), points("u2", { a: 10, b: 85, c: 5 })));
    const { byCriterion, mostContested } = report.consensus;
    expect(mostContested.length).toBeGreaterThan(0);
    expect(mostContested).not.toContain("c");
    for (const id of mostContested) expect(byCriterion[id]).toBeLessThan(CONTESTED_BELOW);
    expect(mostContested).toEqual([...mostContested].sort((p, q) => byCriterion[p] - byCriterion[q]));
  });

  it("property: the overall figure never exceeds a criterion's, and the criteria's shares of the disagreement add up to all of it", () => {
    const ballot = fc.array(fc.nat(10), { minLength: 3, maxLength: 3 }).map((raw) => {
      if (!raw.some((x) => x > 0)) raw[0] = 1;
      const total = raw.reduce((s, x) => s + x, 0);
      return { a: (100 * raw[0]) / total, b: (100 * raw[1]) / total, c: (100 * raw[2]) / total };
    });
    fc.assert(
      fc.property(fc.array(ballot, { minLength: 2, maxLength: 6 }), (weights) => {
        const { consensus } = computeReport(team(...weights.map((w, i) => points(`u${i}`, w))));
        for (const id of ["a", "b", "c"]) expect(consensus.overall!).toBeLessThanOrEqual(consensus.byCriterion[id] + 1e-12);
        const shares = Object.values(consensus.disagreementShare ?? {});
        const total = shares.reduce((s, x) => s + x, 0);
        expect(total === 0 || Math.abs(total - 1) < 1e-9).toBe(true);
      }),
    );
  });
});
