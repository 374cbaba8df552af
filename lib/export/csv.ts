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
// record's own order, so the same record always gives the same bytes.

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
    rows.push({ kind: "weight", criterion: criterion.name, weight: record.weights[criterion.key] ?? 0 });
  }
  for (const ballot of record.ballots) {
    const common = { round: ballot.round, voter: ballot.voter, method: ballot.method };
    if (ballot.method === "pairwise") {
      for (const c of ballot.comparisons) {
        rows.push({ kind: "comparison", ...common, criterion: criterionName(c.a), versus: criterionName(c.b), value: c.value });
      }
    } else {
      // Criteria in the record's order; one the ballot left out counts as 0, as in the engine.
      for (const criterion of record.criteria) {
        rows.push({ kind: "ballot", ...common, criterion: criterion.name, weight: ballot.weights[criterion.key] ?? 0 });
      }
    }
  }
  for (const rating of record.ratings) {
    rows.push({ kind: "rating", option: optionName(rating.option), criterion: criterionName(rating.criterion), score: rating.score });
  }
  for (const entry of record.report.ranking) {
    rows.push({ kind: "score", option: optionName(entry.option), score: entry.score, rank: entry.rank, winProbability: entry.winProbability });
  }

  return stringify(
    rows.map((row) => CSV_COLUMNS.map((column) => cell(row[column]))),
    { header: true, columns: [...CSV_COLUMNS] },
  );
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe, the usual guard against CSV injection; numbers are written as JSON writes them.
 */
function cell(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
