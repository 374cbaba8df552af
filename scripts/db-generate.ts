// `npm run db:generate`: renders prisma/postgres/schema.prisma from prisma/schema.prisma, then
// generates both Prisma clients. `--clients-only` (postinstall) leaves the committed PostgreSQL
// schema alone, so a stale one still fails the drift test instead of being silently fixed in CI.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PRISMA_FILES, type DatabaseEngine } from "../lib/db/engine";
import { renderPostgresSchema, ROOT } from "./postgres-schema";

/** `prisma generate` opens no connection, but the CLI wants a url of the schema's own provider. */
const PLACEHOLDER_URL: Record<DatabaseEngine, string> = {
  sqlite: "file:./data/tradeoff.db",
  postgresql: "postgresql://localhost:5432/tradeoff",
};

if (!process.argv.includes("--clients-only")) {
  const source = readFileSync(path.join(ROOT, PRISMA_FILES.sqlite.schema), "utf8");
  writeFileSync(path.join(ROOT, PRISMA_FILES.postgresql.schema), renderPostgresSchema(source));
  process.stdout.write(`wrote ${PRISMA_FILES.postgresql.schema}\n`);
}

for (const engine of ["sqlite", "postgresql"] as const) {
  execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["generate"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: PLACEHOLDER_URL[engine] },
    stdio: "inherit",
  });
}
