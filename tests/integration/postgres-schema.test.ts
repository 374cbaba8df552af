// The schema must stay portable to PostgreSQL (the engine for teams that outgrow one machine).
// This renders the same Prisma schema for PostgreSQL and applies it to a real server in a scratch
// schema. Point POSTGRES_TEST_URL at a server to run it; in CI a missing server is a failure.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { describe, expect, it } from "vitest";

const url = process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const work = path.resolve("tmp", `pg-portability-${process.pid}`);

async function reachable(): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const serverUp = await reachable();
if (!serverUp && !process.env.CI) {
  console.warn(`SKIPPED the PostgreSQL portability check: no server at ${url}. Set POSTGRES_TEST_URL to run it.`);
}

describe("the Prisma schema on PostgreSQL", () => {
  it("creates every table on a real PostgreSQL server", async (ctx) => {
    if (!serverUp && !process.env.CI) ctx.skip(`no PostgreSQL server at ${url}`);
    expect(serverUp, `no PostgreSQL server at ${url} (set POSTGRES_TEST_URL)`).toBe(true);

    mkdirSync(work, { recursive: true });
    const schema = readFileSync("prisma/schema.prisma", "utf8").replace('provider = "sqlite"', 'provider = "postgresql"');
    writeFileSync(path.join(work, "schema.prisma"), schema);
    // Prisma's CLI needs a config naming a driver adapter, or it downloads a native engine.
    writeFileSync(
      path.join(work, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(path.join(work, "schema.prisma"))},
  async adapter() { return new PrismaPg({ connectionString: ${JSON.stringify(url)} }); },
});
`,
    );
    const sql = execFileSync(
      path.resolve("node_modules/.bin/prisma"),
      ["migrate", "diff", "--config", path.join(work, "prisma.config.ts"), "--from-empty", "--to-schema-datamodel", path.join(work, "schema.prisma"), "--script"],
      { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    const scratch = `portability_${process.pid}`;
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${scratch}"`);
      await client.query(`SET search_path TO "${scratch}"`);
      await client.query(sql);
      const { rows } = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1", [scratch]);
      const models = [...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+)/gm)].map((m) => m[1]);
      expect(rows.map((r) => r.table_name).sort()).toEqual(models.sort());
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`);
      await client.end();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
