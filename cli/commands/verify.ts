// `verify FILE`: checks an exported JSON decision record's integrity and prints { valid, sha256 }.
// Exit 0 when the content matches its hash, 1 when it does not; unreadable, non-JSON or malformed
// files are bad input (exit 2, via the dispatcher's handling of UsageError and AppError).
import { verifyRecord } from "@/lib/export/integrity";
import { parseOptions, printJson, readJsonInput, UsageError, type Command } from "../command";

const verify: Command = async (args) => {
  const { positionals } = parseOptions(args, {}, true);
  if (positionals.length > 1) throw new UsageError("verify takes one FILE");
  const json = readJsonInput(positionals[0], "verify");
  const { valid, sha256, reason } = verifyRecord(json);
  printJson({ valid, sha256 });
  if (reason) process.stderr.write(`${reason}\n`);
  return valid ? 0 : 1;
};

export default verify;
