import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/db/generated/postgresql/client";
import { databaseEngine } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";

/** Milliseconds a statement waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Connection settings for concurrent web load, run on every connection the client opens:
 * - WAL: readers (the app's, the CLI's, `prisma migrate`'s) no longer block on a writer, and a
 *   commit appends to the `-wal` file instead of rewriting pages through a rollback journal.
 *   The mode is stored in the database file, so other tools opening it use WAL too.
 * - synchronous=NORMAL: in WAL mode a commit is not fsynced, the WAL is at checkpoints; a power
 *   cut can lose the last transactions but never corrupts the database.
 * - busy_timeout: another process holding the write lock is waited for, not an immediate error.
 */
const SQLITE_PRAGMAS = `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`;

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/** The better-sqlite3 adapter, with the PRAGMAs above applied when Prisma connects. */
class TunedBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    yieldBetweenTransactions(adapter);
    closeOnExit(adapter);
    return adapter;
  }
}

/**
 * One process has one SQLite connection, and the adapter runs its transactions one at a time.
 * better-sqlite3 is synchronous, so a queued transaction starts, runs and commits in promise
 * callbacks alone: under a burst of writes (200 voters at once) the whole queue ran back to back
 * without the event loop turning, freezing the server for seconds; no request was read, and Node
 * closed keep-alive connections whose 5 s timeout had passed meanwhile, resetting the requests
 * waiting on them. Here each transaction waits for its turn in a FIFO, then for one turn of the
 * event loop, before it begins: between two transactions, pending I/O and timers always run.
 */
function yieldBetweenTransactions(adapter: Adapter) {
  const startTransaction = adapter.startTransaction.bind(adapter);
  let queue: Promise<void> = Promise.resolve();
  adapter.startTransaction = async (isolationLevel) => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const turn = queue;
    queue = queue.then(() => done);
    await turn;
    await new Promise<void>((resolve) => setImmediate(resolve));
    let transaction: Awaited<ReturnType<typeof startTransaction>>;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    const { commit, rollback } = transaction;
    transaction.commit = () => commit.call(transaction).finally(release);
    transaction.rollback = () => rollback.call(transaction).finally(release);
    return transaction;
  };
}

/**
 * Closes the connection when the process exits (better-sqlite3 closes synchronously): the last
 * connection to close checkpoints the WAL into the database file and deletes `-wal` and `-shm`,
 * so a database file copied after the app or the CLI stopped holds every committed write.
 */
function closeOnExit(adapter: Adapter) {
  process.once("exit", () => {
    try {
      void adapter.dispose().catch(() => {});
    } catch {
      // already closed, or closing mid-statement: SQLite recovers the WAL on the next open
    }
  });
}

/**
 * The engine DATABASE_URL names (lib/db/engine.ts): SQLite for `file:` urls, PostgreSQL for
 * `postgresql://` urls. Both generated clients come from the same models (the PostgreSQL schema is
 * rendered from the SQLite one, and tests/integration/postgres-drift.test.ts checks it), so the app
 * sees one client type: the SQLite client's, whose API is the common subset of the two (PostgreSQL
 * adds only provider extras, such as case-insensitive filters and more isolation levels, that the
 * app must not use). TypeScript cannot compare the two generated declaration sets structurally,
 * hence the cast.
 */
function createClient(): PrismaClient {
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  const client =
    databaseEngine(url) === "postgresql"
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }), ...queryLogOptions() }) as unknown as PrismaClient)
      : new PrismaClient({ adapter: new TunedBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }), ...queryLogOptions() });
  if (countingQueries()) {
    (client as unknown as { $on(event: "query", listener: (e: { query: string }) => void): void }).$on("query", (e) => {
      queryCounter.count++;
      queryCounter.statements.push(e.query);
    });
  }
  return client;
}

// `TRADEOFF_COUNT_QUERIES=1` (the bench's query count, bench/queries.ts): every SQL statement the
// client sends is counted. Off by default: Prisma then builds no query events at all.
const countingQueries = () => process.env.TRADEOFF_COUNT_QUERIES === "1";
const queryLogOptions = () => ({ log: countingQueries() ? [{ emit: "event" as const, level: "query" as const }] : [] });
const queryCounter = { count: 0, statements: [] as string[] };

/** SQL statements sent since the last call, when TRADEOFF_COUNT_QUERIES=1 (bench only). */
export function takeQueryCount(): { count: number; statements: string[] } {
  const taken = { count: queryCounter.count, statements: queryCounter.statements };
  queryCounter.count = 0;
  queryCounter.statements = [];
  return taken;
}

// One client per process; kept on globalThis so Next's dev reloads do not open a new one each time.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };
export const db = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/**
 * One cheap read of a migrated table (`/api/v1/ready`): fails when the file cannot be opened, is
 * not a database, or lacks the schema. Infrastructure, not team data: it selects no row's content.
 */
export async function pingDatabase(): Promise<void> {
  await db.user.findFirst({ select: { id: true } });
}

export type Db = typeof db;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
