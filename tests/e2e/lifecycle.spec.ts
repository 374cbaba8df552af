import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { confirmStep, createTeam, createTemplateEvaluation, expect, newPerson, signUp, test } from "./fixtures";
import { cli } from "./cli";
import { withE2eDatabase } from "./database";

// Issue 15, lifecycle: archive and restore, delete a draft, rename and delete a team, and a team's
// own citation carried into the decision record. Screenshots at 1280 and 390 px go to the test's
// output folder (looked at by hand; the assertions below check what they show).

/** Screenshots at both widths, with no serious accessibility problem and no sideways scroll at either. */
async function shoot(page: Page, name: string, { fullPage = true } = {}) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // Contrast is measured on the settled page: a dialog fading in or a button leaving its disabled
    // look is half-transparent for a moment.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity) // not spinners
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.nodes.length}) ${v.help}`);
    expect(serious, `${name} at ${width}px`).toEqual([]);
    // No sideways page scroll at either width.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
      `${name} at ${width}px scrolls sideways`,
    ).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function newTeamWithEvaluation(page: Page, title: string) {
  const owner = newPerson("owner");
  await signUp(page, owner);
  const teamId = await createTeam(page, `Lifecycle ${owner.name.split(" ")[1]}`);
  const evaluationUrl = await createTemplateEvaluation(page, title);
  return { owner, teamId, evaluationUrl, evaluationId: evaluationUrl.split("/evaluations/")[1] };
}

test("an owner archives an evaluation into the team's Archived section and restores it", async ({ page }) => {
  // Screenshots and an accessibility scan at two widths on each page: give it time on a busy machine.
  test.slow();
  const { teamId, evaluationId } = await newTeamWithEvaluation(page, "Framework for the billing service");
  await page.goto(`/teams/${teamId}`);
  await createTemplateEvaluation(page, "Framework for the admin portal");
  await page.goto(`/teams/${teamId}`);

  const active = page.getByRole("list", { name: "Evaluations", exact: true });
  await expect(active.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByTestId("archived-evaluations")).toHaveCount(0);

  // From the evaluation page: archive asks first, then says it is archived, with the way back.
  await page.goto(`/evaluations/${evaluationId}`);
  await confirmStep(page, "Archive", "Archive");
  await expect(page.getByTestId("archived-notice")).toContainText("Archived");
  await expect(page.getByTestId("evaluation-status")).toHaveText(/draft/i);
  await shoot(page, "evaluation-archived", { fullPage: false });

  await page.goto(`/teams/${teamId}`);
  await expect(active.getByRole("listitem")).toHaveCount(1);
  const archived = page.getByTestId("archived-evaluations");
  await expect(archived).toContainText("Archived (1)");
  // Collapsed until opened.
  await expect(archived.getByRole("link", { name: /billing service/ })).toBeHidden();
  await archived.locator("summary").click();
  await expect(archived.getByRole("link", { name: /billing service/ })).toBeVisible();
  await shoot(page, "team-page-archived");

  // Restore from the list puts it back among the active ones.
  await archived.getByRole("button", { name: "Restore Framework for the billing service" }).click();
  await expect(page.getByTestId("archived-evaluations")).toHaveCount(0);
  await expect(active.getByRole("listitem")).toHaveCount(2);
  await page.goto(`/evaluations/${evaluationId}`);
  await expect(page.getByTestId("archived-notice")).toHaveCount(0);
});

test("the creator deletes a draft after a dialog that says what goes", async ({ page }) => {
  // Screenshots and an accessibility scan at two widths on each page: give it time on a busy machine.
  test.slow();
  const { teamId, evaluationId } = await newTeamWithEvaluation(page, "A draft to throw away");
  await shoot(page, "draft-evaluation-header", { fullPage: false });
  await page.getByRole("button", { name: "Delete draft" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("2 options");
  await expect(dialog).toContainText("criteria");
  await expect(dialog).toContainText("cannot be undone");
  await dialog.getByRole("button", { name: "Delete draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${teamId}\\?deleted=1`));
  await expect(page.getByTestId("draft-deleted")).toBeVisible();
  await expect(page.getByRole("link", { name: /A draft to throw away/ })).toHaveCount(0);
  expect((await page.goto(`/evaluations/${evaluationId}`))?.status()).toBe(404);
  // The audit trail keeps a note of it.
  const note = await withE2eDatabase((db) => db.auditEntry.findFirst({ where: { teamId, action: "evaluation.deleted" } }));
  expect(JSON.parse(note!.detail)).toMatchObject({ id: evaluationId, title: "A draft to throw away" });
});

test("an owner renames the team, then deletes it after typing its name; the account stays", async ({ page }) => {
  // Screenshots and an accessibility scan at two widths on each page: give it time on a busy machine.
  test.slow();
  const { owner, teamId } = await newTeamWithEvaluation(page, "Doomed evaluation");
  await page.goto(`/teams/${teamId}`);
  const settings = page.getByTestId("team-settings");
  await settings.getByLabel("Team name").fill("x");
  await settings.getByRole("button", { name: "Rename" }).click();
  await expect(settings).toContainText("at least 2 characters");
  await settings.getByLabel("Team name").fill("Payments guild");
  await settings.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payments guild" })).toBeVisible();

  await page.getByTestId("delete-team").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("delete-team-contents")).toContainText("1 evaluation, with its decision record");
  await expect(dialog.getByTestId("delete-team-contents")).toContainText("0 ballots");
  await expect(dialog.getByTestId("delete-team-contents")).toContainText("0 comments");
  const confirm = dialog.getByRole("button", { name: "Delete the team" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type Payments guild to confirm/).fill("Payments guil");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type Payments guild to confirm/).fill("Payments guild");
  await expect(confirm).toBeEnabled();
  // A dialog is fixed to the viewport: a full-page screenshot would stretch it.
  await shoot(page, "delete-team-dialog", { fullPage: false });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeInViewport();
  await confirm.click();

  await expect(page).toHaveURL(/\/teams\?deleted=1/);
  await expect(page.getByTestId("team-deleted")).toBeVisible();
  await expect(page.getByRole("link", { name: /Payments guild/ })).toHaveCount(0);
  expect((await page.goto(`/teams/${teamId}`))?.status()).toBe(404);
  const account = await withE2eDatabase((db) => db.user.findUnique({ where: { email: owner.email } }));
  expect(account).not.toBeNull();
});

test("a member cites the team's own source on a rating and the decision record carries it", async ({ page }) => {
  // Screenshots and an accessibility scan at two widths on each page: give it time on a busy machine.
  test.slow();
  const { owner, evaluationId } = await newTeamWithEvaluation(page, "Cited framework choice");
  // The draft editor links each option to its evidence page, where sources are cited.
  await page.getByRole("link", { name: "Flask: evidence and sources" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Flask" })).toBeVisible();
  const evidence = page.locator('[data-testid^="evidence-"]').first();
  const citedKey = (await evidence.getAttribute("data-testid"))!.replace("evidence-", "");
  await evidence.getByRole("button", { name: /Cite a source/ }).click();
  const form = evidence.getByRole("form", { name: /Cite a source/ });
  await form.getByLabel("Title of the source").fill("Our Flask load test");
  await form.getByLabel("Address (https)").fill("javascript:alert(1)");
  await form.getByLabel("Quote").fill("p95 stayed under 80 ms at 2,000 requests a second.");
  await form.getByRole("button", { name: "Add citation" }).click();
  await expect(form).toContainText("Must be an https:// web address");
  await form.getByLabel("Address (https)").fill("https://wiki.example.com/flask-load-test");
  await form.getByRole("button", { name: "Add citation" }).click();

  const link = evidence.getByRole("link", { name: /Our Flask load test/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", "https://wiki.example.com/flask-load-test");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await evidence.scrollIntoViewIfNeeded();
  await shoot(page, "option-page-team-citation", { fullPage: false });

  // Decide: open voting, one ballot (by API token), reveal, record the decision.
  await page.goto(`/evaluations/${evaluationId}`);
  await page.getByRole("button", { name: "Open voting" }).click();
  await page.locator("form").getByRole("button", { name: "Open voting" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/voting/i);
  const keys = await withE2eDatabase(async (db) =>
    (await db.criterion.findMany({ where: { evaluationId }, orderBy: { position: "asc" } })).map((c) => c.key),
  );
  const { token } = cli<{ token: string }>("token", "create", "--email", owner.email);
  const cast = await page.request.post(`/api/v1/evaluations/${evaluationId}/ballots`, {
    headers: { authorization: `Bearer ${token}` },
    // All weight on the cited criterion: it becomes the record's one decision driver, whose pros and cons cite sources.
    data: { method: "points", weights: Object.fromEntries(keys.map((k) => [k, k === citedKey ? 100 : 0])) },
  });
  expect(cast.status()).toBe(201);
  await page.reload();
  await confirmStep(page, "Close voting and reveal ballots", "Reveal ballots");
  await expect(page.getByTestId("evaluation-status")).toHaveText(/revealed/i);
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.getByLabel("Rationale").fill("Flask, on our own load test numbers.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/decided/i);
  // The panel opened on the leader after the reveal, not on the first option it saw before it.
  await expect(page.getByTestId("decision")).toContainText("Flask");
  await page.reload();
  await expect(page.getByTestId("record-number")).toHaveText("ADR 0001");
  await shoot(page, "evaluation-decided-record-number", { fullPage: false });

  const md = await page.request.get(`/api/v1/evaluations/${evaluationId}/record.md`);
  expect(md.headers()["content-disposition"]).toContain('filename="0001-cited-framework-choice.md"');
  expect(await md.text()).toContain("[“Our Flask load test”](https://wiki.example.com/flask-load-test)");
  const json = await (await page.request.get(`/api/v1/evaluations/${evaluationId}/record.json`)).json();
  const citations = (json.ratings as { citations: { title?: string; url?: string }[] }[]).flatMap((r) => r.citations);
  expect(citations).toContainEqual(
    expect.objectContaining({ title: "Our Flask load test", url: "https://wiki.example.com/flask-load-test" }),
  );

  // The export menu suggests where the Markdown goes.
  await page.getByTestId("export-menu").click();
  await expect(page.getByTestId("madr-path")).toContainText("docs/decisions/0001-cited-framework-choice.md");
  await page.screenshot({ path: test.info().outputPath("export-menu-1280.png") });
  await page.keyboard.press("Escape");
  await page.goto(`/evaluations/${evaluationId}/print`);
  await expect(page.getByTestId("record-file-name")).toContainText("Decision record 0001");
  await expect(page.getByRole("link", { name: "“Our Flask load test”" })).toHaveAttribute(
    "href",
    "https://wiki.example.com/flask-load-test",
  );
});
