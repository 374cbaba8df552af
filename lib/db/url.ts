import path from "node:path";
import { mkdirSync } from "node:fs";

/** The embedded SQLite file used when DATABASE_URL is not set: zero set-up for a fresh clone. */
export const DEFAULT_DATABASE_URL = "file:./data/tradeoff.db";

/**
 * Resolves DATABASE_URL to an absolute `file:` url (so the app, the CLI and Prisma's CLI, which
 * run from different working directories, open the same file) and creates its folder.
 */
export function resolveDatabaseUrl(raw: string | undefined): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) return url;
  const file = url.slice("file:".length);
  const absolute = path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}

/** The same PostgreSQL server url naming another database (tests and shadow databases create their own). */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database a PostgreSQL url names (`postgres` when it names none, as libpq does for user postgres). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}
