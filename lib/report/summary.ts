// The report's opening: two or three plain sentences generated from the numbers, for a reader who
// has never seen a decision matrix. Who leads and by how much, how many voted, where the team
// agrees and disagrees, how firm the lead is and what to discuss next. Pure: tests need no page.
import type { EngineReport } from "@/lib/engine/types";
import { decisiveSensitivities, tippingPointClause, type NameLookup } from "@/lib/report/sensitivity";
import { formatChance } from "./percent";

/** A lead that survives moving this many points of weight (or more) is called firm ... */
export const FIRM_FROM_POINTS = 15;
/** ... one that falls with less than this, fragile; in between, moderate. */
export const FRAGILE_BELOW_POINTS = 5;

export type Firmness = "firm" | "moderate" | "fragile" | "unshakeable";

export interface ReportSummaryInput {
  report: EngineReport;
  names: NameLookup;
  /** members who cast a ballot in this round, and members who could (viewers cannot vote) */
  voted: number;
  eligible: number;
}

export interface ReportSummary {
  /** the leader's display name, or null when nothing is ranked */
  leader: string | null;
  firmness: Firmness | null;
  /** the criterion to talk about next, when one stands out */
  discuss: string | null;
  /** the sentences, in reading order */
  sentences: string[];
}

export function summariseReport({ report, names, voted, eligible }: ReportSummaryInput): ReportSummary {
  const optionName = (key: string) => names.options[key] ?? key;
  const criterionName = (key: string) => names.criteria[key] ?? key;
  const ranking = [...report.ranking].sort((a, b) => a.rank - b.rank);
  const first = ranking[0];
  if (!first)
    return {
      leader: null,
      firmness: null,
      discuss: null,
      sentences: ["Nothing is ranked yet: the report needs options, criteria and a ballot."],
    };

  const leader = optionName(first.option);
  const tied = ranking.filter((entry) => entry.rank === first.rank);
  const runnerUp = ranking.find((entry) => entry.rank > first.rank);
  const sentences: string[] = [];

  // 1. Who leads and by how much.
  if (tied.length > 1) {
    sentences.push(
      `${joinNames(tied.map((entry) => optionName(entry.option)))} are tied for first place with ${score(first.score)} out of 10.`,
    );
  } else if (!runnerUp) {
    sentences.push(`${leader} is the only option, scoring ${score(first.score)} out of 10.`);
  } else {
    const margin = first.score - runnerUp.score;
    const close = report.monteCarlo?.leadUncertain === true;
    const wins =
      typeof first.winProbability !== "number" || close
        ? ""
        : first.winProbability === 1
          ? ", and comes first in every simulation that varies the weights"
          : `, and comes first in ${chance(first.winProbability)} of simulations that vary the weights`;
    const ahead = `${points(margin)} ${points(margin) === "1.0" ? "point" : "points"} ahead of ${optionName(runnerUp.option)}`;
    sentences.push(
      close
        ? `${leader} is narrowly ahead with ${score(first.score)} out of 10, ${ahead}: too close to call, as the lead is within how much the team's weights differ.`
        : `${leader} leads with ${score(first.score)} out of 10, ${ahead}${wins}.`,
    );
  }
  const ballots = `${voted} of ${eligible} ${eligible === 1 ? "member who could vote has" : "members who could vote have"} voted`;

  // 2. Agreement: too few ballots to measure, or where the team agrees and where it does not.
  const contested = report.consensus.mostContested.filter((key) => (report.weights[key] ?? 0) > 0);
  const weighted = Object.keys(report.weights)
    .filter((key) => (report.weights[key] ?? 0) > 0)
    .sort((a, b) => report.weights[b] - report.weights[a]);
  const agreed = weighted.filter((key) => !contested.includes(key));
  if (report.consensus.overall === null || voted < 2) {
    sentences.push(
      voted === 1
        ? `Only ${ballots.replace(/ have voted$| has voted$/, "")} has voted, so the ranking is one person's view; agreement shows once more members vote.`
        : `${capitalise(ballots)}; agreement shows once at least two have.`,
    );
  } else if (contested.length) {
    const agree = agreed.length ? `they agree on ${criterionName(agreed[0])} but ` : "they ";
    sentences.push(`${capitalise(ballots)}: ${agree}disagree most on ${joinNames(contested.slice(0, 2).map(criterionName))}.`);
  } else {
    sentences.push(
      `${capitalise(ballots)}, and they weigh the criteria much alike${weighted[0] ? `, ${criterionName(weighted[0])} most of all` : ""}.`,
    );
  }

  // 3. How firm the lead is, and what to discuss next.
  const closest = decisiveSensitivities(report.sensitivity)[0];
  let firmness: Firmness = "unshakeable";
  let discuss: string | null = contested[0] ?? null;
  if (tied.length === 1 && runnerUp) {
    if (!closest) {
      sentences.push(
        `No single criterion's weight, however far it moved, would put another option ahead` +
          (discuss ? `; ${criterionName(discuss)} is still worth discussing, as that is where views differ most.` : "."),
      );
    } else {
      const points = Math.abs(closest.flipAt! - closest.weight) * 100;
      firmness = points >= FIRM_FROM_POINTS ? "firm" : points < FRAGILE_BELOW_POINTS ? "fragile" : "moderate";
      // The criterion that could flip the outcome is the one to talk about when the lead is not firm.
      if (firmness !== "firm") discuss = closest.criterion;
      const next = !discuss
        ? " Nothing stands out to discuss: the team can record its decision."
        : discuss === closest.criterion
          ? ` Discuss ${criterionName(discuss)} next${contested.includes(discuss) ? ": views differ on it and it could change the outcome" : ": it is the weight that could change the outcome"}.`
          : ` Discuss ${criterionName(discuss)} next, where views differ most.`;
      sentences.push(`The lead is ${firmness}: ${tippingPointClause(closest, names)}.${next}`);
    }
  } else {
    firmness = tied.length > 1 ? "fragile" : "unshakeable";
    if (discuss) sentences.push(`Discuss ${criterionName(discuss)} next, where views differ most.`);
  }
  return { leader, firmness: tied.length > 1 || runnerUp ? firmness : null, discuss, sentences };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Scores as the ranking shows them (two decimals), so the reader can match the two. */
function score(value: number): string {
  return value.toFixed(2);
}

/** A lead in points, to one decimal: "2.2 points". */
function points(value: number): string {
  return value.toFixed(1);
}

/** A probability as every page words it (lib/report/percent.ts). */
const chance = formatChance;

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
