import { recordSha256 } from "./integrity";
import { escapeInline, escapeParagraphs, escapeTableCell } from "./markdown-escape";
import type { DecisionRecord } from "./record-schema";
import { decisiveSensitivities, formatWeight, sensitivitySentence, tippingPointClause, type NameLookup } from "@/lib/report/sensitivity";
import { madrStakeholders } from "./stakeholders";
import { weightedDrivers } from "@/lib/report/drivers";
import { ratingVerdict } from "@/lib/report/rating-verdict";
import { citationPublisher, citationTitle } from "@/lib/report/source-links";

// The decision record as an Architectural Decision Record in MADR 4.0 form
// (https://adr.github.io/madr/), ready to commit to a repository's docs/decisions/ unedited.
// Deterministic: the same record always renders the same bytes.
//
// A file people read in a pull request, so it stays short: the drivers are the criteria that
// carry most of the weight (lib/report/drivers.ts), pros and cons are given on those drivers in
// the option pages' words (lib/report/rating-verdict.ts), sources are cited by article title,
// and the full numbers are left to the JSON and CSV records it links to.

type Rating = DecisionRecord["ratings"][number];

/** Pairwise consistency ratios above this are flagged, as Saaty suggests and the UI does. */
const CONSISTENCY_LIMIT = 0.1;

export function renderMadr(record: DecisionRecord): string {
  const names = nameLookup(record);
  const sources = sourceNumbers();
  const sections = [
    frontMatter(record),
    `# ${escapeInline(record.evaluation.title)}`,
    contextSection(record),
    driversSection(record, names),
    optionsSection(record),
    outcomeSection(record, names),
    consequencesSection(record, names),
    confirmationSection(record, names),
    prosAndConsSection(record, names, sources),
    moreInformationSection(record, names, sources),
  ];
  return sections.join("\n\n") + "\n";
}

/** MADR's status vocabulary: only a decided evaluation is "accepted". */
function madrStatus(status: DecisionRecord["evaluation"]["status"]): string {
  if (status === "decided") return "accepted";
  if (status === "superseded") return "superseded";
  return "proposed";
}

function frontMatter(record: DecisionRecord): string {
  const people = madrStakeholders(record);
  const date = (record.decision?.decidedAt ?? record.generatedAt).slice(0, 10);
  return [
    "---",
    `status: ${yamlString(madrStatus(record.evaluation.status))}`,
    `date: ${date}`,
    `decision-makers: ${yamlList(people.decisionMakers)}`,
    `consulted: ${yamlList(people.consulted)}`,
    `informed: ${yamlList(people.informed)}`,
    "---",
  ].join("\n");
}

function contextSection(record: DecisionRecord): string {
  const { evaluation } = record;
  const problem = escapeParagraphs(evaluation.problem) || "No problem statement was written.";
  const setting =
    `${escapeInline(evaluation.team)} compared ${count(record.options.length, "option")} on ` +
    `${count(record.criteria.length, "criterion", "criteria")}; ballots were aggregated with the ` +
    `${evaluation.aggregation} in round ${evaluation.round}.`;
  const parts = [`## Context and Problem Statement`, problem, setting];
  // Said up front: an imported archive's ballots and decision were not cast in this team.
  if (record.imported) parts.splice(1, 0, `> ${importedSentence(record.imported)}`);
  return parts.join("\n\n");
}

/** The "Imported from a record" notice, the same wherever the record says it. */
function importedSentence(imported: NonNullable<DecisionRecord["imported"]>): string {
  return (
    `Imported from a record (SHA-256 \`${imported.sha256}\`) by ${escapeInline(imported.importedBy)} on ` +
    `${imported.importedAt.slice(0, 10)}: its ballots and decision are as that record states them, named as ` +
    `it names them; they were not cast in this team.`
  );
}

function driversSection(record: DecisionRecord, names: NameLookup): string {
  const drivers = driverKeys(record);
  const byKey = new Map(record.criteria.map((c) => [c.key, c]));
  const contested = new Set(record.report.consensus.mostContested.slice(0, 1));
  const bullets = drivers.map((key) => {
    const criterion = byKey.get(key)!;
    const facts = [`${formatWeight(record.weights[key] ?? 0)} of the weight`, ...(contested.has(key) ? ["most contested"] : [])].join(", ");
    const description = criterion.description.trim() ? `: ${escapeInline(criterion.description)}` : "";
    return `* ${escapeInline(names.criteria[key] ?? key)} (${facts})${description}`;
  });
  if (!bullets.length) return `## Decision Drivers\n\nNo criterion has been weighted yet.`;
  const carried = drivers.reduce((sum, key) => sum + (record.weights[key] ?? 0), 0);
  const rest = record.criteria.length - drivers.length;
  const others = rest
    ? `\n\nThese ${count(drivers.length, "criterion", "criteria")} carry ${formatWeight(carried)} of the team's weight; ` +
      `${rest === 1 ? "the other criterion has" : `the other ${rest} criteria share`} the remaining ${formatWeight(Math.max(0, 1 - carried))} ` +
      `(every weight is in the JSON and CSV records).`
    : "";
  return `## Decision Drivers\n\n${bullets.join("\n")}${others}`;
}

/** The criteria carrying most of the team's weight, heaviest first. */
function driverKeys(record: DecisionRecord): string[] {
  return weightedDrivers(
    record.criteria.map((c) => c.key),
    record.weights,
  );
}

function optionsSection(record: DecisionRecord): string {
  const bullets = record.options.map(
    (option) => `* ${escapeInline(option.name)}${option.summary.trim() ? `: ${escapeInline(option.summary)}` : ""}`,
  );
  return `## Considered Options\n\n${bullets.join("\n")}`;
}

function outcomeSection(record: DecisionRecord, names: NameLookup): string {
  const { decision, report } = record;
  const leader = report.ranking[0];
  const paragraphs: string[] = [];
  if (decision) {
    const because =
      lowerFirst(trimSentence(escapeInline(decision.rationale))) ||
      (leader?.option === decision.option
        ? `it ranks first with a weighted score of ${formatScore(leader.score)} of 10 and a ${percent(leader.winProbability)} probability of ranking first`
        : "the team chose it");
    paragraphs.push(`Chosen option: "${escapeInline(names.options[decision.option])}", because ${because}.`);
    if (leader && leader.option !== decision.option) {
      const why = decision.overrideReason ? `, because ${trimSentence(escapeInline(decision.overrideReason))}` : "";
      paragraphs.push(`This overrides the ranking, which "${escapeInline(names.options[leader.option])}" leads${why}.`);
    }
    paragraphs.push(`Decided by ${escapeInline(decision.decidedBy)} on ${decision.decidedAt.slice(0, 10)}.`);
  } else {
    const leading = leader ? ` On the ballots so far "${escapeInline(names.options[leader.option])}" leads.` : "";
    paragraphs.push(`No decision yet: the evaluation is ${record.evaluation.status}.${leading}`);
  }
  paragraphs.push(scoreTable(record, names));
  paragraphs.push(robustness(record, names));
  return `## Decision Outcome\n\n${paragraphs.join("\n\n")}`;
}

function scoreTable(record: DecisionRecord, names: NameLookup): string {
  const rows = record.report.ranking.map(
    (entry) =>
      `| ${entry.rank} | ${escapeTableCell(names.options[entry.option])} | ${formatScore(entry.score)} | ${percent(entry.winProbability)} |`,
  );
  return ["| Rank | Option | Score (0-10) | Win probability |", "| ---: | --- | ---: | ---: |", ...rows].join("\n");
}

/** How firm the outcome is, in one sentence: the smallest shift of weight that changes the leader. */
function robustness(record: DecisionRecord, names: NameLookup): string {
  const leader = record.report.ranking[0];
  const closest = decisiveSensitivities(record.report.sensitivity)[0];
  const name = leader ? escapeInline(names.options[leader.option] ?? leader.option) : "the leader";
  if (!closest) return `No single criterion's weight, however far it moved, would put another option ahead of ${name}.`;
  const clause = tippingPointClause(closest, names)!;
  return `How firm the lead is: ${escapeInline(clause)}.`;
}

function consequencesSection(record: DecisionRecord, names: NameLookup): string {
  const heading = "### Consequences";
  if (!record.decision) return `${heading}\n\nNone yet: no option has been chosen.`;
  const ratings = driverRatings(record, record.decision.option);
  const bullets = [
    ...ratings.filter((r) => ratingVerdict(r.score) === "strength").map((r) => `* Good, because ${ratingClause(r, names)}`),
    ...ratings.filter((r) => ratingVerdict(r.score) === "weakness").map((r) => `* Bad, because ${ratingClause(r, names)}`),
  ];
  if (!bullets.length)
    return `${heading}\n\nOn the decision drivers the chosen option has no strength (7 or more) and no weakness (4 or less).`;
  return `${heading}\n\n${bullets.join("\n")}`;
}

function confirmationSection(record: DecisionRecord, names: NameLookup): string {
  const closest = decisiveSensitivities(record.report.sensitivity)[0];
  const revisit = closest
    ? ` Revisit the decision if priorities shift that far: ${escapeInline(sensitivitySentence(closest, names)!)}.`
    : "";
  return (
    `### Confirmation\n\n` +
    `The exported JSON record carries the SHA-256 of its content (below); ` +
    `\`npm run -s cli -- verify FILE\` recomputes it and reports \`"valid": true\` only if nothing was changed.` +
    (record.imported ? ` This evaluation was imported from a record: its ballots were not cast here.` : "") +
    revisit
  );
}

function prosAndConsSection(record: DecisionRecord, names: NameLookup, sources: SourceNumbers): string {
  const verdictWord = { strength: "Good", neutral: "Neutral", weakness: "Bad" } as const;
  const order = { strength: 0, neutral: 1, weakness: 2 } as const;
  const drivers = driverKeys(record);
  const options = record.options.map((option) => {
    const ratings = driverRatings(record, option.key).sort((a, b) => order[ratingVerdict(a.score)] - order[ratingVerdict(b.score)]);
    const bullets = ratings.map((r) => ratingBullet(verdictWord[ratingVerdict(r.score)], r, names, sources));
    const parts = [`### ${escapeInline(option.name)}`];
    if (option.summary.trim()) parts.push(escapeParagraphs(option.summary));
    parts.push(bullets.length ? bullets.join("\n") : drivers.length ? "Not rated on the decision drivers." : "No ratings yet.");
    return parts.join("\n\n");
  });
  const scale =
    "On the decision drivers: Good means rated 7 or more out of 10, Bad 4 or less, Neutral 5 or 6, as on the option pages. " +
    "Source numbers refer to the list under More Information.";
  return `## Pros and Cons of the Options\n\n${scale}\n\n${options.join("\n\n")}`;
}

function ratingBullet(verdict: "Good" | "Neutral" | "Bad", rating: Rating, names: NameLookup, sources: SourceNumbers): string {
  return `* ${verdict}, because ${ratingClause(rating, names)}${citationNote(rating, sources)}`;
}

/** Sources are numbered in the order the record first cites them, and listed by title at the end. */
interface SourceNumbers {
  numberOf(citation: Citation): number;
  titles(): string[];
}

type Citation = Rating["citations"][number];

/**
 * A citation as the source list shows it: a built-in article by title and publisher, a team's own
 * source by its title linked to its https address (only https ever becomes a link).
 */
function sourceEntry(citation: Citation): { key: string; text: string } {
  if (citation.title) {
    const title = `“${escapeInline(citation.title)}”`;
    const url = citation.url && /^https:\/\//i.test(citation.url) ? citation.url : null;
    return { key: `${citation.title}\u0000${url ?? citation.source}`, text: url ? `[${title}](${linkTarget(url)})` : title };
  }
  const publisher = citationPublisher(citation.source);
  const title = citationTitle(citation.source);
  return { key: title, text: `“${escapeInline(title)}”${publisher ? `, ${escapeInline(publisher)}` : ""}` };
}

function sourceNumbers(): SourceNumbers {
  const keys: string[] = [];
  const texts: string[] = [];
  return {
    numberOf(citation) {
      const entry = sourceEntry(citation);
      if (!keys.includes(entry.key)) {
        keys.push(entry.key);
        texts.push(entry.text);
      }
      return keys.indexOf(entry.key) + 1;
    },
    titles: () => [...texts],
  };
}

/** The rating's sources by number, e.g. " (sources 1, 3)"; the numbers are listed by title in More Information. */
function citationNote(rating: Rating, sources: SourceNumbers): string {
  const numbers = [...new Set(rating.citations.map((c) => sources.numberOf(c)))].sort((a, b) => a - b);
  if (!numbers.length) return "";
  return ` (${numbers.length === 1 ? "source" : "sources"} ${numbers.join(", ")})`;
}

/** The option's ratings on the decision drivers, heaviest driver first. */
function driverRatings(record: DecisionRecord, option: string): Rating[] {
  const drivers = driverKeys(record);
  const position = new Map(drivers.map((key, i) => [key, i]));
  return record.ratings
    .filter((r) => r.option === option && position.has(r.criterion))
    .sort((a, b) => position.get(a.criterion)! - position.get(b.criterion)!);
}

function moreInformationSection(record: DecisionRecord, names: NameLookup, sources: SourceNumbers): string {
  const { evaluation, report } = record;
  const lines: string[] = [];
  if (record.url) {
    lines.push(`* Evaluation in Tradeoff: [${escapeInline(evaluation.title)}](${linkTarget(record.url)})`);
    const api = recordFileUrl(record.url, evaluation.id);
    if (api) {
      lines.push(
        `* Full numbers (every criterion, rating, citation and ballot): [JSON record](${linkTarget(`${api}.json`)}), ` +
          `[CSV, one row per option](${linkTarget(`${api}.csv?layout=wide`)}), [CSV for analysis](${linkTarget(`${api}.csv`)})`,
      );
    }
  } else {
    lines.push("* Full numbers (every criterion, rating, citation and ballot): the JSON and CSV records exported beside this file");
  }
  lines.push(`* Team: ${escapeInline(evaluation.team)}; round ${evaluation.round}; weights combined with the ${evaluation.aggregation}`);
  lines.push(`* Ballots: ${ballotStatistics(record)}`);
  const contested = report.consensus.mostContested.slice(0, 3).map((key) => escapeInline(names.criteria[key] ?? key));
  const overall = report.consensus.overall;
  lines.push(
    (typeof overall === "number"
      ? `* Consensus: ${formatWeight(overall)} overall (100% means identical ballots)`
      : "* Consensus: not measured (it needs at least two ballots)") +
      (contested.length ? `; most contested: ${contested.join(", ")}` : ""),
  );
  const inconsistent = Object.keys(report.consistency)
    .sort()
    .filter((voter) => report.consistency[voter] > CONSISTENCY_LIMIT)
    .map((voter) => `${escapeInline(voter)} (${report.consistency[voter].toFixed(2)})`);
  if (inconsistent.length) {
    lines.push(`* Pairwise ballots above Saaty's consistency limit of ${CONSISTENCY_LIMIT}: ${inconsistent.join(", ")}`);
  }
  lines.push(`* Audit trail: ${count(record.audit.length, "entry", "entries")}, in the JSON record`);
  lines.push(`* Ballot chain: ${count(record.ballotChain.length, "revision")}, head \`${record.ballotChain.headHash}\``);
  lines.push(`* Record SHA-256: \`${recordSha256(record)}\` (generated ${record.generatedAt})`);
  if (record.imported) lines.push(`* ${importedSentence(record.imported)}`);
  const cited = sources.titles();
  const list = cited.length ? `\n\nSources cited:\n\n${cited.map((title, i) => `${i + 1}. ${title}`).join("\n")}` : "";
  return `## More Information\n\n${lines.join("\n")}${list}`;
}

/** The API address of the record files beside the evaluation's page, without the extension. */
function recordFileUrl(pageUrl: string, evaluationId: string): string | null {
  try {
    return new URL(`/api/v1/evaluations/${encodeURIComponent(evaluationId)}/record`, pageUrl).toString();
  } catch {
    return null;
  }
}

function ballotStatistics(record: DecisionRecord): string {
  const round = record.evaluation.round;
  const current = record.ballots.filter((b) => b.round === round);
  const byMethod = (["points", "likert", "pairwise"] as const)
    .map((method) => [method, current.filter((b) => b.method === method).length] as const)
    .filter(([, n]) => n > 0)
    .map(([method, n]) => `${method} ${n}`);
  const earlier = record.ballots.length - current.length;
  // Counted from the ballots: an anonymised record lists no participants, and an imported
  // archive's voters are named by its record, not members of this team. Viewers cannot vote, so
  // they are not counted among those who could.
  const voters = new Set(current.map((b) => b.voter)).size;
  const eligible = record.participants.filter((p) => p.role !== "viewer").length;
  const from = record.participants.some((p) => p.voted)
    ? `${voters} of ${count(eligible, "member")} who could vote`
    : count(voters, "voter");
  return (
    `${count(current.length, "ballot")} in round ${round} from ${from}` +
    (byMethod.length ? ` (${byMethod.join(", ")})` : "") +
    (earlier ? `; ${count(earlier, "ballot")} in earlier rounds` : "") +
    (record.ballotsAnonymised ? "; ballots are anonymised" : "")
  );
}

function ratingClause(rating: Rating, names: NameLookup): string {
  const rationale = trimSentence(escapeInline(rating.rationale));
  return `${escapeInline(names.criteria[rating.criterion])} is rated ${formatRating(rating.score)}/10${rationale ? `: ${rationale}` : ""}`;
}

function nameLookup(record: DecisionRecord): NameLookup {
  return {
    options: Object.fromEntries(record.options.map((o) => [o.key, o.name])),
    criteria: Object.fromEntries(record.criteria.map((c) => [c.key, c.name])),
  };
}

/** YAML double-quoted scalar. JSON's escaping is valid YAML, except that YAML also wants DEL, C1 controls and line/paragraph separators escaped. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function yamlList(items: string[]): string {
  return `[${items.map(yamlString).join(", ")}]`;
}

/** A URL as a Markdown link target: characters that would end the target are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
}

/** "Accounts, admin …" → "accounts, admin …" after "because"; an acronym ("API …") keeps its capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Drops the final full stop so a clause can sit inside a generated sentence. */
function trimSentence(text: string): string {
  return text.replace(/[.\s]+$/, "");
}

/** Weighted scores, to two decimals so the table's column lines up. */
function formatScore(score: number): string {
  return score.toFixed(2);
}

/** A rating as people write it: "9", "7.5". */
function formatRating(score: number): string {
  return String(Number(score.toFixed(2)));
}

function percent(probability: number | null | undefined): string {
  // A win probability may be missing (not sampled); the table says so instead of inventing one.
  if (typeof probability !== "number") return "n/a";
  // Never "100%" or "0%" for what the sampling only found very likely or unlikely.
  if (probability >= 0.995 && probability < 1) return ">99%";
  if (probability <= 0.005 && probability > 0) return "<1%";
  return `${Math.round(probability * 100)}%`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
