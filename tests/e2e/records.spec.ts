import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Download, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { cli, type Demo } from "./cli";
import { E2E_DATABASE_FILE } from "../../playwright.config";

async function download(page: Page, item: string): Promise<{ text: string; file: string }> {
  await page.getByTestId("export-menu").click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: item }).click()]);
  const saved = test.info().outputPath(`${Date.now()}-${(file as Download).suggestedFilename()}`);
  await file.saveAs(saved);
  return { text: readFileSync(saved, "utf8"), file: saved };
}

test("the decided demo exports to MADR, JSON and CSV from the UI, identically each time, and verifies", async ({ page }) => {
  const demo = cli<Demo>("demo");
  await signIn(page, DEMO.member);
  await page.goto(`/evaluations/${demo.evaluationId}`);
  await expect(page.getByTestId("integrity-badge")).toContainText("Integrity verified");

  const md = await download(page, "Markdown (MADR)");
  for (const heading of ["## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome", "## Pros and Cons of the Options", "## More Information"]) {
    expect(md.text).toContain(heading);
  }
  expect(md.text).toContain('Chosen option: "Django"');
  expect((await download(page, "Markdown (MADR)")).text).toBe(md.text);

  const json = await download(page, "JSON (verifiable)");
  expect(cli("verify", json.file)).toMatchObject({ valid: true });
  expect((await download(page, "JSON (verifiable)")).text).toBe(json.text);

  const csv = await download(page, "CSV (spreadsheet)");
  expect(csv.text.split("\n")[0]).toMatch(/^kind,/);

  // The same record from the API, with a personal token, is the same file.
  const { token } = cli<{ token: string }>("token", "create", "--email", DEMO.member);
  const api = await page.request.get(`/api/v1/evaluations/${demo.evaluationId}/record.json`, { headers: { authorization: `Bearer ${token}` } });
  expect(await api.text()).toBe(json.text);

  // The printable view renders the record as a document.
  await page.goto(`/evaluations/${demo.evaluationId}/print`);
  await expect(page.getByRole("heading", { name: "Context and Problem Statement" })).toBeVisible();
});

test("an exported record imports as a decided archive, and an edited file is flagged", async ({ page }) => {
  const demo = cli<Demo>("demo");
  await signIn(page, DEMO.owner);
  await page.goto(`/evaluations/${demo.evaluationId}`);
  const json = await download(page, "JSON (verifiable)");

  const tampered = test.info().outputPath("tampered.json");
  const record = JSON.parse(json.text);
  record.decision.rationale = "Someone rewrote history.";
  writeFileSync(tampered, JSON.stringify(record));

  await page.goto(`/teams/${demo.teamId}`);
  await page.getByRole("link", { name: "Import record" }).click();
  await page.getByLabel("Decision record").setInputFiles(tampered);
  await expect(page.getByTestId("verify-result")).toContainText("Changed after export");
  await page.getByLabel("Decision record").setInputFiles(json.file);
  await expect(page.getByTestId("verify-result")).toContainText("Unchanged since export");
  await page.getByLabel("As a decided archive").check();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported as a decided archive")).toBeVisible();
  await expect(page.getByText("3 ballots imported")).toBeVisible();
  await page.getByRole("link", { name: "Open the evaluation" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/decided/i);
  await expect(page.getByTestId("decision")).toContainText("Django");
});

test("a ballot changed directly in the database is flagged on the evaluation page", async ({ page }) => {
  const demo = cli<Demo>("demo");
  await signIn(page, DEMO.owner);
  // An import of the decided demo gives an evaluation this test may damage without touching the demo.
  await page.goto(`/evaluations/${demo.evaluationId}`);
  const json = await download(page, "JSON (verifiable)");
  const { token } = cli<{ token: string }>("token", "create", "--email", DEMO.owner);
  const imported = await page.request.post(`/api/v1/teams/${demo.teamId}/evaluations/import`, {
    headers: { authorization: `Bearer ${token}` },
    data: { mode: "archive", record: JSON.parse(json.text) },
  });
  expect(imported.status()).toBe(201);
  const { evaluationId } = await imported.json();
  await page.goto(`/evaluations/${evaluationId}`);
  await expect(page.getByTestId("integrity-badge")).toContainText("Integrity verified");

  const database = new Database(path.resolve(E2E_DATABASE_FILE));
  database.prepare("UPDATE BallotRevision SET payload = replace(payload, ':', ': ') WHERE evaluationId = ? AND seq = 1").run(evaluationId);
  database.close();

  await page.reload();
  await expect(page.getByTestId("integrity-badge")).toContainText("Integrity check failed");
});
