import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VOTERS_SHOWN_FIRST, VoterList } from "@/components/evaluation/voter-list";
import type { EvaluationView } from "@/lib/api/evaluation-view";

// Issue 12: a 200-member team's "Who has voted" list was a fifth of the evaluation page's HTML and
// server render. A large team's list starts with those who have not voted, and offers the rest.

const members = (n: number, voted: (i: number) => boolean) =>
  Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    name: `Member ${i + 1}`,
    role: "member",
    voted: voted(i),
  })) as EvaluationView["members"];

const listed = (html: string) => html.match(/Member \d+/g) ?? [];

describe("who has voted", () => {
  it("lists every member of a small team in the view's order, with no toggle", () => {
    const html = renderToStaticMarkup(createElement(VoterList, { voters: members(3, (i) => i !== 1) }));
    expect(listed(html)).toEqual(["Member 1", "Member 2", "Member 3"]);
    expect(html.match(/aria-label="(voted|not yet)"/g)).toEqual(['aria-label="voted"', 'aria-label="not yet"', 'aria-label="voted"']);
    expect(html).not.toContain("Show all");
  });

  it(`starts a large team's list with ${VOTERS_SHOWN_FIRST} members, those who have not voted first, and offers the rest`, () => {
    // Members 5, 10, 15 … 200 have not voted.
    const html = renderToStaticMarkup(createElement(VoterList, { voters: members(200, (i) => (i + 1) % 5 !== 0) }));
    expect(listed(html)).toEqual(Array.from({ length: VOTERS_SHOWN_FIRST }, (_, k) => `Member ${(k + 1) * 5}`));
    expect(html).toContain(`Showing ${VOTERS_SHOWN_FIRST} of 200 members`);
    expect(html).toContain("Show all 200 members");
    expect(html.length).toBeLessThan(10_000);
  });
});
