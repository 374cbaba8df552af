import type { Page } from "@playwright/test";
import {
  confirmStep,
  createInvite,
  createTeam,
  createTemplateEvaluation,
  expect,
  joinWithInvite,
  newPerson,
  signUp,
  test,
} from "./fixtures";

async function allocate(page: Page, points: Record<string, number>) {
  for (const [criterion, value] of Object.entries(points)) {
    await page.getByLabel(criterion, { exact: true }).fill(String(value));
  }
}

async function scores(page: Page) {
  const ranking = page.getByTestId("ranking");
  await expect(ranking).toBeVisible();
  return ranking.getByTestId("score").allTextContents();
}

/**
 * Whether two pages show the same scores, both read afresh on every poll: a caster's own page counts
 * its vote before the server's ranking arrives, so a ranking read once can be the one before it.
 */
async function sameScores(one: Page, other: Page) {
  const [a, b] = [await scores(one), await scores(other)];
  return JSON.stringify(a) === JSON.stringify(b) ? "the same" : `${a.join(", ")} against ${b.join(", ")}`;
}

async function openVoting(page: Page) {
  await page.getByRole("button", { name: "Open voting" }).click();
  await page.getByRole("button", { name: "Open voting" }).last().click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/voting/i);
}

test("two teammates vote blind: each sees who voted and their own preview, nobody the ranking until the reveal", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = newPerson("owner");
  await signUp(page, owner);
  await createTeam(page, "Billing squad");
  const link = await createInvite(page, "member");
  const { page: memberPage } = await joinWithInvite(browser, link);
  const evaluationUrl = await createTemplateEvaluation(page, "Django or Flask for billing");
  await expect(page.getByTestId("visibility-badge")).toHaveText("Blind voting: results stay hidden until the ballots are revealed");
  await openVoting(page);
  await expect(page.getByTestId("results-hidden")).toContainText("0 of 2");

  await memberPage.goto(evaluationUrl);
  await allocate(memberPage, { "Built-in security": 37, "Learning curve": 63 });
  await memberPage.getByRole("button", { name: "Cast ballot" }).click();
  await expect(memberPage.getByText("Your ballot is saved")).toBeVisible();

  // The owner's open page learns that the member voted, live, and nothing else.
  await expect(page.getByTestId("vote-count")).toHaveText("1 of 2 voted");
  await expect(page.getByTestId("results-hidden")).toContainText("1 of 2");
  await expect(page.getByTestId("ranking")).toHaveCount(0);
  await page.getByRole("tab", { name: "Report" }).click();
  await expect(page.getByTestId("report-hidden")).toBeVisible();
  await page.getByRole("tab", { name: "Overview" }).click();

  // The member may preview, privately, how the options rank under their own ballot.
  await memberPage.getByRole("button", { name: "Preview the ranking under my ballot" }).click();
  await expect(memberPage.getByTestId("private-preview").getByRole("listitem")).toHaveCount(2);
  await expect(memberPage.getByTestId("ranking")).toHaveCount(0);

  await allocate(page, { "Raw performance & footprint": 60, "Flexibility & architectural freedom": 40 });
  await page.getByRole("button", { name: "Cast ballot" }).click();
  await expect(memberPage.getByTestId("vote-count")).toHaveText("2 of 2 voted");
  await expect(memberPage.getByTestId("ranking")).toHaveCount(0);

  // The reveal shows both the same ranking, live, and each ballot.
  await confirmStep(page, "Close voting and reveal ballots", /Reveal/);
  await expect(memberPage.getByTestId("evaluation-status")).toHaveText(/revealed/i);
  await expect(memberPage.getByTestId("ranking")).toBeVisible();
  await expect.poll(() => sameScores(page, memberPage)).toBe("the same");
  await expect(memberPage.getByTestId("revealed-ballots")).toContainText("37%");
  await expect(page.getByTestId("visibility-badge")).toHaveCount(0);
});

test("with open voting, two teammates vote in their own browsers and both see the same ranking, live", async ({ page, browser }) => {
  // Two people's sign-up, team, invitation and ballots: over a minute when the machine is busy.
  test.setTimeout(120_000);
  const owner = newPerson("owner");
  await signUp(page, owner);
  const teamName = "Checkout squad";
  const teamId = await createTeam(page, teamName);
  const link = await createInvite(page, "member");

  const { page: memberPage } = await joinWithInvite(browser, link);
  // Open voting is chosen when the evaluation is created, and stated on its page.
  await page.getByRole("link", { name: "New evaluation" }).first().click();
  await page.getByLabel("Title").fill("Django or Flask for checkout");
  await page.getByRole("radio", { name: /^Open voting/ }).check();
  await page.getByRole("button", { name: "Create evaluation" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/draft/i);
  await expect(page.getByTestId("visibility-badge")).toHaveText("Open voting: results are visible while voting");
  const evaluationUrl = page.url();

  await openVoting(page);
  await expect(page.getByTestId("ranking-empty")).toBeVisible();

  // The member allocates points; the indicator tracks what is left and the form explains the rule.
  await memberPage.goto(evaluationUrl);
  await expect(memberPage.getByTestId("points-left")).toHaveText("100 points left");
  await allocate(memberPage, { "Built-in security": 50, "Admin interface": 30 });
  await expect(memberPage.getByTestId("points-left")).toHaveText("20 points left");
  await expect(memberPage.getByTestId("ballot-problem")).toHaveText("Points must add up to 100 (they add up to 80)");
  await expect(memberPage.getByRole("button", { name: "Cast ballot" })).toBeDisabled();
  await allocate(memberPage, { "Learning curve": 40 });
  await expect(memberPage.getByTestId("points-left")).toHaveText("20 points over");
  await allocate(memberPage, { "Learning curve": 20 });
  await expect(memberPage.getByTestId("points-left")).toHaveText("All 100 points allocated");
  await memberPage.getByRole("button", { name: "Cast ballot" }).click();
  await expect(memberPage.getByText("Your ballot is saved")).toBeVisible();
  await expect(memberPage.getByTestId("vote-count")).toHaveText("1 of 2 voted");

  // The owner's open page updates without a reload: vote count and ranking.
  await expect(page.getByTestId("vote-count")).toHaveText("1 of 2 voted");
  await expect(page.getByTestId("ranking")).toBeVisible();

  await allocate(page, { "Raw performance & footprint": 60, "Flexibility & architectural freedom": 40 });
  await page.getByRole("button", { name: "Cast ballot" }).click();
  await expect(page.getByText("Your ballot is saved")).toBeVisible();
  await expect(page.getByTestId("vote-count")).toHaveText("2 of 2 voted");
  await expect(memberPage.getByTestId("vote-count")).toHaveText("2 of 2 voted");

  await expect.poll(() => sameScores(page, memberPage)).toBe("the same");

  // A revision changes the ranking for everyone, still without a reload.
  const before = await scores(page);
  await allocate(memberPage, { "Built-in security": 100, "Admin interface": 0, "Learning curve": 0 });
  await memberPage.getByRole("button", { name: "Update ballot" }).click();
  await expect(memberPage.getByText("Your ballot is saved")).toBeVisible();
  await expect.poll(async () => JSON.stringify(await scores(page))).not.toBe(JSON.stringify(before));
  await expect.poll(() => sameScores(page, memberPage)).toBe("the same");

  // The team page lists the evaluation with its status and how many have voted.
  await page.goto(`/teams/${teamId}`);
  const row = page.getByRole("listitem").filter({ hasText: "Django or Flask for checkout" });
  await expect(row.getByText(/voting/i)).toBeVisible();
  await expect(row.getByTestId("ballot-count")).toHaveText("2 of 2 voted");
});

test("a 1-5 importance ballot starts unset and can be cast only once every criterion is rated or explicitly rated 1", async ({ page }) => {
  const owner = newPerson("owner");
  await signUp(page, owner);
  await createTeam(page, "Importance squad");
  await createTemplateEvaluation(page, "Django or Flask by importance");
  await openVoting(page);

  await page.getByRole("radio", { name: "Importance 1–5" }).click();
  await expect(page.getByTestId("method-help")).toContainText("Rate each criterion on its own");
  await expect(page.getByTestId("importance-left")).toHaveText(/^24 of 24 criteria not rated yet$/);
  // Nothing is pre-filled: no criterion shows a choice the voter did not make.
  await expect(page.getByRole("radiogroup", { name: "Importance of Built-in security" }).getByRole("radio", { checked: true })).toHaveCount(
    0,
  );
  await expect(page.getByRole("button", { name: "Cast ballot" })).toBeDisabled();
  await expect(page.getByTestId("ballot-problem")).toContainText("not rated");

  await page.getByRole("radiogroup", { name: "Importance of Built-in security" }).getByRole("radio", { name: /^5/ }).click();
  await expect(page.getByTestId("importance-left")).toHaveText("23 of 24 criteria not rated yet");
  await page.getByRole("button", { name: "Rate the rest 1 (barely matters)" }).click();
  await expect(page.getByTestId("importance-left")).toHaveText("Every criterion rated");
  await page.getByRole("button", { name: "Cast ballot" }).click();
  await expect(page.getByText("Your ballot is saved")).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("radiogroup", { name: "Importance of Built-in security" }).getByRole("radio", { checked: true }),
  ).toHaveAccessibleName(/^5/);
});
