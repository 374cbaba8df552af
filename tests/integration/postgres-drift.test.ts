// prisma/schema.prisma (SQLite) is the one source of the data model. The PostgreSQL variant is
// generated from it and has its own migration history (Prisma pins the SQL dialect per migrations
// folder). This fails when either drifts: a model changed without `npm run db:generate`, or a
// migration written for one engine only (`npm run db:migration -- NAME` writes both).
// The PostgreSQL diff needs a server for its shadow database: POSTGRES_TEST_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres). Without one it says it was skipped; in CI it fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRISMA_FILES } from "@/lib/db/engine";
import { renderPostgresSchema } from "@/scripts/postgres-schema";
import { POSTGRES_TEST_URL, postgresUnavailable } from "../support/postgres";
import type { Prisma as Sqlite } from "@/lib/db/generated/sqlite/client";
import type { Prisma as Postgres } from "@/lib/db/generated/postgresql/client";

// lib/db/client.ts gives the app one client type for both engines; that holds only while both
// generated clients have the same models with the same scalar fields (checked by `tsc`).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ScalarsMatch = {
  [M in Sqlite.ModelName]: M extends Postgres.ModelName
    ? Same<Sqlite.TypeMap["model"][M]["payload"]["scalars"], Postgres.TypeMap["model"][M]["payload"]["scalars"]>
    : false;
}[Sqlite.ModelName];
const sameModels: Same<Sqlite.ModelName, Postgres.ModelName> & ScalarsMatch = true;

const source = readFileSync(PRISMA_FILES.sqlite.schema, "utf8");

/** `prisma migrate diff --from-migrations DIR --to-schema-datamodel SCHEMA`: "" when they agree. */
function migrationsDiff(databaseUrl: string, migrations: string, schema: string): string {
  const result = spawnSync(
    path.resolve("node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script", "--exit-code"],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  if (result.status === 0) return "";
  if (result.status === 2) return result.stdout;
  throw new Error(`prisma migrate diff failed (exit ${result.status}): ${result.stderr}`);
}

const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const unavailable = await postgresUnavailable();
if (unavailable && !process.env.CI) {
  console.warn(
    `SKIPPED the PostgreSQL migration drift check: no server at ${POSTGRES_TEST_URL} (${unavailable}). Set POSTGRES_TEST_URL to run it.`,
  );
}

describe("one schema, two engines", () => {
  it("generates both clients with the same models", () => {
    expect(sameModels).toBe(true);
  });

  it("prisma/postgres/schema.prisma is prisma/schema.prisma rendered for PostgreSQL (else: npm run db:generate)", () => {
    expect(readFileSync(PRISMA_FILES.postgresql.schema, "utf8")).toBe(renderPostgresSchema(source));
  });

  it("both engines have the same migrations, by name (else: npm run db:migration -- NAME)", () => {
    expect(migrationNames(PRISMA_FILES.postgresql.migrations)).toEqual(migrationNames(PRISMA_FILES.sqlite.migrations));
  });

  it("the SQLite migrations build exactly prisma/schema.prisma", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-drift-"));
    try {
      expect(migrationsDiff(`file:${path.join(dir, "unused.db")}`, PRISMA_FILES.sqlite.migrations, PRISMA_FILES.sqlite.schema)).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the PostgreSQL migrations build exactly the schema rendered from prisma/schema.prisma", (ctx) => {
    if (unavailable && !process.env.CI) ctx.skip(`no PostgreSQL server at ${POSTGRES_TEST_URL}`);
    expect(unavailable, `no PostgreSQL server at ${POSTGRES_TEST_URL} (set POSTGRES_TEST_URL)`).toBeNull();
    // Rendered afresh from the source, so this holds even before the committed copy is regenerated.
    const dir = mkdtempSync(path.join(tmpdir(), "tradeoff-drift-"));
    try {
      const schema = path.join(dir, "schema.prisma");
      writeFileSync(schema, renderPostgresSchema(source));
      // The shadow database the diff replays the migrations into is created and dropped on this server.
      expect(migrationsDiff(POSTGRES_TEST_URL, PRISMA_FILES.postgresql.migrations, schema)).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
