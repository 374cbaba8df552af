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
