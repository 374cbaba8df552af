// The PostgreSQL server the tests use (TEST_DATABASE=postgres, the drift test, the e2e suite with
// E2E_DATABASE=postgres). POSTGRES_TEST_URL names any database on it: tests create and drop their own.
import { Client } from "pg";

export const POSTGRES_TEST_URL = process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Why the server cannot be used, or null when it can (2 s timeout, so a missing server is quick). */
export async function postgresUnavailable(url = POSTGRES_TEST_URL): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs `statements` one by one on a connection to the server (CREATE/DROP DATABASE cannot share a transaction). */
export async function onServer(url: string, ...statements: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A quoted identifier for a database name made of [a-z0-9_] (every name the tests create). */
export function ident(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}
