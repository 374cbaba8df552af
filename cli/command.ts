import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { AppError } from "@/lib/errors";

/** A CLI command: receives its own arguments, writes its output, returns the exit code. */
export type Command = (args: string[]) => Promise<number>;

/** Bad usage or input: exit code 2. */
export class UsageError extends Error {}

export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads a JSON file, or standard input for "-"; unreadable or malformed input is a usage error. */
export function readJsonInput(file: string | undefined, flag: string): unknown {
  if (!file) throw new UsageError(`${flag} FILE is required ("-" reads standard input)`);
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${flag} ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `${flag} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}
