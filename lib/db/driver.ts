import "server-only";
import pg from "pg";
import { clientEngine, countQuery, db, postgresPool, sqliteWriteQueue, takeSqliteWriteTurn, type Statement } from "@/lib/db/client";
import { compile, joinSql, runNow, type SqlStatement, type SqlTx } from "@/lib/db/sql";

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
 *   the busy timeout allows.
 * - PostgreSQL: a pool connection, BEGIN … COMMIT at the server's default isolation (read
 *   committed, as Prisma's), row locks held until commit.
 * Any error rolls back this transaction's writes, and is thrown on.
 *
 * Group commit: transactions that queue while the connection is busy run together, up to
 * MAX_GROUP of them in one BEGIN … COMMIT, each inside its own savepoint, so one that fails rolls
 * back alone and the others still commit. A burst of ballots all change the same evaluation row:
 * on SQLite each commit writes its changed pages to the WAL, so one commit for many was most of the
 * gain (docs/PERFORMANCE.md); on PostgreSQL a group saves a BEGIN, a COMMIT and a pool checkout per
 * ballot while the row's lock is held. A caller is answered only after the commit that holds its
 * work, and with an error if that commit fails.
 */
export function driverTransaction<T>(work: (tx: SqlTx) => Promise<T>, options: { contends?: string } = {}): Promise<T> {
  const key = clientEngine() === "sqlite" ? "" : (options.contends ?? "");
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = { queued: [], running: false }));
  return new Promise<T>((resolve, reject) => {
    queue.queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
    // Counted as waiting for SQLite's write queue, so admitWriteTransaction sees the whole backlog.
    if (clientEngine() === "sqlite") sqliteWriteQueue.waiting++;
    if (!queue.running) void runGroups(key, queue);
  });
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
  return sqliteTx(await sqlitePrepare()).rows<T>(statement);
}

/** The SQLite connection's statement cache; the connection opens with Prisma's first query, which sets it (lib/db/client.ts). */
async function sqlitePrepare(): Promise<(sql: string) => Statement> {
  if (!sqliteWriteQueue.prepare) await db.$connect();
  return sqliteWriteQueue.prepare!;
}

/** Thrown when the database's write lock could not be had in time: nothing was written, and the request can be retried (503). */
export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
}

interface QueuedWork {
  work: (tx: SqlTx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** At most this many transactions share a commit, so a group holds its connection a few ms at most. */
const MAX_GROUP = 64;

/**
 * Transactions wait in a queue per key and one group of each queue runs at a time. SQLite has one
 * writer, so one queue. On PostgreSQL the key is what the transactions contend for (`contends`:
 * the ballot's evaluation, whose row each locks): ballots on one evaluation would wait for each
 * other's row lock anyway, so they queue in the process and share commits, while another
 * evaluation's ballots run beside them on their own pool connection, and are not held up by a
 * group stuck behind a lock (another instance's ballot, a decision being scored).
 */
interface GroupQueue {
  queued: QueuedWork[];
  running: boolean;
}
const queues = new Map<string, GroupQueue>();

/** A connection a group runs on, held for it: SQLite's with the process's write turn, or a pool client. */
interface GroupConnection {
  tx: SqlTx;
  /** sends the work's deferred writes (SqlTx.defer), or drops them when the work failed */
  endWork(succeeded: boolean): Promise<void>;
  begin: string;
  /** runs a statement of transaction control (BEGIN, SAVEPOINT, COMMIT, …) */
  control(statement: string): Promise<void>;
  /** hands the connection back; a `broken` one (its rollback failed) is discarded, not reused */
  release(broken?: Error): void;
}

async function runGroups(key: string, queue: GroupQueue) {
  queue.running = true;
  try {
    while (queue.queued.length) {
      const connection = clientEngine() === "postgresql" ? await postgresConnection() : await sqliteConnection();
      const members = queue.queued.splice(0, MAX_GROUP);
      if (clientEngine() === "sqlite") sqliteWriteQueue.waiting -= members.length;
      await commitGroup(connection, members);
    }
  } catch (error) {
    // The connection could not be had (the database is down): every queued transaction fails.
    const failed = queue.queued.splice(0);
    if (clientEngine() === "sqlite") sqliteWriteQueue.waiting -= failed.length;
    for (const member of failed) member.reject(error);
  } finally {
    queue.running = false;
    queues.delete(key);
  }
}

/** Runs the members in one transaction and answers each; always releases the connection. */
async function commitGroup(connection: GroupConnection, members: QueuedWork[]) {
  const { tx, control, endWork } = connection;
  // A group of one needs no savepoint: the transaction's own rollback undoes its work. Otherwise
  // each member opens its own, never released (COMMIT ends them all): a failing member's ROLLBACK TO
  // undoes its work alone, and saves a round trip per member on PostgreSQL.
  const alone = members.length === 1;
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  let broken: Error | undefined;
  try {
    try {
      await control(connection.begin);
    } catch (error) {
      for (const member of members) member.reject(busyOr(error));
      return;
    }
    try {
      for (const member of members) {
        if (!alone) await control("SAVEPOINT driver_work");
        try {
          const value = await member.work(tx);
          await endWork(true);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await endWork(false);
          if (alone) throw error;
          // Throws when the database has already ended the whole transaction: every member fails below.
          await control("ROLLBACK TO SAVEPOINT driver_work");
          outcomes.push({ ok: false, error: busyOr(error) });
        }
      }
      await control("COMMIT");
    } catch (error) {
      await control("ROLLBACK").catch((rollbackError: Error) => {
        // SQLite may have rolled back already; a PostgreSQL connection that cannot is discarded.
        if (clientEngine() === "postgresql") broken = rollbackError;
      });
      for (const member of members) member.reject(busyOr(error));
      return;
    }
    members.forEach((member, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) member.resolve(outcome.value);
      else member.reject(outcome.error);
    });
  } finally {
    connection.release(broken);
  }
}

async function sqliteConnection(): Promise<GroupConnection> {
  const prepare = await sqlitePrepare();
  const letGo = await takeSqliteWriteTurn({ counted: false });
  return {
    tx: sqliteTx(prepare),
    endWork: async () => {},
    begin: "BEGIN IMMEDIATE",
    control: async (statement) => void prepare(statement).run(),
    release: () => letGo(),
  };
}

async function postgresConnection(): Promise<GroupConnection> {
  const client = await postgresPool()!.connect();
  const deferred: Deferred[] = [];
  return {
    tx: postgresTx(client, deferred),
    endWork: async (succeeded) => {
      const writes = deferred.splice(0);
      if (succeeded && writes.length) await runDeferred(client, writes);
    },
    begin: "BEGIN",
    control: async (statement) => void (await client.query(statement)),
    release: (broken) => client.release(broken),
  };
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
  const tx: SqlTx = {
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
    defer: (statement, check) => runNow(tx, statement, check),
  };
  return tx;
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

interface Deferred {
  statement: SqlStatement;
  check?: (changed: number) => void;
}

function postgresTx(client: pg.PoolClient, deferred: Deferred[]): SqlTx {
  return {
    engine: "postgresql",
    rows: async <T>(statement: SqlStatement) => (await postgresQuery(client, statement)).rows as T[],
    run: async (statement: SqlStatement) => (await postgresQuery(client, statement)).rowCount ?? 0,
    defer: async (statement, check) => void deferred.push({ statement, check }),
  };
}

/**
 * A work's deferred writes in one round trip: each becomes a data-modifying WITH query, and the
 * main query counts what each changed (`WITH "d0" AS (INSERT … RETURNING 1), "d1" AS (SELECT
 * pg_notify(…)) SELECT (SELECT count(*) FROM "d0") AS "d0", …`). PostgreSQL runs every WITH query
 * once and to completion, all on the same snapshot: hence SqlTx.defer's rule that they do not
 * depend on each other.
 */
async function runDeferred(client: pg.PoolClient, writes: Deferred[]) {
  let counts: number[];
  if (writes.length === 1) {
    counts = [(await postgresQuery(client, writes[0].statement)).rowCount ?? 0];
  } else {
    const name = (i: number) => `"d${i}"`;
    const modifies = (w: Deferred) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(w.statement.strings[0]);
    const parts: (string | SqlStatement)[] = ["WITH "];
    writes.forEach((w, i) => parts.push(i ? ", " : "", `${name(i)} AS (`, w.statement, modifies(w) ? " RETURNING 1)" : ")"));
    parts.push(" SELECT ", writes.map((_, i) => `(SELECT count(*)::int FROM ${name(i)}) AS ${name(i)}`).join(", "));
    const [row] = (await postgresQuery(client, joinSql(parts))).rows as Record<string, number>[];
    counts = writes.map((_, i) => row[`d${i}`]);
  }
  writes.forEach((w, i) => w.check?.(counts[i]));
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
