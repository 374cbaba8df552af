// `npm run bench:live`: how long a teammate's open report takes to show a ballot cast elsewhere.
// Needs a running server with the demo seeded (`npm start`, or BASE_URL=http://127.0.0.1:PORT).
// Two browser contexts: one watches the demo's voting evaluation; the other alternates two ballots
// through the API; the time from the API's answer to the watcher's ranking changing is printed.
import { chromium, type Page } from "@playwright/test";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const ROUNDS = Number(process.env.ROUNDS ?? 8);
const PASSWORD = "tradeoff-demo-2026";

async function signIn(page: Page, email: string) {
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/teams/);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
const watcher = await (await browser.newContext()).newPage();
const voter = await (await browser.newContext()).newPage();
await signIn(watcher, "linus@demo.tradeoff.dev");
await signIn(voter, "grace@demo.tradeoff.dev");

await watcher.goto(`${BASE}/teams`);
await watcher.getByText("Demo team").first().click();
await watcher.waitForURL(/\/teams\/\w+/);
await watcher.getByRole("link", { name: /ML inference service/ }).click();
await watcher.waitForURL(/\/evaluations\//);
const evaluationId = watcher.url().split("/evaluations/")[1].split("?")[0];
const scores = () => watcher.getByTestId("ranking").getByTestId("score").allTextContents();

const ballots = [
  { method: "points", weights: { "performance-footprint": 100 } },
  { method: "points", weights: { "admin-interface": 100 } },
];
const latencies: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  await watcher.getByTestId("ranking").waitFor();
  const before = JSON.stringify(await scores());
  const response = await voter.request.post(`${BASE}/api/v1/evaluations/${evaluationId}/ballots`, {
    headers: { origin: BASE },
    data: ballots[round % 2],
  });
  if (response.status() !== 201) throw new Error(`ballot refused: ${response.status()} ${await response.text()}`);
  const cast = performance.now();
  while (JSON.stringify(await scores()) === before) {
    if (performance.now() - cast > 15_000) throw new Error("the watcher's page did not update within 15 s");
    await watcher.waitForTimeout(25);
  }
  latencies.push(performance.now() - cast);
}
await browser.close();

latencies.sort((a, b) => a - b);
const ms = (x: number) => `${Math.round(x)} ms`;
console.log(`live update of an open report after a ballot, ${ROUNDS} rounds against ${BASE}`);
console.log(`min ${ms(latencies[0])}, median ${ms(latencies[Math.floor(latencies.length / 2)])}, max ${ms(latencies[latencies.length - 1])} (goal: within 2000 ms)`);
