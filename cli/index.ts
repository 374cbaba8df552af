// `npm run -s cli -- <command> [options]`: JSON on stdout; one clear message on stderr;
// exit code 2 for bad input or usage, 1 for anything else (docs/CONTRACTS.md).
import { AppError } from "@/lib/errors";
import { UsageError, type Command } from "./command";

const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  catalog: () => import("./commands/catalog"),
  recommend: () => import("./commands/recommend"),
  score: () => import("./commands/score"),
  demo: () => import("./commands/demo"),
  export: () => import("./commands/export"),
  verify: () => import("./commands/verify"),
  token: () => import("./commands/token"),
  outbox: () => import("./commands/outbox"),
  "copy-database": () => import("./commands/copy-database"),
};

const USAGE = `usage: npm run -s cli -- <command> [options]
commands:
  catalog                                   the knowledge base as JSON
  recommend --profile FILE|- [--format json|text]
                                            suggested weights, cited reasons and ranking for a project profile
  score --input FILE|-                      run the scoring engine on an evaluation
  demo                                      create the demo team and evaluations (idempotent)
  export --evaluation ID --format md|json|csv [--out FILE]
  verify FILE                               check an exported JSON record's integrity
  token create --email EMAIL [--name NAME]  create a personal API token
  outbox [--to EMAIL] [--limit N] [--json]  read the local mail outbox (email waits there when SMTP_URL is unset)
  copy-database --to postgresql://… [--batch N]
                                            copy this database into an empty, migrated PostgreSQL
                                            database and verify every evaluation there`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stderr.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) throw new UsageError(`unknown command "${name}"\n${USAGE}`);
  const command = (await load()).default;
  return command(args);
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof AppError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(["invalid", "bad_request", "too_large"].includes(error.code) ? 2 : 1);
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
