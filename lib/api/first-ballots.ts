import type { EvaluationView } from "@/lib/api/evaluation-view";

// Apart from the view's zod schema (lib/api/evaluation-view.ts): the ballots table imports this in the browser.

/**
 * Revealed ballots shown before "Show all": a column each, so a large team's table would be
 * hundreds of columns wide; the team's spread and consensus summarise the rest.
 */
export const BALLOTS_SHOWN_FIRST = 12;

/**
 * The view with only the ballots the page shows first, and their total: the evaluation page
 * renders from it and the browser fetches the rest on "Show all". A revealed 200-voter view's
 * ballots were 40% of it, sent in the page's HTML for the table's first 12 columns.
 */
export function firstBallotsOnly(view: EvaluationView): EvaluationView {
  if (!view.ballots || view.ballots.length <= BALLOTS_SHOWN_FIRST) return view;
  return { ...view, ballots: view.ballots.slice(0, BALLOTS_SHOWN_FIRST), ballotsTotal: view.ballots.length };
}
