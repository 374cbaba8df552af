import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { withDatabaseName } from "@/lib/db/url";
import { ident, onServer, POSTGRES_TEST_URL, postgresUnavailable } from "./postgres";

/** What each test file copies its own database from (tests/support/db.ts). */
export type TestDatabase =
  { engine: "sqlite"; file: string } | { engine: "postgresql"; serverUrl: string; template: string; prefix: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

function migrate(url: string) {
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

/**
 * Migrates one base database per run; each test file gets a fresh copy of it. SQLite by default (a
 * file copied per test file); PostgreSQL when TEST_DATABASE=postgres (a template database, and
 * `CREATE DATABASE … TEMPLATE` per test file), on the server POSTGRES_TEST_URL names.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE === "postgres") return setupPostgres(project);
  if (process.env.TEST_DATABASE && process.env.TEST_DATABASE !== "sqlite") {
    throw new Error(`TEST_DATABASE must be "sqlite" (the default) or "postgres", not "${process.env.TEST_DATABASE}"`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-test-"));
  const file = path.join(dir, "base.db");
  migrate(`file:${file}`);
  project.provide("testDatabase", { engine: "sqlite", file });
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  // Asked for explicitly, so a missing server is an error here; `npm run test:postgres` is what
  // says "skipped" on a machine without one (scripts/test-postgres.mjs).
  const unavailable = await postgresUnavailable();
  if (unavailable) {
    throw new Error(
      `TEST_DATABASE=postgres, but no PostgreSQL server answers at ${POSTGRES_TEST_URL} (${unavailable}). Set POSTGRES_TEST_URL.`,
    );
  }
  const prefix = `tradeoff_test_${randomBytes(4).toString("hex")}`;
  const template = `${prefix}_template`;
  await onServer(POSTGRES_TEST_URL, `CREATE DATABASE ${ident(template)}`);
  migrate(withDatabaseName(POSTGRES_TEST_URL, template));
  project.provide("testDatabase", { engine: "postgresql", serverUrl: POSTGRES_TEST_URL, template, prefix });
  return async () => {
    // Each test file drops its own database; this also catches a file that crashed before it could.
    const client = new Client({ connectionString: POSTGRES_TEST_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
