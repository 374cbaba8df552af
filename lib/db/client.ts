import "server-only";
import { randomInt } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/db/generated/postgresql/client";
import { databaseEngine, type DatabaseEngine } from "@/lib/db/engine";
import { prismaSql, type SqlTx } from "@/lib/db/sql";
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
    sqliteWriteQueue.prepare = reusePreparedStatements(adapter);
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
 * The queue's length and pace are kept in `sqliteWriteQueue`, for admitWriteTransaction.
 */
function yieldBetweenTransactions(adapter: Adapter) {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const letGo = await takeSqliteWriteTurn();
    let transaction: Awaited<ReturnType<typeof startTransaction>>;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      letGo();
      throw error;
    }
    const { commit, rollback } = transaction;
    transaction.commit = () => commit.call(transaction).finally(letGo);
    transaction.rollback = () => rollback.call(transaction).finally(letGo);
    return transaction;
  };
}

/**
 * Waits for this process's turn to write (a FIFO shared by Prisma's transactions and the driver's,
 * lib/db/driver.ts), then for one turn of the event loop; returns the function that
 * ends the turn, to be called once the transaction has committed or rolled back. A turn taken
 * for a group of transactions that count themselves as waiting is not `counted` again.
 */
export async function takeSqliteWriteTurn(options: { counted: boolean } = { counted: true }): Promise<() => void> {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const turn = sqliteWriteQueue.tail;
  sqliteWriteQueue.tail = turn.then(() => done);
  if (options.counted) sqliteWriteQueue.waiting++;
  await turn;
  if (options.counted) sqliteWriteQueue.waiting--;
  const turnStarted = performance.now();
  await new Promise<void>((resolve) => setImmediate(resolve));
  return () => {
    sqliteWriteQueue.noteTurn(performance.now() - turnStarted);
    release();
  };
}

/**
 * The SQLite transaction queue of this process (yieldBetweenTransactions): how many transactions
 * wait for their turn, and how long a turn takes (an exponentially weighted mean, in ms, of each
 * transaction's time from its turn coming to its commit or rollback, the event-loop turn before it
 * included). Their product is how long a transaction queued now would wait. It also holds the
 * queue's tail and the connection's statement cache, which driver-level transactions
 * (lib/db/driver.ts) use. Kept on globalThis beside the client (below), which dev
 * reloads reuse together with its adapter.
 */
export const sqliteWriteQueue = ((globalThis as unknown as { sqliteWriteQueue?: ReturnType<typeof writeQueue> }).sqliteWriteQueue ??=
  writeQueue());

function writeQueue() {
  return {
    /** settles when the last transaction queued so far has ended */
    tail: Promise.resolve() as Promise<void>,
    /** the connection's kept prepared statement for a SQL text; set when Prisma connects (`db.$connect()`) */
    prepare: null as ((sql: string) => Statement) | null,
    waiting: 0,
    turnMs: 5,
    /**
     * The longest expected wait a new write transaction is queued for (ms); beyond it, it is refused
     * at once. Below withEvaluation's maxWait (10 s), so what is admitted starts in time even when
     * the estimate is a little short.
     */
    budgetMs: 8_000,
    /**
     * Transactions always admitted, whatever the estimate: the estimate follows the machine's load
     * (a turn includes the event loop's other work) and overshot 2x under a 50-connection burst on
     * a loaded machine, refusing ballots that would have started in time. 256 is above the bursts
     * the app is sized for (200 voters at once); beyond it, the budget decides.
     */
    alwaysAdmitted: 256,
    noteTurn(ms: number) {
      this.turnMs += (ms - this.turnMs) * 0.1;
    },
    expectedWaitMs() {
      return this.waiting * this.turnMs;
    },
  };
}

/**
 * Refuses a write transaction the SQLite queue could not start within its budget, before it is
 * queued (once more than `alwaysAdmitted` wait): Prisma's own P2028 ("unable to start a transaction in the given time"), which the API
 * answers 503 with Retry-After (lib/http/api.ts), at once instead of after waiting 10 s for
 * nothing and while holding a place in the queue. Nothing has been written. On PostgreSQL a no-op:
 * the pool and row locks queue there, and a connection waits in the database, not in this process.
 */
export function admitWriteTransaction(): void {
  if (engineOfClient !== "sqlite" || sqliteWriteQueue.waiting < sqliteWriteQueue.alwaysAdmitted) return;
  const wait = sqliteWriteQueue.expectedWaitMs();
  if (wait <= sqliteWriteQueue.budgetMs) return;
  throw new Prisma.PrismaClientKnownRequestError(
    `Transaction API error: Unable to start a transaction in the given time (${sqliteWriteQueue.waiting} transactions queued, about ${Math.round(wait)} ms to wait).`,
    {
      code: "P2028",
      clientVersion: Prisma.prismaVersion.client,
      meta: { queued: sqliteWriteQueue.waiting, expectedWaitMs: Math.round(wait) },
    },
  );
}

/** What the adapter and the driver's transactions use of a better-sqlite3 statement (@prisma/adapter-better-sqlite3 6.19). */
export interface Statement {
  reader: boolean;
  run(...args: unknown[]): { changes: number };
  columns(): { name: string; type: string | null }[];
  raw(toggle?: boolean): Statement;
  all(...args: unknown[]): unknown[];
}

/** Statements kept prepared per connection: the app's distinct SQL texts (ORM and raw) number a few hundred. */
const PREPARED_STATEMENTS_KEPT = 1000;

/**
 * The adapter prepares every statement anew (`client.prepare(sql).bind(args)`), and SQLite's
 * parse and plan was ~4% of a ballot's server CPU. Here the connection keeps each SQL text's
 * prepared statement (least recently used dropped past PREPARED_STATEMENTS_KEPT) and hands the
 * adapter a view whose `bind(args)` passes the arguments to each call instead: better-sqlite3
 * binds a statement for good, and runs one statement at a time, synchronously, so reuse is safe.
 */
function reusePreparedStatements(adapter: Adapter): (sql: string) => Statement {
  const database = (adapter as unknown as { client: { prepare(sql: string): unknown } }).client;
  const prepare = database.prepare.bind(database) as (sql: string) => Statement;
  const kept = new Map<string, Statement>();
  const preparedOnce = (sql: string) => {
    let statement = kept.get(sql);
    if (statement) {
      kept.delete(sql);
    } else {
      statement = prepare(sql);
      if (kept.size >= PREPARED_STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return statement;
  };
  database.prepare = (sql: string) => boundView(preparedOnce(sql));
  return preparedOnce;
}

function boundView(statement: Statement) {
  const withArgs = (args: unknown[]) => ({
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  });
  return {
    reader: statement.reader,
    run: () => statement.run(),
    columns: () => statement.columns(),
    bind: (args: unknown[]) => withArgs(args),
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
const engineOfClient = databaseEngine(resolveDatabaseUrl(process.env.DATABASE_URL));

// One client per process; kept on globalThis so Next's dev reloads do not open a new one each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; postgresPool?: pg.Pool };

function createClient(): PrismaClient {
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  let client: PrismaClient;
  if (databaseEngine(url) === "postgresql") {
    // The pool is the app's own, shared with driver-level transactions (lib/db/driver.ts);
    // disconnecting the client ends it.
    const pool = (globalForPrisma.postgresPool = new pg.Pool({ connectionString: url }));
    client = new PostgresPrismaClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      ...queryLogOptions(),
    }) as unknown as PrismaClient;
  } else {
    client = new PrismaClient({ adapter: new TunedBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }), ...queryLogOptions() });
  }
  if (countingQueries()) {
    (client as unknown as { $on(event: "query", listener: (e: { query: string }) => void): void }).$on("query", (e) => countQuery(e.query));
  }
  return client;
}

// `TRADEOFF_COUNT_QUERIES=1` (the bench's query count, bench/queries.ts): every SQL statement the
// client sends is counted. Off by default: Prisma then builds no query events at all.
const countingQueries = () => process.env.TRADEOFF_COUNT_QUERIES === "1";
const queryLogOptions = () => ({ log: countingQueries() ? [{ emit: "event" as const, level: "query" as const }] : [] });
const queryCounter = { count: 0, statements: [] as string[] };

/** Counts a statement sent outside Prisma (driver-level transactions), when TRADEOFF_COUNT_QUERIES=1. */
export function countQuery(statement: string): void {
  if (!countingQueries()) return;
  queryCounter.count++;
  queryCounter.statements.push(statement);
}

/** SQL statements sent since the last call, when TRADEOFF_COUNT_QUERIES=1 (bench only). */
export function takeQueryCount(): { count: number; statements: string[] } {
  const taken = { count: queryCounter.count, statements: queryCounter.statements };
  queryCounter.count = 0;
  queryCounter.statements = [];
  return taken;
}

export const db = globalForPrisma.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

/** The engine this process's client talks to. */
export const clientEngine = (): DatabaseEngine => engineOfClient;

/** A Prisma client or transaction as an SqlTx (lib/db/sql.ts); an SqlTx as itself. */
export const sqlOf = (client: Tx | Db | SqlTx): SqlTx => ("rows" in client ? client : prismaSql(client, engineOfClient));

/** The PostgreSQL pool the client uses, for driver-level transactions; null on SQLite. */
export const postgresPool = (): pg.Pool | null => globalForPrisma.postgresPool ?? null;

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

// Ids for rows the hot paths insert with raw SQL (Prisma's query compiler costs ~0.3 ms per ORM
// statement, a raw one ~0.1 ms): the shape Prisma's cuid() gives, "c" + time + counter +
// process fingerprint + random, 25 characters of [0-9a-z], so they sort and look like the others.
const ID_BLOCK = 36 ** 4;
let idCounter = randomInt(ID_BLOCK);
const idFingerprint =
  (process.pid % ID_BLOCK).toString(36).padStart(2, "0").slice(-2) +
  randomInt(36 ** 2)
    .toString(36)
    .padStart(2, "0");

/** A new primary key for a row inserted with raw SQL, in the shape of Prisma's `@default(cuid())`. */
export function newRowId(): string {
  idCounter = (idCounter + 1) % ID_BLOCK;
  return (
    "c" +
    Date.now().toString(36).padStart(8, "0").slice(-8) +
    idCounter.toString(36).padStart(4, "0") +
    idFingerprint +
    randomInt(36 ** 8)
      .toString(36)
      .padStart(8, "0")
  );
}
