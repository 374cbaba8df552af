import type { Page } from "@playwright/test";
import { createInvite, createTeam, createTemplateEvaluation, expect, joinWithInvite, newPerson, signUp, test } from "./fixtures";

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

test("two teammates vote in their own browsers and both see the same ranking, live", async ({ page, browser }) => {
  const owner = newPerson("owner");
  await signUp(page, owner);
  const teamName = "Checkout squad";
  const teamId = await createTeam(page, teamName);
  const link = await createInvite(page, "member");

  const { page: memberPage } = await joinWithInvite(browser, link);
  const evaluationUrl = await createTemplateEvaluation(page, "Django or Flask for checkout");

  await page.getByRole("button", { name: "Open voting" }).click();
  await page.getByRole("button", { name: "Open voting" }).last().click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/voting/i);
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
  await expect(page.getByTestId("vote-count")).toHaveText("2 of 2 voted");
  await expect(memberPage.getByTestId("vote-count")).toHaveText("2 of 2 voted");

  await expect.poll(async () => JSON.stringify(await scores(memberPage))).toBe(JSON.stringify(await scores(page)));

  // A revision changes the ranking for everyone, still without a reload.
  const before = await scores(page);
  await allocate(memberPage, { "Built-in security": 100, "Admin interface": 0, "Learning curve": 0 });
  await memberPage.getByRole("button", { name: "Update ballot" }).click();
  await expect(memberPage.getByText("Your ballot is saved")).toBeVisible();
  await expect.poll(async () => JSON.stringify(await scores(page))).not.toBe(JSON.stringify(before));
  await expect.poll(async () => JSON.stringify(await scores(memberPage))).toBe(JSON.stringify(await scores(page)));

  // The team page lists the evaluation with its status and how many have voted.
  await page.goto(`/teams/${teamId}`);
  const row = page.getByRole("listitem").filter({ hasText: "Django or Flask for checkout" });
  await expect(row.getByText(/voting/i)).toBeVisible();
  await expect(row.getByTestId("ballot-count")).toHaveText("2 of 2 voted");
});
