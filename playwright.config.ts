import { defineConfig, devices } from "@playwright/test";

// A PostgreSQL run gets its own default port, so it never reuses a SQLite run's server (locally).
const PORT = Number(process.env.E2E_PORT ?? (process.env.E2E_DATABASE === "postgres" ? 3220 : 3210));
export const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * The e2e server's own database, emptied at every start (one per port, so two suites can run side by
 * side): a SQLite file by default, a PostgreSQL database with E2E_DATABASE=postgres on the server
 * POSTGRES_TEST_URL names. Specs reach it through tests/e2e/database.ts and tests/e2e/cli.ts.
 */
function e2eDatabaseUrl(): string {
  const engine = process.env.E2E_DATABASE ?? "sqlite";
  if (engine === "sqlite") return `file:./data/e2e-${PORT}.db`;
  if (engine !== "postgres") throw new Error(`E2E_DATABASE must be "sqlite" (the default) or "postgres", not "${engine}"`);
  const server = new URL(process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  server.pathname = `/tradeoff_e2e_${PORT}`;
  return server.toString();
}
export const E2E_DATABASE_URL = e2eDatabaseUrl();

/**
 * A real SMTP server for the e2e app (tests/e2e/mail-server.ts, started as global setup): mail is
 * delivered over SMTP as in production, and what arrives is written to MAILBOX_DIR for the specs.
 */
export const SMTP_PORT = PORT + 40;
export const MAILBOX_DIR = `data/e2e-mail-${PORT}`;

// Real Chromium from Debian's package (never `npx playwright install`: these machines are offline).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/mail-server.ts",
  // Several instances behind nginx need a shared database server: that spec belongs to the
  // PostgreSQL run (npm run test:postgres), and is left out of the SQLite run rather than skipped.
  testIgnore: process.env.E2E_DATABASE === "postgres" ? [] : ["instances.spec.ts"],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    // No traces in CI: recording them costs a quarter of every test's time on a two-core machine,
    // measured (voting.spec 75 s with, 55 s without, 65 s with DOM snapshots only), and CI must stay
    // under 40 minutes. A failure still saves its screenshot and error context; rerun it with
    // `--trace on` for the whole trace. Locally a failing test keeps its trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The same start script as `npm start`, on its own empty database, migrated and with the demo.
    command: "node scripts/start.mjs",
    url: `${baseURL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      TRADEOFF_FRESH_DATABASE: "1",
      TRADEOFF_MIGRATE: "1",
      TRADEOFF_DEMO: "1",
      PORT: String(PORT),
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
      AUTH_TRUST_HOST: "true",
      AUTH_URL: baseURL,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
