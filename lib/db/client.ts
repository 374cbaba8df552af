import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/db/generated/client";
import { resolveDatabaseUrl } from "@/lib/db/url";

function createClient() {
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" url for this build (got "${url.split(":")[0]}:")`);
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

// One client per process; kept on globalThis so Next's dev reloads do not open a new one each time.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };
export const db = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = typeof db;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
