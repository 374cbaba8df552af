// `npm start`: migrate the database, seed the demo, build if the sources changed, serve on :3000.
// Works on a fresh clone with nothing configured: SQLite file in ./data, a generated AUTH_SECRET.
// DATABASE_URL picks the engine (lib/db/engine.ts): `file:…` (default) or `postgresql://…`.
// - SQLite: migrations are applied on every start (an embedded file has no separate release step).
// - PostgreSQL: migrations are a release step (`npm run db:migrate`); start only checks that none is
//   pending, and applies them itself only with TRADEOFF_MIGRATE=1 or on first setup: a database
//   that does not exist yet (created here) or holds no tables at all, so that a fresh clone runs
//   with DATABASE_URL alone. A database that was migrated before is never migrated by start.
// - The demo team, whose password the README publishes, is seeded only on the embedded default
//   database (DATABASE_URL unset) or with TRADEOFF_DEMO=1; TRADEOFF_DEMO=0 turns it off everywhere.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(label, command, args, options = {}) {
  process.stdout.write(`› ${label}\n`);
  const result = spawnSync(command, args, {
    stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit",
    env: process.env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(`✗ ${label} failed (exit ${result.status}).\n`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

/** A persistent secret for session cookies, generated once, unless AUTH_SECRET is set. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(root, "data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "lib", "components", "proxy.ts", "next.config.js"].some((p) => {
    const full = path.join(root, p);
    return existsSync(full) && (statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs) > built;
  });
}

function fail(message, code = 2) {
  process.stderr.write(`✗ ${message}\n`);
  process.exit(code);
}

/** The same rule as lib/db/engine.ts (this script runs before anything is compiled). */
function engineOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  fail(`DATABASE_URL must be a SQLite "file:" url or a "postgresql://" url (got "${url.split(":")[0]}:")`);
}

/** The e2e suite starts from an empty database every run (never the developer's own). */
async function resetE2eDatabase(url, engine) {
  if (engine === "sqlite") {
    if (!url.includes("e2e")) fail("TRADEOFF_FRESH_DATABASE only resets an e2e database (its name must contain 'e2e').");
    // With the database go its WAL and shared-memory files: a stale WAL would be replayed into the new file.
    const file = path.resolve(url.slice("file:".length));
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]*e2e[a-z0-9_]*$/.test(name)) fail("TRADEOFF_FRESH_DATABASE only resets an e2e database (its name must contain 'e2e').");
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

const DEFAULT_DATABASE_URL = "file:./data/tradeoff.db";
const databaseUrl = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
const engine = engineOf(databaseUrl);
const embeddedDefault = engine === "sqlite" && path.resolve(databaseUrl.slice(5)) === path.resolve(DEFAULT_DATABASE_URL.slice(5));

if (process.env.TRADEOFF_FRESH_DATABASE === "1") await resetE2eDatabase(databaseUrl, engine);

ensureAuthSecret();
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.AUTH_TRUST_HOST ??= "true";

/**
 * First setup of a PostgreSQL database: creates it when it does not exist and answers whether it is
 * empty (no table in its public schema), in which case applying every migration is the only sensible
 * step. Anything else (a migrated database, a foreign one) is left to the release step.
 */
async function isFirstPostgresSetup(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    if (error?.code !== "3D000") fail(`Could not connect to PostgreSQL: ${error.message}`, 1);
    const server = new URL(url);
    server.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } finally {
      await admin.end();
    }
    process.stdout.write(`› Created the PostgreSQL database "${name}"\n`);
    return true;
  }
  try {
    const { rows } = await client.query("SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public'");
    return rows[0].tables === 0;
  } finally {
    await client.end();
  }
}

const migrateAtStart =
  engine === "sqlite" ||
  process.env.TRADEOFF_MIGRATE === "1" ||
  (process.env.TRADEOFF_MIGRATE !== "0" && (await isFirstPostgresSetup(databaseUrl)));
if (migrateAtStart) {
  run(`Applying database migrations (${engine})`, bin("prisma"), ["migrate", "deploy"], { capture: true });
} else {
  process.stdout.write("› Checking that the PostgreSQL database is migrated\n");
  const status = spawnSync(bin("prisma"), ["migrate", "status"], { env: process.env, encoding: "utf8" });
  if (status.status !== 0) {
    const out = `${status.stdout}\n${status.stderr}`;
    const pending = out.match(/not yet been applied:\n([\s\S]*?)\n\n/);
    if (pending) {
      fail(
        `The PostgreSQL database is not migrated (pending: ${pending[1].trim().split("\n").join(", ")}).\n` +
          "  Run `npm run db:migrate` (the release step), or start with TRADEOFF_MIGRATE=1.",
      );
    }
    const error = out.split("\n").filter((line) => /error|can't|failed/i.test(line));
    fail(
      `Could not check the PostgreSQL database's migrations:\n  ${(error.length ? error : out.trim().split("\n").slice(-3)).join("\n  ")}`,
      1,
    );
  }
}

const demoWanted = process.env.TRADEOFF_DEMO === "1" || (process.env.TRADEOFF_DEMO !== "0" && embeddedDefault);
const demo = demoWanted
  ? JSON.parse(run("Seeding the demo team", bin("tsx"), ["--conditions=react-server", "cli/index.ts", "demo"], { capture: true }))
  : null;
if (buildIsStale()) run("Building the app (first start or changed sources)", bin("next"), ["build"]);

const port = process.env.PORT ?? "3000";
process.stdout.write(
  `\nTradeoff is starting at http://localhost:${port} (${engine === "sqlite" ? "SQLite" : "PostgreSQL"})\n` +
    (demo
      ? `Demo sign-in: ${demo.users[0].email} / ${demo.users[0].password} (owner); ` +
        `also ${demo.users
          .slice(1)
          .map((u) => u.email)
          .join(", ")} with the same password.\n\n`
      : "No demo team seeded (it has a published password): TRADEOFF_DEMO=1 seeds it, as does `npm run -s cli -- demo`.\n\n"),
);
const server = spawn(bin("next"), ["start", "-p", port], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
