import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RatingsTable } from "@/components/evaluation/ratings-table";
import type { EvaluationView } from "@/lib/api/evaluation-view";

// Issue 12: every rating's "why this score" (rationale and quotes) was rendered inside its closed
// disclosure: ~50 of them were two thirds of the evaluation page's HTML. The page now sends the
// scores, and a disclosure renders its evidence once opened (the e2e specs open them).

const view = {
  options: [{ id: "o1", key: "django", name: "Django" }],
  criteria: [{ id: "c1", key: "speed", name: "Speed", description: "How fast" }],
  ratings: [
    {
      optionId: "o1",
      criterionId: "c1",
      score: 7,
      rationale: "A rationale in our words",
      citations: [{ quote: "A quoted sentence", source: "a.txt", title: "An article" }],
    },
  ],
} as unknown as EvaluationView;

describe("the ratings table", () => {
  it("renders each score with its disclosure closed and the evidence left out until it is opened", () => {
    const html = renderToStaticMarkup(createElement(RatingsTable, { view }));
    expect(html).toContain('data-testid="why-django-speed"');
    expect(html).toMatch(/>7<\/span>/);
    expect(html).toContain("why this score");
    expect(html).not.toContain("A rationale in our words");
    expect(html).not.toContain("A quoted sentence");
  });
});
