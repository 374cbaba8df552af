// The e2e server's database, for the few specs that must reach past the app (tampering with a row
// to prove the integrity check notices it): a Prisma client of the engine playwright.config.ts gave
// the server, a SQLite file or a PostgreSQL database. (lib/db/client.ts is server-only, so the
// generated clients are used directly; both have the same models and API.)
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/db/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "../../lib/db/generated/postgresql/client";
import { databaseEngine } from "../../lib/db/engine";
import { resolveDatabaseUrl } from "../../lib/db/url";
import { E2E_DATABASE_URL } from "../../playwright.config";

export type E2eDatabase = PrismaClient;

/** Runs `action` with a client of the e2e server's database, then disconnects it. */
export async function withE2eDatabase<T>(action: (db: E2eDatabase) => Promise<T>): Promise<T> {
  const url = resolveDatabaseUrl(E2E_DATABASE_URL);
  const db =
    databaseEngine(url) === "postgresql"
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
  try {
    return await action(db);
  } finally {
    await db.$disconnect();
  }
}
