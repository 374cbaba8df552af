import { describe, expect, it, vi } from "vitest";
import { ballotsRevealed, resultsVisible, visibilityOf, visibleReport } from "@/lib/ballots/visibility";
import { EVALUATION_STATUSES } from "@/lib/validation/evaluation";

const parts = () => ({
  report: vi.fn(() => ({ weights: { a: 0.37, b: 0.63 } })),
  weightSpread: vi.fn(() => ({ a: { sd: 0.1, iqr: 0.2 } })),
  ballots: vi.fn(() => [{ voter: "u1" }]),
});

describe("visibleReport: the one rule for what a reader sees of the ballots", () => {
  it("withholds every ballot-derived figure during blind voting, and never computes it", () => {
    const p = parts();
    expect(visibleReport({ status: "voting", visibility: "blind" }, p)).toEqual({
      report: null,
      weightSpread: null,
      ballots: null,
      reportHidden: { hidden: "blind", message: expect.stringMatching(/revealed/) },
    });
    expect(p.report).not.toHaveBeenCalled();
    expect(p.weightSpread).not.toHaveBeenCalled();
    expect(p.ballots).not.toHaveBeenCalled();
  });

  it("treats an unknown stored visibility as blind", () => {
    expect(visibilityOf("public")).toBe("blind");
    expect(visibilityOf(null)).toBe("blind");
    expect(visibleReport({ status: "voting", visibility: "something" }, parts()).report).toBeNull();
  });

  it("shows live results but not each ballot during open voting", () => {
    const p = parts();
    const seen = visibleReport({ status: "voting", visibility: "open" }, p);
    expect(seen).toMatchObject({ report: { weights: { a: 0.37 } }, weightSpread: { a: { sd: 0.1 } }, ballots: null, reportHidden: null });
    expect(p.ballots).not.toHaveBeenCalled();
  });

  it("shows everything once revealed, decided or superseded, whatever the visibility", () => {
    for (const status of ["revealed", "decided", "superseded"] as const) {
      for (const visibility of ["blind", "open"] as const) {
        expect(visibleReport({ status, visibility }, parts()), `${status} ${visibility}`).toMatchObject({
          report: { weights: { a: 0.37 } },
          ballots: [{ voter: "u1" }],
          reportHidden: null,
        });
      }
    }
  });

  it("has nothing to show for a draft, and does not call it hidden", () => {
    expect(visibleReport({ status: "draft", visibility: "blind" }, parts())).toEqual({
      report: null,
      weightSpread: null,
      ballots: null,
      reportHidden: null,
    });
  });

  it("agrees with resultsVisible and ballotsRevealed for every status", () => {
    for (const status of EVALUATION_STATUSES) {
      for (const visibility of ["blind", "open"] as const) {
        const seen = visibleReport({ status, visibility }, parts());
        expect(seen.report !== null, `${status} ${visibility}`).toBe(resultsVisible(status, visibility));
        expect(seen.ballots !== null, `${status} ${visibility}`).toBe(ballotsRevealed(status));
      }
    }
  });
});
