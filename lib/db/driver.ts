import "server-only";
import pg from "pg";
import { clientEngine, countQuery, db, postgresPool, sqliteWriteQueue, takeSqliteWriteTurn, type Statement } from "@/lib/db/client";
import { compile, type SqlStatement, type SqlTx } from "@/lib/db/sql";

/**
 * Runs `work` in a transaction on the database driver itself (better-sqlite3, or a pg pool client),
 * not in a Prisma interactive transaction. For the hottest write, the ballot: its statements are
 * all raw SQL already, and Prisma's interactive transaction (start, commit, its tracing wrapper,
 * and the query compiler, which runs for raw statements too) was about a third of a ballot's CPU.
 *
 * The same guarantees as withEvaluation's Prisma transaction:
 * - SQLite: the transaction takes its turn in the process's write queue (takeSqliteWriteTurn), the
 *   one Prisma's transactions queue in, so the two never overlap on the connection; BEGIN
 *   IMMEDIATE takes the database's write lock at once, waiting for another process's as long as
 *   the busy timeout allows. Transactions queued together share a commit (group commit, below).
 * - PostgreSQL: one pool connection, BEGIN … COMMIT at the server's default isolation (read
 *   committed, as Prisma's), row locks held until commit.
 * Any error rolls back, and is thrown on; nothing is written.
 */
export async function driverTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  return clientEngine() === "postgresql" ? postgresTransaction(postgresPool()!, work) : sqliteTransaction(work);
}

/**
 * The rows of one read-only statement, run on the driver outside any transaction (a pool
 * connection on PostgreSQL; on SQLite the process's one connection, as Prisma's own reads are):
 * for reads every API request makes, such as the Bearer token's lookup.
 */
export async function driverRows<T>(statement: SqlStatement): Promise<T[]> {
  if (clientEngine() === "postgresql") {
    return (await postgresQuery(postgresPool()!, statement)).rows as T[];
  }
  if (!sqliteWriteQueue.prepare) await db.$connect();
  return sqliteTx(sqliteWriteQueue.prepare!).rows<T>(statement);
}

/** Thrown when the database's write lock could not be had in time: nothing was written, and the request can be retried (503). */
export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
}

/**
 * SQLite group commit. Driver transactions that queue while another write holds the connection run
 * together when their turn comes: one BEGIN … COMMIT for up to MAX_GROUP of them, each inside its
 * own savepoint, so one that fails rolls back alone and the others still commit. A commit writes
 * every changed page to the WAL, and a burst of ballots all change the same evaluation row and
 * index pages: in a group they are written once instead of once per ballot. Each caller is
 * answered only after the commit that holds its work, and with an error if that commit fails.
 */
interface QueuedWork {
  work: (tx: SqlTx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** At most this many transactions share a commit, so a group holds the connection for a few ms at most. */
const MAX_GROUP = 64;
const group = { queued: [] as QueuedWork[], running: false };

function sqliteTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    group.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
    // Counted as waiting for the write queue, so admitWriteTransaction sees the whole backlog.
    sqliteWriteQueue.waiting++;
    if (!group.running) void runGroups();
  });
}

async function runGroups() {
  group.running = true;
  try {
    while (group.queued.length) {
      // The connection opens with Prisma's first query, which sets `prepare` (lib/db/client.ts).
      if (!sqliteWriteQueue.prepare) await db.$connect();
      const letGo = await takeSqliteWriteTurn({ counted: false });
      const members = group.queued.splice(0, MAX_GROUP);
      sqliteWriteQueue.waiting -= members.length;
      try {
        await commitGroup(sqliteWriteQueue.prepare!, members);
      } finally {
        letGo();
      }
    }
  } catch (error) {
    for (const member of group.queued.splice(0)) member.reject(error);
  } finally {
    group.running = false;
  }
}

async function commitGroup(prepare: (sql: string) => Statement, members: QueuedWork[]) {
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    prepare("BEGIN IMMEDIATE").run();
  } catch (error) {
    for (const member of members) member.reject(busyOr(error));
    return;
  }
  try {
    const tx = sqliteTx(prepare);
    for (const member of members) {
      prepare("SAVEPOINT driver_work").run();
      try {
        const value = await member.work(tx);
        prepare("RELEASE driver_work").run();
        outcomes.push({ ok: true, value });
      } catch (error) {
        // Throws when SQLite has already ended the whole transaction (a full disk, say): every member fails below.
        prepare("ROLLBACK TO driver_work").run();
        prepare("RELEASE driver_work").run();
        outcomes.push({ ok: false, error: busyOr(error) });
      }
    }
    prepare("COMMIT").run();
  } catch (error) {
    try {
      prepare("ROLLBACK").run();
    } catch {
      // SQLite already rolled back
    }
    for (const member of members) member.reject(busyOr(error));
    return;
  }
  members.forEach((member, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) member.resolve(outcome.value);
    else member.reject(outcome.error);
  });
}

const busyOr = (error: unknown) =>
  (error as { code?: unknown })?.code === "SQLITE_BUSY" ? new DatabaseBusyError("The database is busy; nothing was written.") : error;

/** Declared types of each statement's columns, read once (a statement's columns never change). */
const columnsOf = new WeakMap<Statement, { name: string; type: string | null }[]>();

function sqliteTx(prepare: (sql: string) => Statement): SqlTx {
  const bind = (statement: SqlStatement) => {
    const { text, values } = compile(statement, () => "?");
    countQuery(text);
    return { prepared: prepare(text), args: values.map(toSqliteValue) };
  };
  return {
    engine: "sqlite",
    async rows<T>(statement: SqlStatement): Promise<T[]> {
      const { prepared, args } = bind(statement);
      if (!prepared.reader) {
        prepared.run(args);
        return [];
      }
      let columns = columnsOf.get(prepared);
      if (!columns) columnsOf.set(prepared, (columns = prepared.columns()));
      // Statements are shared with Prisma's adapter, which reads them in raw (array) mode.
      return prepared
        .raw(true)
        .all(args)
        .map((values) => rowOf(columns, values as unknown[]) as T);
    },
    async run(statement: SqlStatement): Promise<number> {
      const { prepared, args } = bind(statement);
      return prepared.run(args).changes;
    },
  };
}

/** Values as Prisma's SQLite adapter stores them: DateTime as ISO 8601 text, Boolean as 0/1. */
function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * A row as an object, converted back as Prisma would: DateTime and Boolean columns by their
 * declared type, and integers (the adapter turns on better-sqlite3's safeIntegers, so they arrive
 * as bigint) as numbers, which every Int column of the schema fits.
 */
function rowOf(columns: { name: string; type: string | null }[], values: unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const value = values[i];
    if (value === null) row[column.name] = null;
    else if (column.type === "DATETIME") row[column.name] = new Date(typeof value === "bigint" ? Number(value) : (value as string));
    else if (typeof value === "bigint") row[column.name] = column.type === "BOOLEAN" ? value === 1n : Number(value);
    else row[column.name] = value;
  });
  return row;
}

async function postgresTransaction<T>(pool: pg.Pool, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    try {
      const result = await work(postgresTx(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } finally {
    // A connection that could not roll back is discarded, not returned to the pool mid-transaction.
    client.release(broken);
  }
}

function postgresTx(client: pg.PoolClient): SqlTx {
  return {
    engine: "postgresql",
    rows: async <T>(statement: SqlStatement) => (await postgresQuery(client, statement)).rows as T[],
    run: async (statement: SqlStatement) => (await postgresQuery(client, statement)).rowCount ?? 0,
  };
}

function postgresQuery(on: pg.Pool | pg.PoolClient, statement: SqlStatement) {
  const { text, values } = compile(statement, (n) => `$${n}`);
  countQuery(text);
  return on.query({ text, values: values.map(toPostgresValue), types: POSTGRES_TYPES });
}

// Prisma's PostgreSQL columns are `timestamp(3)` (no time zone) holding UTC. Sent as ISO text, a
// date is stored as its UTC wall-clock time (PostgreSQL ignores the zone for such a column); read
// back, the text is UTC, where pg's default parser would take it for local time.
const toPostgresValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const TIMESTAMP_OID = 1114;
const POSTGRES_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};
