import { execFileSync } from "node:child_process";
import path from "node:path";
import { E2E_DATABASE_FILE } from "../../playwright.config";

/** Runs the project's CLI against the e2e server's database file and parses its JSON output. */
export function cli<T = unknown>(...args: string[]): T {
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "cli/index.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${E2E_DATABASE_FILE}` },
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
