// Renders the PostgreSQL variant of the one Prisma schema: the same models, with the datasource's
// provider and the generated client's output swapped. Pure, so the drift test can render it again
// and compare it with the committed prisma/postgres/schema.prisma.
import path from "node:path";

/** The two things that differ, exactly as they are written in prisma/schema.prisma. */
const SOURCE_PROVIDER = 'provider = "sqlite"';
const SOURCE_OUTPUT = 'output     = "../lib/db/generated/sqlite"';
/** The rendered schema lives one folder deeper (prisma/postgres/), so its relative output does too. */
const TARGET_PROVIDER = 'provider = "postgresql"';
const TARGET_OUTPUT = 'output     = "../../lib/db/generated/postgresql"';

export const POSTGRES_SCHEMA_HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:generate\` (scripts/postgres-schema.ts): do
// not edit. Change prisma/schema.prisma, then run \`npm run db:generate\` and \`npm run db:migration -- NAME\`.
`;

function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first === -1 || text.indexOf(from, first + 1) !== -1) {
    throw new Error(`prisma/schema.prisma must contain \`${from}\` exactly once (scripts/postgres-schema.ts swaps it)`);
  }
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** prisma/schema.prisma's text → prisma/postgres/schema.prisma's text. */
export function renderPostgresSchema(source: string): string {
  return POSTGRES_SCHEMA_HEADER + replaceOnce(replaceOnce(source, SOURCE_PROVIDER, TARGET_PROVIDER), SOURCE_OUTPUT, TARGET_OUTPUT);
}

export const ROOT = path.resolve(import.meta.dirname, "..");
