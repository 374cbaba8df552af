import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${PORT}`;
/** The e2e server's own SQLite file (one per port, so two suites can run side by side). */
export const E2E_DATABASE_FILE = `./data/e2e-${PORT}.db`;

// Real Chromium from Debian's package (never `npx playwright install`: these machines are offline).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The same start script as `npm start`, on its own empty database file.
    command: "node scripts/start.mjs",
    url: `${baseURL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      DATABASE_URL: `file:${E2E_DATABASE_FILE}`,
      TRADEOFF_FRESH_DATABASE: "1",
      PORT: String(PORT),
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
      AUTH_TRUST_HOST: "true",
      AUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
