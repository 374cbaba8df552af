// `recommend --profile FILE|-`: suggested weights, why, and the ranking of the catalog's options.
// A bad profile is an AppError("invalid") naming the field, which cli/index.ts turns into exit 2.
import { recommend as recommendFor } from "@/lib/catalog";
import { parseOptions, printJson, readJsonInput, type Command } from "../command";

const recommend: Command = async (args) => {
  const { values } = parseOptions(args, { profile: { type: "string" } });
  const profile = readJsonInput(values.profile, "--profile");
  const { weights, explanations, ranking } = recommendFor(profile);
  printJson({
    weights,
    explanations: explanations.map(({ criterion, reason, citations, rule, change }) => ({
      criterion,
      reason,
      citations,
      rule,
      change,
    })),
    ranking: ranking.map(({ option, score, rank }) => ({ option, score, rank })),
  });
  return 0;
};

export default recommend;
