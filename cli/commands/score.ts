// `score --input FILE|-`: the engine report for an evaluation (../shared/CONTRACTS.md).
import { computeReport, parseEngineInput } from "@/lib/engine";
import { parseOptions, printJson, readJsonInput, type Command } from "../command";

const score: Command = async (args) => {
  const { values } = parseOptions(args, { input: { type: "string" } });
  const input = parseEngineInput(readJsonInput(values.input, "--input"));
  printJson(computeReport(input));
  return 0;
};

export default score;
