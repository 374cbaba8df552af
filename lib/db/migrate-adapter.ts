// The driver adapters Prisma's CLI (the Wasm schema engine: migrate deploy, migrate diff, migrate
// dev) uses, for prisma.config.ts. The app's own client is in lib/db/client.ts.
import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseEngine } from "./engine";
import { withDatabaseName } from "./url";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgResult = { fields: { dataTypeID: number }[]; rowCount: number | null };
type SqlQuery = { sql: string; args: unknown[] };
type Internals = {
  client: { query(sql: string): Promise<PgResult | PgResult[]> };
  performIO(query: SqlQuery): Promise<PgResult>;
  executeRaw(query: SqlQuery): Promise<number>;
  onError(error: unknown): never;
  startTransaction?: PgAdapter["startTransaction"];
};

/**
 * PostgreSQL catalog types that @prisma/adapter-pg 6.19 cannot describe, with the type they are read
 * as. The schema engine reads `name` and `"char"` columns of pg_catalog (relation and schema names,
 * relkind) when it checks `_prisma_migrations` or introspects, and the adapter refuses them with
 * "Column type 'name' could not be deserialized" (prisma/prisma#27403): pg already returns them as
 * strings, so only the column's declared type needs to change.
 */
const CATALOG_TYPES = new Map([
  [18, 25], // "char" → text
  [19, 25], // name → text
  [1002, 1009], // "char"[] → text[]
  [1003, 1009], // name[] → text[]
]);

/**
 * Fits a PrismaPg connection (or transaction) to the schema engine:
 * - catalog types read as text (above);
 * - a statement without parameters goes through PostgreSQL's simple query protocol, which accepts
 *   several statements at once: the shadow database replays each migration file as one executeRaw
 *   call, which the extended protocol refuses ("cannot insert multiple commands into a prepared
 *   statement", P3006). The same fix STACK.md describes for SQLite's shadow database.
 */
function fitForSchemaEngine<T extends object>(adapter: T): T {
  const internals = adapter as unknown as Internals;
  if (typeof internals.performIO !== "function" || typeof internals.client?.query !== "function") {
    throw new Error("@prisma/adapter-pg's internals changed: re-check the workarounds in lib/db/migrate-adapter.ts");
  }
  const performIO = internals.performIO.bind(adapter);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) field.dataTypeID = CATALOG_TYPES.get(field.dataTypeID) ?? field.dataTypeID;
    return result;
  };
  const executeRaw = internals.executeRaw.bind(adapter);
  internals.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    try {
      const results = await internals.client.query(query.sql);
      return [results].flat().reduce((sum, result) => sum + (result.rowCount ?? 0), 0);
    } catch (error) {
      return internals.onError(error);
    }
  };
  const startTransaction = internals.startTransaction?.bind(adapter);
  if (startTransaction) internals.startTransaction = async (...args) => fitForSchemaEngine(await startTransaction(...args));
  return adapter;
}

/**
 * PrismaPg for the schema engine: connections fitted as above, and a shadow database that is really
 * a separate database. PrismaPg 6.19 opens its shadow pool with `{ connectionString, database }`,
 * and pg lets the connection string's database win: the migrations would replay into the database
 * DATABASE_URL names. Here the shadow database is created, connected to by its own url, and dropped.
 */
class MigratePrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url });
  }

  override async connect(): Promise<PgAdapter> {
    return fitForSchemaEngine(await super.connect());
  }

  override async connectToShadowDb(): Promise<PgAdapter> {
    const admin = await this.connect();
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = fitForSchemaEngine(await new PrismaPg({ connectionString: withDatabaseName(this.url, name) }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * PrismaBetterSQLite3 for the schema engine: the in-memory shadow database replays each migration
 * file as one executeRaw call, which better-sqlite3 refuses for several statements (P3006); a
 * statement without parameters goes to executeScript instead.
 */
class MigratePrismaBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connectToShadowDb(): Promise<SqliteAdapter> {
    const shadow = await super.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => (query.args.length > 0 ? executeRaw(query) : (await shadow.executeScript(query.sql), 0));
    return shadow;
  }
}

/** The schema engine's adapter for a resolved DATABASE_URL. */
export function migrateAdapter(url: string): PrismaPg | PrismaBetterSQLite3 {
  return databaseEngine(url) === "postgresql" ? new MigratePrismaPg(url) : new MigratePrismaBetterSQLite3({ url });
}
