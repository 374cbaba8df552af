/**
 * Tradeoff runs on one of two engines, chosen by DATABASE_URL when a process starts:
 * - `file:…` (the default): SQLite, embedded, zero set-up;
 * - `postgresql://…` (or `postgres://…`): PostgreSQL, for several server processes.
 *
 * prisma/schema.prisma (SQLite) is the one source of the data model. prisma/postgres/schema.prisma
 * is generated from it (`npm run db:generate`, scripts/postgres-schema.ts) with the provider and the
 * client's output swapped, and has its own migration history: Prisma pins the SQL dialect per
 * migrations folder. tests/integration/postgres-drift.test.ts fails when either drifts.
 */
export type DatabaseEngine = "sqlite" | "postgresql";

/** The engine a (resolved) DATABASE_URL names; anything else is refused with a message saying what is accepted. */
export function databaseEngine(url: string): DatabaseEngine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a SQLite "file:" url or a "postgresql://" url (got "${url.split(":")[0]}:")`);
}

/** Each engine's Prisma schema and migration history, relative to the project root. */
export const PRISMA_FILES: Record<DatabaseEngine, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};
