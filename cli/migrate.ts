import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { databaseEngine, PRISMA_FILES } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";

// Migrations are a release step (`npm run db:migrate`), not a side effect of every command. The one
// exception is a local SQLite file: `demo` on a fresh clone migrates it first, as `npm start` does.

/** Applies pending migrations to the database DATABASE_URL names (either engine). */
export async function migrateDatabase(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: resolveDatabaseUrl(process.env.DATABASE_URL) };
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], { env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    // The schema engine locks a SQLite file exclusively, which a WAL-mode file allows only while no
    // other process has it open; Prisma reports the busy file as an unknown "SocketTimeout".
    const busy = /SocketTimeout|SQLITE_BUSY|database is locked/.test(stderr)
      ? " (the SQLite file is in use: stop the app, then migrate)"
      : "";
    throw new Error(`database migration failed${busy}: ${stderr.trim().split("\n").slice(-3).join(" ")}`);
  }
}

/** The migrations this build has that the database lacks (one query of Prisma's `_prisma_migrations`). */
async function pendingMigrations(): Promise<string[]> {
  const dir = PRISMA_FILES[databaseEngine(resolveDatabaseUrl(process.env.DATABASE_URL))].migrations;
  const expected = readdirSync(path.resolve(dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const { db } = await import("@/lib/db/client");
  let applied: string[];
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = rows.map((row) => row.migration_name);
  } catch {
    applied = []; // no migration table: a database nothing was ever applied to
  }
  return expected.filter((name) => !applied.includes(name));
}

const pendingError = (pending: string[]) =>
  new Error(`the database has ${pending.length} pending migration(s) (${pending.join(", ")}): run \`npm run db:migrate\` first`);

/**
 * For commands that write a fresh local database (`demo`): migrates a SQLite file that needs it, so
 * they work on a fresh clone; on PostgreSQL only checks that the release step ran. An up-to-date file
 * is left alone, so this also works while the app is running on it.
 */
export async function prepareLocalDatabase(): Promise<void> {
  const pending = await pendingMigrations();
  if (pending.length === 0) return;
  if (databaseEngine(resolveDatabaseUrl(process.env.DATABASE_URL)) !== "sqlite") throw pendingError(pending);
  // This process's own connection would keep the schema engine from locking the file.
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await migrateDatabase();
}

/** Fails with what to run when the database lacks a migration this build has (else a command would stop on a missing table). */
export async function requireMigratedDatabase(): Promise<void> {
  const pending = await pendingMigrations();
  if (pending.length > 0) throw pendingError(pending);
}
