import { stringify } from "csv-stringify/sync";
import type { DecisionRecord } from "./record-schema";

// Ballots and scores as one CSV for spreadsheets. Every row says what it is in `kind`, so one
// filter in a spreadsheet separates them:
//   weight      aggregated weight of a criterion
//   ballot      one voter's weight for one criterion (points and likert ballots)
//   comparison  one pairwise judgement: criterion against versus, Saaty value
//   rating      an option's 0-10 rating (score) on a criterion
//   score       an option's weighted score, rank and win probability
//   imported    first, only for an evaluation imported from a record ("Imported from a record"):
//               value is the SHA-256 of the record it was imported from
// Options and criteria appear by name, as a spreadsheet reader wants them. Rows follow the
// record's own order, so the same record always gives the same bytes. Figures are rounded to what
// a reader can use (NUMBER_DIGITS): 0.1734 not 0.17340000000000003.
//
// renderWideCsv gives the same decision as one table to read: one row per option, one column per
// criterion (record.csv?layout=wide).

export const CSV_COLUMNS = [
  "kind",
  "round",
  "voter",
  "method",
  "criterion",
  "versus",
  "weight",
  "value",
  "option",
  "score",
  "rank",
  "winProbability",
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

export function renderCsv(record: DecisionRecord): string {
  const criterionName = (key: string) => record.criteria.find((c) => c.key === key)?.name ?? key;
  const optionName = (key: string) => record.options.find((o) => o.key === key)?.name ?? key;
  const rows: Row[] = [];

  // First, so a spreadsheet reader sees that these ballots were not cast in this team.
  if (record.imported) rows.push({ kind: "imported", value: record.imported.sha256 });

  for (const criterion of record.criteria) {
    rows.push({ kind: "weight", criterion: criterion.name, weight: round(record.weights[criterion.key] ?? 0, NUMBER_DIGITS.weight) });
  }
  for (const ballot of record.ballots) {
    const common = { round: ballot.round, voter: ballot.voter, method: ballot.method };
    if (ballot.method === "pairwise") {
      for (const c of ballot.comparisons) {
        rows.push({
          kind: "comparison",
          ...common,
          criterion: criterionName(c.a),
          versus: criterionName(c.b),
          value: round(c.value, NUMBER_DIGITS.weight),
        });
      }
    } else {
      // Criteria in the record's order; one the ballot left out counts as 0, as in the engine.
      for (const criterion of record.criteria) {
        rows.push({
          kind: "ballot",
          ...common,
          criterion: criterion.name,
          weight: round(ballot.weights[criterion.key] ?? 0, NUMBER_DIGITS.weight),
        });
      }
    }
  }
  for (const rating of record.ratings) {
    rows.push({ kind: "rating", option: optionName(rating.option), criterion: criterionName(rating.criterion), score: rating.score });
  }
  for (const entry of record.report.ranking) {
    rows.push({
      kind: "score",
      option: optionName(entry.option),
      score: round(entry.score, NUMBER_DIGITS.score),
      rank: entry.rank,
      winProbability: roundOrBlank(entry.winProbability, NUMBER_DIGITS.weight),
    });
  }

  return stringify(
    rows.map((row) => CSV_COLUMNS.map((column) => cell(row[column]))),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}

/** Decimal places kept: weights and probabilities (shares of 1) to 4, scores (0-10) to 2. */
const NUMBER_DIGITS = { weight: 4, score: 2 } as const;

/**
 * The decision as one table: a first row with the team's weight of each criterion (in %), then
 * one row per option in rank order with its score, win probability (%) and its 0-10 rating on
 * each criterion. Criteria are columns, heaviest first, so the ones that decide come first.
 */
export function renderWideCsv(record: DecisionRecord): string {
  const order = new Map(record.criteria.map((c, i) => [c.key, i]));
  const weight = (key: string) => record.weights[key] ?? 0;
  const criteria = [...record.criteria].sort((a, b) => weight(b.key) - weight(a.key) || order.get(a.key)! - order.get(b.key)!);
  const rating = new Map(record.ratings.map((r) => [`${r.option}\u0000${r.criterion}`, r.score]));
  const ranking = new Map(record.report.ranking.map((entry) => [entry.option, entry]));
  const options = [...record.options].sort((a, b) => (ranking.get(a.key)?.rank ?? Infinity) - (ranking.get(b.key)?.rank ?? Infinity));

  const header = ["Option", "Rank", "Score (0-10)", "Win probability (%)", ...criteria.map((c) => c.name)];
  const weightRow = ["Team weight (%)", "", "", "", ...criteria.map((c) => round(weight(c.key) * 100, 1))];
  const optionRows = options.map((option) => {
    const entry = ranking.get(option.key);
    return [
      option.name,
      entry?.rank,
      entry ? round(entry.score, NUMBER_DIGITS.score) : undefined,
      typeof entry?.winProbability === "number" ? round(entry.winProbability * 100, 1) : undefined,
      ...criteria.map((c) => rating.get(`${option.key}\u0000${c.key}`)),
    ];
  });
  return stringify([header, weightRow, ...optionRows].map((row) => row.map((value) => cell(value ?? undefined))));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  // Number.EPSILON nudges 0.125 to 0.13 rather than 0.12, as people round; "-0" becomes 0.
  return Math.round((value + Math.sign(value) * Number.EPSILON) * factor) / factor || 0;
}

function roundOrBlank(value: number | null | undefined, digits: number): number | undefined {
  return typeof value === "number" ? round(value, digits) : undefined;
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe, the usual guard against CSV injection; numbers are written as JSON writes them.
 */
function cell(value: string | number | null | undefined): string {
  if (value === null) return "";
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
