// `copy-database --to postgresql://… [--batch N]`: copies the database DATABASE_URL names (the
// embedded SQLite file, usually) into an EMPTY, migrated PostgreSQL database, then verifies every
// evaluation's ballot hash chain and frozen decision record on the target and prints a summary.
//
// - Refuses (exit 2) a target that is not PostgreSQL, is the source, is not migrated to the same
//   schema, or holds any row: moving up never merges into or overwrites data.
// - Tables are copied parents first, in batches, in ONE target transaction (and one read
//   transaction on the source, so the copy is a consistent snapshot): a failure leaves the target
//   empty, ready for another attempt. The dependency order comes from the target's foreign keys;
//   a nullable reference that closes a cycle or points into its own table (an evaluation's decided
//   option, its successor, a comment's parent) is filled in after all rows exist.
// - Verification runs the app's own integrity check (lib/domain/records.ts) against the target,
//   as a member of each evaluation's team: the chain re-hashes from its start, current ballots
//   match their revisions, a frozen record's canonical text still matches its SHA-256.
// Exit 0 when every evaluation verifies, 1 when one does not.
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient, Prisma } from "@/lib/db/generated/postgresql/client";
import { databaseEngine, PRISMA_FILES } from "@/lib/db/engine";
import { databaseName, resolveDatabaseUrl } from "@/lib/db/url";
import { parseOptions, printJson, UsageError, type Command } from "../command";

type Client = PrismaClient;
type Row = Record<string, unknown>;
type Delegate = {
  findMany(args: { orderBy: Record<string, "asc">[]; skip: number; take: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  update(args: { where: Row; data: Row }): Promise<unknown>;
  count(): Promise<number>;
};

const TRANSACTION_MS = 60 * 60 * 1000;

function clientFor(url: string): Client {
  return databaseEngine(url) === "postgresql"
    ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Client)
    : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5_000 }) });
}

const delegate = (client: unknown, model: string) => (client as Record<string, Delegate>)[model[0].toLowerCase() + model.slice(1)];

/** A model's table: its foreign keys and primary key, as the target database declares them. */
interface Table {
  model: string;
  primaryKey: string[];
  references: { column: string; table: string; nullable: boolean }[];
}

async function describeTarget(url: string, models: string[]): Promise<{ tables: Table[]; migrations: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ name: string | null }>("SELECT to_regclass('public._prisma_migrations')::text AS name");
    if (!exists.rows[0].name) {
      throw new UsageError(
        `the target database "${databaseName(url)}" is not migrated: run \`DATABASE_URL=<target> npm run db:migrate\` first`,
      );
    }
    const applied = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    );
    const keys = await client.query<{ table_name: string; column_name: string; kind: string; ref_table: string | null; nullable: string }>(
      `SELECT tc.table_name, kcu.column_name, tc.constraint_type AS kind, ccu.table_name AS ref_table, c.is_nullable AS nullable
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.columns c ON c.table_schema = tc.table_schema AND c.table_name = tc.table_name AND c.column_name = kcu.column_name
         LEFT JOIN information_schema.constraint_column_usage ccu
           ON tc.constraint_type = 'FOREIGN KEY' AND ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')
        ORDER BY tc.table_name, kcu.ordinal_position`,
    );
    const tables = models.map((model): Table => {
      const rows = keys.rows.filter((row) => row.table_name === model);
      const primaryKey = rows.filter((row) => row.kind === "PRIMARY KEY").map((row) => row.column_name);
      if (primaryKey.length === 0) throw new UsageError(`the target database has no table "${model}": is it migrated to this version?`);
      const references = rows
        .filter((row) => row.kind === "FOREIGN KEY" && row.ref_table)
        .map((row) => ({ column: row.column_name, table: row.ref_table!, nullable: row.nullable === "YES" }));
      return { model, primaryKey, references };
    });
    return { tables, migrations: applied.rows.map((row) => row.migration_name) };
  } finally {
    await client.end();
  }
}

/**
 * Parents before children. A nullable reference into the table itself, or one that closes a cycle,
 * is deferred: its rows are inserted with it empty and it is set once every table is copied.
 */
export function copyOrder(tables: Table[]): { order: string[]; deferred: Map<string, string[]> } {
  const deferred = new Map<string, string[]>();
  const defer = (model: string, column: string) => deferred.set(model, [...(deferred.get(model) ?? []), column]);
  const pending = new Map(tables.map((t) => [t.model, t]));
  const order: string[] = [];
  for (const table of tables) for (const ref of table.references) if (ref.table === table.model) defer(table.model, ref.column);
  const waitingOn = (table: Table) =>
    table.references.filter(
      (ref) => ref.table !== table.model && pending.has(ref.table) && !(deferred.get(table.model) ?? []).includes(ref.column),
    );
  while (pending.size > 0) {
    const ready = [...pending.values()].find((table) => waitingOn(table).length === 0);
    if (ready) {
      order.push(ready.model);
      pending.delete(ready.model);
      continue;
    }
    // A cycle: break it at a table whose remaining references are all nullable.
    const breakable = [...pending.values()].find((table) => waitingOn(table).every((ref) => ref.nullable));
    if (!breakable) throw new Error(`cannot order tables ${[...pending.keys()].join(", ")}: a cycle of required references`);
    for (const ref of waitingOn(breakable)) defer(breakable.model, ref.column);
  }
  return { order, deferred };
}

function expectedMigrations(): string[] {
  const dir = path.resolve(PRISMA_FILES.postgresql.migrations);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const copyDatabase: Command = async (args) => {
  const { values } = parseOptions(args, { to: { type: "string" }, batch: { type: "string" } });
  const to = values.to?.trim();
  if (!to) throw new UsageError("copy-database needs --to postgresql://… (an empty, migrated PostgreSQL database)");
  if (!/^postgres(ql)?:\/\//.test(to)) throw new UsageError("--to must be a postgresql:// url");
  const batch = values.batch === undefined ? 500 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UsageError("--batch must be a whole number from 1 to 10000");
  const from = resolveDatabaseUrl(process.env.DATABASE_URL);
  if (from === to) throw new UsageError("--to names the database being copied (DATABASE_URL)");

  const models = Object.values(Prisma.ModelName) as string[];
  const { tables, migrations } = await describeTarget(to, models);
  const missing = expectedMigrations().filter((name) => !migrations.includes(name));
  if (missing.length)
    throw new UsageError(
      `the target database is not fully migrated (missing ${missing.join(", ")}): run \`DATABASE_URL=<target> npm run db:migrate\` first`,
    );
  const { order, deferred } = copyOrder(tables);
  const primaryKey = new Map(tables.map((t) => [t.model, t.primaryKey]));

  const source = clientFor(from);
  const target = clientFor(to);
  const copied: Record<string, number> = {};
  try {
    const occupied: string[] = [];
    for (const model of order) {
      const count = await delegate(target, model).count();
      if (count > 0) occupied.push(`${model}: ${count}`);
    }
    if (occupied.length)
      throw new UsageError(`the target database is not empty (${occupied.join(", ")}); copy-database only fills an empty database`);

    const log = (text: string) => process.stderr.write(`${text}\n`);
    log(`copying ${databaseEngine(from)} → postgresql "${databaseName(to)}" in batches of ${batch}`);
    await source.$transaction(
      async (read) => {
        await target.$transaction(
          async (write) => {
            const later: { model: string; where: Row; data: Row }[] = [];
            for (const model of order) {
              const key = primaryKey.get(model)!;
              const defer = deferred.get(model) ?? [];
              copied[model] = 0;
              for (let skip = 0; ; skip += batch) {
                const rows = await delegate(read, model).findMany({
                  orderBy: key.map((k) => ({ [k]: "asc" as const })),
                  skip,
                  take: batch,
                });
                if (rows.length === 0) break;
                const data = rows.map((row) => {
                  const copy = { ...row };
                  const set: Row = {};
                  for (const column of defer) {
                    if (copy[column] != null) set[column] = copy[column];
                    copy[column] = null;
                  }
                  if (Object.keys(set).length) later.push({ model, where: Object.fromEntries(key.map((k) => [k, row[k]])), data: set });
                  return copy;
                });
                copied[model] += (await delegate(write, model).createMany({ data })).count;
                if (rows.length < batch) break;
              }
              log(`  ${model}: ${copied[model]}`);
            }
            for (const { model, where, data } of later) await delegate(write, model).update({ where, data });
            if (later.length) log(`  references set afterwards: ${later.length}`);
          },
          { timeout: TRANSACTION_MS, maxWait: 60_000 },
        );
      },
      { timeout: TRANSACTION_MS, maxWait: 60_000 },
    );
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }

  // Verify on the target with the app's own check: the app's client is opened for the first time
  // here (nothing before imported lib/db/client), so pointing DATABASE_URL at the target is enough.
  process.env.DATABASE_URL = to;
  const { db } = await import("@/lib/db/client");
  const { checkEvaluationIntegrityAsOperator } = await import("@/lib/domain/records");
  const evaluations = await db.evaluation.findMany({
    select: { id: true, title: true, status: true, round: true },
    orderBy: { createdAt: "asc" },
  });
  const failed: { id: string; title: string; reason: string }[] = [];
  let frozen = 0;
  let revisions = 0;
  for (const evaluation of evaluations) {
    const report = await checkEvaluationIntegrityAsOperator(evaluation.id);
    revisions += report.revisions;
    if (report.snapshot) frozen += 1;
    if (!report.valid) {
      const reason = [
        report.chain.valid ? null : `chain: ${report.chain.reason ?? "broken"}`,
        report.ballots.reason,
        report.snapshot?.valid === false ? "frozen record does not match its hash" : null,
      ]
        .filter(Boolean)
        .join("; ");
      failed.push({ id: evaluation.id, title: evaluation.title, reason: reason || "integrity check failed" });
    }
  }
  await db.$disconnect();
  const valid = failed.length === 0;
  // `{ evaluations, ballots, verified }` is the contract (docs/CONTRACTS.md); the rest is detail.
  printJson({
    evaluations: copied.Evaluation ?? 0,
    ballots: copied.Ballot ?? 0,
    verified: valid,
    target: databaseName(to),
    copied,
    verification: {
      evaluations: evaluations.length,
      ballotRevisions: revisions,
      frozenRecords: frozen,
      failed,
    },
  });
  return valid ? 0 : 1;
};

export default copyDatabase;
