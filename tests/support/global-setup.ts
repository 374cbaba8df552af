import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabase: string;
  }
}

/** Migrates one base SQLite database per run; each test file copies it (tests/support/db.ts). */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-test-"));
  const file = path.join(dir, "base.db");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  project.provide("baseDatabase", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
