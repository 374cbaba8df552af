import { recordSha256 } from "./integrity";
import { escapeInline, escapeParagraphs, escapeTableCell } from "./markdown-escape";
import type { DecisionRecord } from "./record-schema";
import { decisiveSensitivities, formatWeight, sensitivitySentence, type NameLookup } from "./sensitivity";
import { madrStakeholders } from "./stakeholders";

// The decision record as an Architectural Decision Record in MADR 4.0 form
// (https://adr.github.io/madr/), ready to commit to a repository's docs/decisions/.
// Deterministic: the same record always renders the same bytes.

type Rating = DecisionRecord["ratings"][number];

/** Pairwise consistency ratios above this are flagged, as Saaty suggests and the UI does. */
const CONSISTENCY_LIMIT = 0.1;

export function renderMadr(record: DecisionRecord): string {
  const names = nameLookup(record);
  const sections = [
    frontMatter(record),
    `# ${escapeInline(record.evaluation.title)}`,
    contextSection(record),
    driversSection(record, names),
    optionsSection(record),
    outcomeSection(record, names),
    consequencesSection(record, names),
    confirmationSection(record, names),
    prosAndConsSection(record, names),
    moreInformationSection(record, names),
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
  const contested = record.report.consensus.mostContested[0];
  const byWeight = [...record.criteria].sort((a, b) => (record.weights[b.key] ?? 0) - (record.weights[a.key] ?? 0));
  const bullets = byWeight.map((criterion) => {
    const consensus = record.report.consensus.byCriterion[criterion.key];
    const facts = [
      `weight ${formatWeight(record.weights[criterion.key] ?? 0)}`,
      `consensus ${consensus === undefined ? "n/a" : formatWeight(consensus)}`,
      ...(criterion.key === contested ? ["most contested"] : []),
    ].join(", ");
    const description = criterion.description.trim() ? `: ${escapeInline(criterion.description)}` : "";
    return `* ${escapeInline(names.criteria[criterion.key])} (${facts})${description}`;
  });
  return `## Decision Drivers\n\n${bullets.join("\n")}`;
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
      trimSentence(escapeInline(decision.rationale)) ||
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
  paragraphs.push(tippingPoints(record, names));
  return `## Decision Outcome\n\n${paragraphs.join("\n\n")}`;
}

function scoreTable(record: DecisionRecord, names: NameLookup): string {
  const rows = record.report.ranking.map(
    (entry) =>
      `| ${entry.rank} | ${escapeTableCell(names.options[entry.option])} | ${formatScore(entry.score)} | ${percent(entry.winProbability)} |`,
  );
  return ["| Rank | Option | Score (0-10) | Win probability |", "| ---: | --- | ---: | ---: |", ...rows].join("\n");
}

function tippingPoints(record: DecisionRecord, names: NameLookup): string {
  const sentences = decisiveSensitivities(record.report.sensitivity).map((entry) => sensitivitySentence(entry, names)!);
  if (!sentences.length) return "No single criterion's weight between 0 and 1 would change the leader.";
  const bullets = sentences.map((sentence) => `* ${escapeInline(sentence)}.`);
  return `Sensitivity (one weight changing, the others keeping their proportions):\n\n${bullets.join("\n")}`;
}

function consequencesSection(record: DecisionRecord, names: NameLookup): string {
  const heading = "### Consequences";
  if (!record.decision) return `${heading}\n\nNone yet: no option has been chosen.`;
  const ratings = ratingsOf(record, record.decision.option);
  const bullets = [
    ...ratings.filter((r) => r.score >= 7).map((r) => `* Good, because ${ratingClause(r, names)}`),
    ...ratings.filter((r) => r.score <= 3).map((r) => `* Bad, because ${ratingClause(r, names)}`),
  ];
  if (!bullets.length) return `${heading}\n\nNo criterion rates the chosen option 7 or above, or 3 or below.`;
  return `${heading}\n\n${bullets.join("\n")}`;
}

function confirmationSection(record: DecisionRecord, names: NameLookup): string {
  const closest = decisiveSensitivities(record.report.sensitivity)[0];
  const revisit = closest
    ? ` Revisit the decision if priorities shift that far: ${escapeInline(sensitivitySentence(closest, names)!)}.`
    : "";
  return (
    `### Confirmation\n\n` +
    `The exported JSON record carries the SHA-256 of its content, \`${recordSha256(record)}\`; ` +
    `\`npm run -s cli -- verify FILE\` recomputes it and reports \`"valid": true\` only if nothing was changed. ` +
    `The ${count(record.ballotChain.length, "ballot revision")} behind the ballots are hash-chained, ending in ` +
    `\`${record.ballotChain.headHash}\`.` +
    (record.imported
      ? ` This evaluation was imported from a record whose SHA-256 was \`${record.imported.sha256}\`: ` +
        `the chain starts at the import, and matches the record it was imported from, not votes cast here.`
      : "") +
    revisit
  );
}

function prosAndConsSection(record: DecisionRecord, names: NameLookup): string {
  const options = record.options.map((option) => {
    const ratings = ratingsOf(record, option.key);
    const bullets = [
      ...ratings.filter((r) => r.score >= 7).map((r) => ratingBullet("Good", r, names)),
      ...ratings.filter((r) => r.score > 3 && r.score < 7).map((r) => ratingBullet("Neutral", r, names)),
      ...ratings.filter((r) => r.score <= 3).map((r) => ratingBullet("Bad", r, names)),
    ];
    const parts = [`### ${escapeInline(option.name)}`];
    if (option.summary.trim()) parts.push(escapeParagraphs(option.summary));
    parts.push(bullets.length ? bullets.join("\n") : "No ratings yet.");
    return parts.join("\n\n");
  });
  return `## Pros and Cons of the Options\n\n${options.join("\n\n")}`;
}

function ratingBullet(verdict: "Good" | "Neutral" | "Bad", rating: Rating, names: NameLookup): string {
  // Indented two spaces, a quote stays inside its bullet; "  >" alone separates two quotes.
  const quotes = rating.citations.map((c) => `  > “${escapeInline(c.quote)}” (${escapeInline(c.source)})`);
  return [`* ${verdict}, because ${ratingClause(rating, names)}`, ...interleave(quotes, "  >")].join("\n");
}

function moreInformationSection(record: DecisionRecord, names: NameLookup): string {
  const { evaluation, report } = record;
  const lines: string[] = [];
  if (record.url) lines.push(`* Evaluation in Tradeoff: [${escapeInline(evaluation.title)}](${linkTarget(record.url)})`);
  lines.push(`* Team: ${escapeInline(evaluation.team)}; round ${evaluation.round}; aggregation: ${evaluation.aggregation}`);
  lines.push(`* Ballots: ${ballotStatistics(record)}`);
  const contested = report.consensus.mostContested.map((key) => escapeInline(names.criteria[key] ?? key));
  lines.push(
    `* Consensus: ${formatWeight(report.consensus.overall)} overall (1 means identical ballots)` +
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
  return `## More Information\n\n${lines.join("\n")}`;
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
  // archive's voters are named by its record, not members of this team.
  const voters = new Set(current.map((b) => b.voter)).size;
  const from = record.participants.some((p) => p.voted)
    ? `${voters} of ${count(record.participants.length, "participant")}`
    : count(voters, "voter");
  return (
    `${count(current.length, "ballot")} in round ${round} from ${from}` +
    (byMethod.length ? ` (${byMethod.join(", ")})` : "") +
    (earlier ? `; ${count(earlier, "ballot")} in earlier rounds` : "") +
    (record.ballotsAnonymised ? "; ballots are anonymised" : "")
  );
}

/** The option's ratings in the criteria's order. */
function ratingsOf(record: DecisionRecord, option: string): Rating[] {
  const order = new Map(record.criteria.map((c, i) => [c.key, i]));
  return record.ratings.filter((r) => r.option === option).sort((a, b) => order.get(a.criterion)! - order.get(b.criterion)!);
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

function percent(probability: number): string {
  return `${Math.round(probability * 100)}%`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function interleave(items: string[], separator: string): string[] {
  return items.flatMap((item, i) => (i ? [separator, item] : [item]));
}
