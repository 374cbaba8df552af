import { readFileSync, writeFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { cli, type Demo } from "./cli";
import { withE2eDatabase } from "./database";

async function download(page: Page, item: string): Promise<{ text: string; file: string; name: string }> {
  const menuItem = page.getByRole("menuitem", { name: item });
  // A click before the page has hydrated opens nothing: open the menu until its items show.
  await expect(async () => {
    if (!(await menuItem.isVisible())) await page.getByTestId("export-menu").click();
    await expect(menuItem).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const [file] = await Promise.all([page.waitForEvent("download"), menuItem.click()]);
  // The menu closes with an animation; a click on Export before it is gone is lost.
  await expect(page.getByRole("menu")).toBeHidden();
  const saved = test.info().outputPath(`${Date.now()}-${(file as Download).suggestedFilename()}`);
  await file.saveAs(saved);
  return { text: readFileSync(saved, "utf8"), file: saved, name: (file as Download).suggestedFilename() };
}

test("the decided demo exports to MADR, JSON and CSV from the UI, identically each time, and verifies", async ({ page }) => {
  const demo = cli<Demo>("demo");
  await signIn(page, DEMO.member);
  await page.goto(`/evaluations/${demo.evaluationId}`);
  await expect(page.getByTestId("integrity-badge")).toContainText("Integrity verified");

  const md = await download(page, "Markdown (MADR), to commit");
  // Named for docs/decisions/, small, no HTML entities, only the weighted drivers, only eligible voters.
  expect(md.name).toBe("0001-django-or-flask-for-the-customer-portal.md");
  expect(Buffer.byteLength(md.text)).toBeLessThan(8 * 1024);
  expect(md.text).not.toMatch(/&(amp|lt|gt);/);
  expect(md.text).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  const drivers = md.text.split("## Decision Drivers")[1].split("## Considered Options")[0];
  expect(drivers.split("\n").filter((line) => line.startsWith("* ")).length).toBeLessThanOrEqual(6);
  expect(md.text).toContain("from 3 of 3 members who could vote");
  for (const heading of [
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "## Pros and Cons of the Options",
    "## More Information",
  ]) {
    expect(md.text).toContain(heading);
  }
  expect(md.text).toContain('Chosen option: "Django"');
  expect((await download(page, "Markdown (MADR), to commit")).text).toBe(md.text);

  const json = await download(page, "JSON (verifiable)");
  expect(cli("verify", json.file)).toMatchObject({ valid: true });
  expect((await download(page, "JSON (verifiable)")).text).toBe(json.text);

  const csv = await download(page, "CSV, long format for analysis");
  expect(csv.text.split("\n")[0]).toMatch(/^kind,/);
  expect(csv.text).not.toMatch(/\d\.\d{5,}/);
  const wide = await download(page, "CSV, one row per option");
  expect(wide.name).toBe("django-or-flask-for-the-customer-portal-by-option.csv");
  const [header, weights, first] = wide.text.split("\n");
  expect(header).toMatch(/^Option,Rank,Score \(0-10\),Win probability \(%\),/);
  expect(weights).toMatch(/^Team weight \(%\),/);
  expect(first).toMatch(/^Django,1,/);

  // The same record from the API, with a personal token, is the same file.
  const { token } = cli<{ token: string }>("token", "create", "--email", DEMO.member);
  const api = await page.request.get(`/api/v1/evaluations/${demo.evaluationId}/record.json`, {
    headers: { authorization: `Bearer ${token}` },
  });
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
  // An edited file can only become a draft.
  await expect(page.getByLabel("As a decided archive")).toBeDisabled();
  await page.getByLabel("Decision record").setInputFiles(json.file);
  await expect(page.getByTestId("verify-result")).toContainText("Unchanged since export");
  await page.getByLabel("As a decided archive").check();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported as a decided archive")).toBeVisible();
  await expect(page.getByText("3 ballots imported")).toBeVisible();
  await page.getByRole("link", { name: "Open the evaluation" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/decided/i);
  await expect(page.getByTestId("decision")).toContainText("Django");
  // Marked on the evaluation page (its integrity badge says what was checked) and in the team's list.
  const badge = page.getByTestId("integrity-badge");
  await expect(badge).toContainText("Imported from a record");
  await badge.locator("summary").click();
  await expect(badge).toContainText(
    `matches the record it was imported from (sha256 ${JSON.parse(json.text).integrity.sha256.slice(0, 12)}`,
  );
  await page.goto(`/teams/${demo.teamId}`);
  await expect(page.getByTestId("imported-badge").first()).toContainText("Imported from a record");
});

test("members do not see the import, and the API refuses them", async ({ page }) => {
  const demo = cli<Demo>("demo");
  await signIn(page, DEMO.member);
  await page.goto(`/teams/${demo.teamId}`);
  await expect(page.getByRole("link", { name: "New evaluation" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Import record" })).toHaveCount(0);
  await page.goto(`/teams/${demo.teamId}/import`);
  await expect(page.getByText("Only owners and admins import decision records")).toBeVisible();
  const { token } = cli<{ token: string }>("token", "create", "--email", DEMO.member);
  const refused = await page.request.post(`/api/v1/teams/${demo.teamId}/evaluations/import`, {
    headers: { authorization: `Bearer ${token}` },
    data: { mode: "draft", record: { schemaVersion: 1 } },
  });
  expect(refused.status()).toBe(403);
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
  await expect(page.getByTestId("integrity-badge")).toContainText("Imported from a record");

  await withE2eDatabase(async (db) => {
    const first = await db.ballotRevision.findFirstOrThrow({ where: { evaluationId, seq: 1 } });
    await db.ballotRevision.update({ where: { id: first.id }, data: { payload: first.payload.replaceAll(":", ": ") } });
  });

  await page.reload();
  await expect(page.getByTestId("integrity-badge")).toContainText("Integrity check failed");
});
