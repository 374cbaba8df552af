import { execFileSync } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE_URL } from "../../playwright.config";

/** Runs the project's CLI against the e2e server's database (either engine) and parses its JSON output. */
export function cli<T = unknown>(...args: string[]): T {
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "cli/index.ts", ...args], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  });
  return JSON.parse(out) as T;
}

export interface Demo {
  teamId: string;
  evaluationId: string;
  votingEvaluationId: string;
  users: { email: string; password: string }[];
}
