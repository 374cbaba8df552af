// `score --input FILE|-`: the engine report for an evaluation (docs/CONTRACTS.md).
// Input the schema refuses exits 2 with the fields named; that includes a missing rating, named
// by option and criterion, unless the input's `missingRatings` is "zero" or "midpoint".
import { computeReport, parseEngineInput } from "@/lib/engine";
import { parseOptions, printJson, readJsonInput, type Command } from "../command";

const score: Command = async (args) => {
  const { values } = parseOptions(args, { input: { type: "string" } });
  const input = parseEngineInput(readJsonInput(values.input, "--input"));
  printJson(computeReport(input));
  return 0;
};

export default score;
