// `npm run test:postgres`: the integration tests (TEST_DATABASE=postgres) and then the e2e suite
// (E2E_DATABASE=postgres) on the PostgreSQL server POSTGRES_TEST_URL names (default
// postgresql://postgres@127.0.0.1:5432/postgres; trust or password in the url). Each integration
// test file and each e2e run gets its own fresh database there, dropped or reset afterwards.
// Without a server it says plainly that it skipped and exits 0; with CI=true that is a failure.
// `-- --integration` or `-- --e2e` runs one half.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const url = process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const only = process.argv.slice(2);
const parts = only.length ? only : ["--integration", "--e2e"];

async function unavailable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const reason = await unavailable();
if (reason) {
  if (process.env.CI) {
    process.stderr.write(`✗ test:postgres: no PostgreSQL server at ${url} (${reason}). CI must run the PostgreSQL suite.\n`);
    process.exit(1);
  }
  process.stdout.write(
    `SKIPPED test:postgres: no PostgreSQL server at ${url} (${reason}).\n` +
      `Nothing was tested on PostgreSQL. Point POSTGRES_TEST_URL at a server (a user allowed to CREATE DATABASE) to run it.\n`,
  );
  process.exit(0);
}

function run(label, command, args, env) {
  process.stdout.write(`› ${label}\n`);
  const result = spawnSync(path.join(root, "node_modules", ".bin", command), args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, POSTGRES_TEST_URL: url, ...env },
  });
  if (result.status !== 0) {
    process.stderr.write(`✗ ${label} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status || 1);
  }
}

if (parts.includes("--integration")) {
  run("Integration tests on PostgreSQL", "vitest", ["run", "tests/integration"], { TEST_DATABASE: "postgres" });
}
if (parts.includes("--e2e")) {
  run("End-to-end tests on PostgreSQL", "playwright", ["test"], { E2E_DATABASE: "postgres" });
}
