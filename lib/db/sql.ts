import "server-only";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { DatabaseEngine } from "@/lib/db/engine";

/**
 * A parameterised SQL statement, written as a tagged template (`sql\`… WHERE "id" = ${id}\``):
 * every interpolated value is sent as a bound parameter, never spliced into the text. The same
 * statement runs inside a Prisma interactive transaction (prismaSql) or a driver-level one
 * (lib/db/driver.ts), on SQLite and PostgreSQL alike.
 */
export interface SqlStatement {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

/** A list of values bound as `$1, $2, …` (for `IN (…)`); only as a value of a `sql` template. */
export class SqlList {
  constructor(readonly values: readonly unknown[]) {
    if (values.length === 0) throw new Error("An SQL list needs at least one value.");
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlStatement {
  return { strings, values };
}

export const sqlIn = (values: readonly unknown[]) => new SqlList(values);

/**
 * What the write paths need of a transaction: rows from a statement, and the number of rows a
 * statement changed. DateTime columns come back as Date objects on both engines.
 */
export interface SqlTx {
  readonly engine: DatabaseEngine;
  rows<T>(statement: SqlStatement): Promise<T[]>;
  run(statement: SqlStatement): Promise<number>;
  /**
   * A write whose result nothing in this transaction reads: it runs at the latest when the
   * transaction's work ends, and `check` gets the number of rows it changed (to throw, rolling the
   * work back). Driver transactions on PostgreSQL send a work's deferred writes together, as one
   * statement (one round trip instead of one each, while the evaluation's row lock is held); elsewhere
   * they run at once. So a deferred write must not be read, nor depended on, by a later statement of
   * the same work.
   */
  defer(statement: SqlStatement, check?: (changed: number) => void): Promise<void>;
}

/** The statements as one (`parts` are SQL text or statements), bound values in order. */
export function joinSql(parts: readonly (string | SqlStatement)[]): SqlStatement {
  const strings = [""];
  const values: unknown[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      strings[strings.length - 1] += part;
      continue;
    }
    strings[strings.length - 1] += part.strings[0];
    part.values.forEach((value, i) => {
      values.push(value);
      strings.push(part.strings[i + 1]);
    });
  }
  return { strings, values };
}

/**
 * A subquery giving, as JSON text, an array with one `[columns…]` array per row of `rest` (its
 * FROM and WHERE): `json_agg` on PostgreSQL, `json_group_array` on SQLite. For rows of another
 * table read in one row of a statement, parsed once by JSON.parse instead of row by row by the
 * driver. `columns` and `orderBy` are SQL text written in the code, never input. Null on
 * PostgreSQL when there is no row.
 */
export function jsonRowsSubquery(engine: DatabaseEngine, columns: string, rest: SqlStatement, orderBy?: string): SqlStatement {
  const order = orderBy ? ` ORDER BY ${orderBy}` : "";
  return engine === "postgresql"
    ? joinSql([`(SELECT json_agg(json_build_array(${columns})${order})::text `, rest, ")"])
    : joinSql([`(SELECT json_group_array(json_array(${columns})${order}) `, rest, ")"]);
}

/** Runs a deferred write at once, for transactions that do not batch them. */
export async function runNow(tx: Pick<SqlTx, "run">, statement: SqlStatement, check?: (changed: number) => void): Promise<void> {
  const changed = await tx.run(statement);
  check?.(changed);
}

/** The statement's text with one placeholder per value (`?` or `$n`, lists expanded) and its flat values. */
export function compile(statement: SqlStatement, placeholder: (n: number) => string): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  let text = statement.strings[0];
  statement.values.forEach((value, i) => {
    const bound = value instanceof SqlList ? value.values : [value];
    text += bound.map((v) => (values.push(v), placeholder(values.length))).join(", ") + statement.strings[i + 1];
  });
  return { text, values };
}

/** The statement as Prisma's raw-query template, lists joined as Prisma.join does. */
function toPrismaSql(statement: SqlStatement): Prisma.Sql {
  return new Prisma.Sql(
    statement.strings,
    statement.values.map((v) => (v instanceof SqlList ? Prisma.join([...v.values]) : v)),
  );
}

interface PrismaRawClient {
  $queryRaw<T>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

/** A Prisma client or interactive transaction as an SqlTx, for writes that also use the ORM. */
export function prismaSql(client: PrismaRawClient, engine: DatabaseEngine): SqlTx {
  const tx: SqlTx = {
    engine,
    rows: <T>(statement: SqlStatement) => client.$queryRaw<T[]>(toPrismaSql(statement)),
    run: (statement: SqlStatement) => client.$executeRaw(toPrismaSql(statement)),
    defer: (statement, check) => runNow(tx, statement, check),
  };
  return tx;
}
