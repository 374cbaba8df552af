import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RevealedBallots } from "@/components/evaluation/revealed-ballots";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import { BALLOTS_SHOWN_FIRST, firstBallotsOnly } from "@/lib/api/first-ballots";

// Issue 12: a revealed 200-voter evaluation rendered a column per ballot, most of the page's 900 KiB
// of HTML. The table starts with the first ballots and offers the rest.

function viewWith(voters: number): EvaluationView {
  const criteria = ["speed", "admin"].map((key) => ({ id: key, key, name: key.toUpperCase(), description: "" }));
  const ballots = Array.from({ length: voters }, (_, i) => ({
    voter: `u${i}`,
    voterName: `Voter ${i + 1}`,
    method: "points" as const,
    weights: { speed: 0.4, admin: 0.6 },
    changes: null,
  }));
  return { round: 1, criteria, ballots, report: null } as unknown as EvaluationView;
}

const headerCells = (html: string) => html.match(/Voter \d+/g) ?? [];

describe("the revealed ballots table", () => {
  it("shows every ballot of a small team, with no toggle", () => {
    const html = renderToStaticMarkup(createElement(RevealedBallots, { view: viewWith(3) }));
    expect(headerCells(html)).toEqual(["Voter 1", "Voter 2", "Voter 3"]);
    expect(html).not.toContain("Show all");
  });

  it(`starts a large team's table with ${BALLOTS_SHOWN_FIRST} ballots and offers the rest`, () => {
    const html = renderToStaticMarkup(createElement(RevealedBallots, { view: viewWith(200) }));
    expect(headerCells(html)).toHaveLength(BALLOTS_SHOWN_FIRST);
    expect(html).toContain(`Showing ${BALLOTS_SHOWN_FIRST} of 200 ballots`);
    expect(html).toContain("Show all 200 ballots");
    expect(html.length).toBeLessThan(20_000);
  });

  it("renders the page's first view, which holds only the first ballots, with the whole team's count", () => {
    const full = viewWith(200);
    const first = firstBallotsOnly(full);
    expect(first.ballots).toHaveLength(BALLOTS_SHOWN_FIRST);
    expect(first.ballotsTotal).toBe(200);
    expect(firstBallotsOnly(viewWith(3))).toEqual(viewWith(3));
    const html = renderToStaticMarkup(createElement(RevealedBallots, { view: first }));
    expect(headerCells(html)).toEqual(headerCells(renderToStaticMarkup(createElement(RevealedBallots, { view: full }))));
    expect(html).toContain(`Showing ${BALLOTS_SHOWN_FIRST} of 200 ballots`);
    expect(html).toContain("Show all 200 ballots");
  });
});
