// What a reader may learn of an evaluation's ballots, and when. The one place that decides it:
// lib/domain/report.ts builds the view and the API's report through `visibleReport`, so the page
// (HTML and RSC payload), GET /api/v1/evaluations/{id}, /report and everything rendered from the
// view follow the same rule. Pure, so it is unit-tested and the UI can word its messages from it.

import type { EvaluationStatus, Visibility } from "@/lib/vocabulary";

export { VISIBILITIES, type Visibility } from "@/lib/vocabulary";

export const VISIBILITY_LABELS: Record<Visibility, { title: string; description: string; badge: string }> = {
  blind: {
    title: "Blind voting (recommended)",
    description: "Everyone sees who has voted, nothing else, until the ballots are revealed. Nobody anchors on the first votes.",
    badge: "Blind voting: results stay hidden until the ballots are revealed",
  },
  open: {
    title: "Open voting",
    description:
      "The ranking, the team's weights and their spread update live while people vote. Individual ballots still show only once revealed.",
    badge: "Open voting: results are visible while voting",
  },
};

/** Reads a stored visibility; anything unknown is treated as blind, the safe side. */
export function visibilityOf(value: string | null | undefined): Visibility {
  return value === "open" ? "open" : "blind";
}

/** Why the report is null although ballots exist: `{ hidden: "blind" }` while blind voting is open. */
export interface ReportHidden {
  hidden: "blind";
  message: string;
}

export const BLIND_MESSAGE =
  "Ballots are blind while voting is open: results appear for everyone, the owner included, once the ballots are revealed.";

/** Once revealed (and after), each member's ballot is shown by name, and every export is available. */
export function ballotsRevealed(status: EvaluationStatus): boolean {
  return status === "revealed" || status === "decided" || status === "superseded";
}

/**
 * Whether figures computed from the ballots (weights, spread, consensus, ranking, win probability,
 * sensitivity, consistency) may be shown: after reveal, or during voting when the evaluation is
 * open. A draft has no ballots. The reader's role plays no part: the owner sees what a viewer sees.
 */
export function resultsVisible(status: EvaluationStatus, visibility: Visibility): boolean {
  return ballotsRevealed(status) || (status === "voting" && visibility === "open");
}

/** What `visibleReport` is given: each part computed only if it may be shown. */
export interface ReportParts<Report, Spread, Ballots> {
  report: () => Report | null;
  weightSpread: () => Spread | null;
  /** each member's ballot by name */
  ballots: () => Ballots;
}

export interface VisibleReport<Report, Spread, Ballots> {
  report: Report | null;
  weightSpread: Spread | null;
  ballots: Ballots | null;
  /** set when `report` is null because the ballots are blind, not because there are none */
  reportHidden: ReportHidden | null;
}

/**
 * The ballot-derived parts of an evaluation a reader may see now. Hidden parts are never computed,
 * so nothing derived from a blind ballot exists to leak. A reader's own ballot is theirs to see and
 * is not decided here.
 */
export function visibleReport<Report, Spread, Ballots>(
  state: { status: EvaluationStatus; visibility: Visibility | string },
  parts: ReportParts<Report, Spread, Ballots>,
): VisibleReport<Report, Spread, Ballots> {
  const visibility = visibilityOf(state.visibility);
  if (!resultsVisible(state.status, visibility)) {
    return {
      report: null,
      weightSpread: null,
      ballots: null,
      reportHidden: state.status === "voting" ? { hidden: "blind", message: BLIND_MESSAGE } : null,
    };
  }
  return {
    report: parts.report(),
    weightSpread: parts.weightSpread(),
    ballots: ballotsRevealed(state.status) ? parts.ballots() : null,
    reportHidden: null,
  };
}
