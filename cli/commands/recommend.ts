// `recommend --profile FILE|- [--format json|text]`: suggested weights, why, and the ranking of the
// catalog's options. JSON (the default) keeps docs/CONTRACTS.md's fields and adds a summary,
// the starting point and, per reason, the framework it favours, by how much and the article titles;
// `--format text` prints the same advice for people. A bad profile is an AppError("invalid") naming
// the field, which cli/index.ts turns into exit 2.
import { getCatalog, parseProfile, recommend as recommendFor, sourceTitle, type Citation } from "@/lib/catalog";
import { formatAdvice } from "@/lib/catalog/advice-text";
import { parseOptions, printJson, readJsonInput, UsageError, type Command } from "../command";

const withTitle = (citations: Citation[]) => citations.map(({ source, quote }) => ({ source, quote, title: sourceTitle(source) }));

const recommend: Command = async (args) => {
  const { values } = parseOptions(args, { profile: { type: "string" }, format: { type: "string", default: "json" } });
  if (values.format !== "json" && values.format !== "text") throw new UsageError("--format must be json or text");
  const profile = parseProfile(readJsonInput(values.profile, "--profile"));
  const result = recommendFor(profile);
  if (values.format === "text") {
    process.stdout.write(formatAdvice(profile, result, getCatalog()));
    return 0;
  }
  const { weights, explanations, ranking, summary, startingPoint } = result;
  printJson({
    weights,
    explanations: explanations.map(({ criterion, reason, citations, rule, change, changes, favours, shift, otherSide }) => ({
      criterion,
      reason,
      citations: withTitle(citations),
      rule,
      change,
      changes,
      favours,
      shift,
      ...(otherSide ? { otherSide: { ...otherSide, citations: withTitle(otherSide.citations) } } : {}),
    })),
    ranking: ranking.map(({ option, score, rank }) => ({ option, score, rank })),
    summary,
    startingPoint,
  });
  return 0;
};

export default recommend;
