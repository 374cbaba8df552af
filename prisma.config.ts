import { defineConfig } from "prisma/config";
import { databaseEngine, PRISMA_FILES } from "./lib/db/engine";
import { migrateAdapter } from "./lib/db/migrate-adapter";
import { resolveDatabaseUrl } from "./lib/db/url";

// One config for both engines: DATABASE_URL picks the schema, the migration history and the driver
// adapter, so `prisma migrate deploy` (`npm run db:migrate`) migrates whichever database it names.
// The provider and the url always agree: when they do not, the CLI downloads a native engine,
// which these machines cannot. A prisma.config.ts also turns off Prisma's own .env loading, and
// the CLI needs the url to resolve: so it is resolved here, with the same default as the app.
const url = resolveDatabaseUrl(process.env.DATABASE_URL);
process.env.DATABASE_URL = url;
const engine = databaseEngine(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: PRISMA_FILES[engine].schema,
  migrations: { path: PRISMA_FILES[engine].migrations },
  async adapter() {
    // PostgreSQL: shadow databases (migrate dev, migrate diff --from-migrations) are created and
    // dropped on the same server. SQLite: the shadow database is in memory.
    return migrateAdapter(url);
  },
});
