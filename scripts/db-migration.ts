// `npm run db:migration -- NAME`: after a change to prisma/schema.prisma, writes the next migration
// for both engines under the same name (prisma/migrations/NNNN_NAME and
// prisma/postgres/migrations/NNNN_NAME), each diffed from its own history to its own schema, then
// regenerates the PostgreSQL schema and both clients. Review both SQL files before committing.
// The PostgreSQL diff replays the history into a shadow database on POSTGRES_TEST_URL's server
// (default postgresql://postgres@127.0.0.1:5432/postgres), created and dropped by the command.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PRISMA_FILES, type DatabaseEngine } from "../lib/db/engine";
import { ROOT } from "./postgres-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("usage: npm run db:migration -- NAME   (NAME in lower_snake_case, e.g. add_team_slug)\n");
  process.exit(2);
}

const prisma = path.join(ROOT, "node_modules", ".bin", "prisma");
const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const scratch = mkdtempSync(path.join(tmpdir(), "tradeoff-migration-"));
const urls: Record<DatabaseEngine, string> = {
  sqlite: `file:${path.join(scratch, "unused.db")}`,
  postgresql: process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};

try {
  // 1. The PostgreSQL schema follows the source.
  execFileSync(tsx, [path.join(ROOT, "scripts", "db-generate.ts")], { cwd: ROOT, stdio: "inherit" });

  // 2. The next number, shared by both histories.
  const existing = readdirSync(path.join(ROOT, PRISMA_FILES.sqlite.migrations)).filter((entry) => /^\d{4}_/.test(entry));
  const next = String(Math.max(0, ...existing.map((entry) => Number(entry.slice(0, 4)))) + 1).padStart(4, "0");
  const folder = `${next}_${name}`;

  // 3. Each engine's history → its schema.
  const scripts = {} as Record<DatabaseEngine, string>;
  for (const engine of ["sqlite", "postgresql"] as const) {
    const { migrations, schema } = PRISMA_FILES[engine];
    const result = spawnSync(
      prisma,
      ["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script", "--exit-code"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: urls[engine] },
        encoding: "utf8",
      },
    );
    if (result.status !== 0 && result.status !== 2) {
      throw new Error(`prisma migrate diff (${engine}) failed: ${result.stderr.trim()}`);
    }
    scripts[engine] = result.status === 2 ? result.stdout : "";
  }
  if (!scripts.sqlite && !scripts.postgresql) {
    process.stdout.write("No schema change since the last migration: nothing written.\n");
  } else {
    for (const engine of ["sqlite", "postgresql"] as const) {
      const dir = path.join(ROOT, PRISMA_FILES[engine].migrations, folder);
      mkdirSync(dir, { recursive: true });
      // Both histories keep the same names even when one engine needs no SQL (tests/integration/postgres-drift.test.ts).
      writeFileSync(path.join(dir, "migration.sql"), scripts[engine] || "-- No change needed on this engine.\n");
      process.stdout.write(`wrote ${path.relative(ROOT, dir)}/migration.sql\n`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
