import { execFileSync } from "node:child_process";
import path from "node:path";
import { resolveDatabaseUrl } from "@/lib/db/url";

/** Applies pending migrations, as `npm start` does, so database commands work on a fresh clone. */
export async function migrateDatabase(): Promise<void> {
  const env = { ...process.env, DATABASE_URL: resolveDatabaseUrl(process.env.DATABASE_URL) };
  const prisma = path.resolve("node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], { env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`database migration failed: ${stderr.trim().split("\n").slice(-3).join(" ")}`);
  }
}
