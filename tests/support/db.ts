// Import this FIRST in an integration test file: it points DATABASE_URL at a fresh copy of the
// migrated base database (tests/support/global-setup.ts) before any module opens a connection.
// SQLite: a copy of the base file. PostgreSQL (TEST_DATABASE=postgres): a database created from
// the migrated template, dropped when the file's tests are done.
import { copyFileSync } from "node:fs";
import { randomBytes, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { withDatabaseName } from "@/lib/db/url";
import { ident, onServer } from "./postgres";

const base = inject("testDatabase");
if (base.engine === "postgresql") {
  const name = `${base.prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(base.serverUrl, `CREATE DATABASE ${ident(name)} TEMPLATE ${ident(base.template)}`);
  process.env.DATABASE_URL = withDatabaseName(base.serverUrl, name);
  afterAll(async () => {
    await db.$disconnect();
    await onServer(base.serverUrl, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });
} else {
  const file = path.join(tmpdir(), `tradeoff-test-${randomUUID()}.db`);
  copyFileSync(base.file, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

export const { db } = await import("@/lib/db/client");
