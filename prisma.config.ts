import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseUrl } from "./lib/db/url";

// A prisma.config.ts turns off Prisma's own .env loading, and the CLI downloads an engine when
// DATABASE_URL does not resolve: so the url is resolved here, with the same default as the app.
process.env.DATABASE_URL = resolveDatabaseUrl(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
