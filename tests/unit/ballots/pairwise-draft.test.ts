import { describe, expect, it } from "vitest";
import { draftComparisons, draftFromBallot, draftProblem, pairsOf, toggleCriterion } from "@/lib/ballots/pairwise-draft";

const KEYS = ["security", "admin", "learning", "performance"];

describe("the pairwise ballot draft", () => {
  it("asks every pair of the chosen criteria once, in criterion order", () => {
    expect(pairsOf(["security", "admin", "learning"])).toEqual([
      ["security", "admin"],
      ["security", "learning"],
      ["admin", "learning"],
    ]);
  });

  it("keeps the chosen criteria in criterion order and treats unanswered pairs as equal", () => {
    let draft = { chosen: [] as string[], steps: {} };
    for (const key of ["learning", "security", "admin"]) draft = toggleCriterion(draft, key, KEYS);
    expect(draft.chosen).toEqual(["security", "admin", "learning"]);
    expect(draftComparisons({ ...draft, steps: { "security|admin": "1/3" } })).toEqual([
      { a: "security", b: "admin", value: 1 / 3 },
      { a: "security", b: "learning", value: 1 },
      { a: "admin", b: "learning", value: 1 },
    ]);
    expect(toggleCriterion(draft, "admin", KEYS).chosen).toEqual(["security", "learning"]);
  });

  it("preselects a saved pairwise ballot, whichever way round its pairs were given", () => {
    const draft = draftFromBallot(
      {
        voter: "u1",
        method: "pairwise",
        comparisons: [
          { a: "learning", b: "security", value: 1 / 5 },
          { a: "security", b: "admin", value: 3 },
        ],
      },
      KEYS,
    );
    expect(draft).toEqual({ chosen: ["security", "admin", "learning"], steps: { "security|learning": "5", "security|admin": "3" } });
    expect(draftFromBallot({ voter: "u1", method: "points", weights: { security: 100 } }, KEYS)).toEqual({ chosen: [], steps: {} });
    expect(draftFromBallot(null, KEYS)).toEqual({ chosen: [], steps: {} });
  });

  it("can be cast with 3 to 7 criteria", () => {
    const withCount = (n: number) => ({ chosen: Array.from({ length: n }, (_, i) => `c${i}`), steps: {} });
    expect(draftProblem(withCount(2))).toBe("Pick at least 3 criteria to compare");
    expect(draftProblem(withCount(3))).toBeNull();
    expect(draftProblem(withCount(7))).toBeNull();
    expect(draftProblem(withCount(8))).toBe("Pick at most 7 criteria to compare");
  });

  it("treats criterion keys named like Object.prototype properties as ordinary keys", () => {
    const keys = ["constructor", "__proto__", "toString"];
    const draft = draftFromBallot(
      {
        voter: "u1",
        method: "pairwise",
        comparisons: [
          { a: "__proto__", b: "constructor", value: 3 },
          { a: "constructor", b: "toString", value: 5 },
        ],
      },
      keys,
    );
    expect(draft.chosen).toEqual(keys);
    expect(draftComparisons(draft)).toEqual([
      { a: "constructor", b: "__proto__", value: 1 / 3 },
      { a: "constructor", b: "toString", value: 5 },
      { a: "__proto__", b: "toString", value: 1 },
    ]);
  });

  it("skips stored judgments that are not positive numbers instead of guessing a step", () => {
    const stored = {
      voter: "u1",
      method: "pairwise",
      comparisons: [
        { a: "security", b: "admin", value: "3" },
        { a: "admin", b: "learning", value: 0 },
      ],
    };
    expect(draftFromBallot(stored as never, KEYS)).toEqual({ chosen: [], steps: {} });
    expect(draftFromBallot({ voter: "u1", method: "pairwise", comparisons: "junk" } as never, KEYS)).toEqual({ chosen: [], steps: {} });
  });
});
