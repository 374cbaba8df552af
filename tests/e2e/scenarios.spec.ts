// Issue 15: a what-if saved as a named scenario, shared with the team by link, cast as a ballot by
// a teammate (the ranking updates for everyone), and deleted by its creator; at a desktop's and a
// phone's width.
import type { Page } from "@playwright/test";
import { createInvite, createTeam, expect, joinWithInvite, newPerson, signUp, test } from "./fixtures";

const SECURITY = "Built-in security";

async function openVoting(page: Page) {
  await page.getByRole("button", { name: "Open voting" }).click();
  await page.getByRole("button", { name: "Open voting" }).last().click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/voting/i);
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("save a what-if as a scenario, open its link as a teammate, cast it as a ballot and see the ranking update", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = newPerson("owner");
  await signUp(page, owner);
  await createTeam(page, "Scenario squad");
  const link = await createInvite(page, "member");
  const { page: memberPage } = await joinWithInvite(browser, link);

  await page.getByRole("link", { name: "New evaluation" }).first().click();
  await page.getByLabel("Title").fill("Django or Flask, what if");
  await page.getByRole("radio", { name: /^Open voting/ }).check();
  await page.getByRole("button", { name: "Create evaluation" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/draft/i);
  const evaluationUrl = page.url().split("?")[0];
  const evaluationId = evaluationUrl.split("/evaluations/")[1];
  await openVoting(page);
  await expect(page.getByTestId("ranking-empty")).toBeVisible();

  // The owner drags Built-in security to the top and saves the sliders under a name.
  await page.getByRole("tab", { name: "What-if" }).click();
  await expect(page.getByTestId("scenarios")).toContainText("No saved scenarios yet");
  const security = page.getByRole("slider", { name: SECURITY });
  await security.focus();
  await page.keyboard.press("End");
  await page.getByRole("button", { name: "Save as scenario" }).click();
  const saveDialog = page.getByRole("dialog");
  await saveDialog.getByRole("button", { name: "Save scenario" }).click();
  await expect(saveDialog.getByText("Name the scenario")).toBeVisible(); // an empty name is refused, by field
  await saveDialog.getByLabel("Scenario name").fill("Security first");
  await saveDialog.getByRole("button", { name: "Save scenario" }).click();
  await expect(saveDialog).toBeHidden();
  const row = page.getByTestId("scenario").filter({ hasText: "Security first" });
  await expect(row).toContainText("You ·");
  await expect(page).toHaveURL(/[?&]scenario=/);
  const shareLink = await row.getByRole("link", { name: "Security first" }).getAttribute("href");
  expect(shareLink).toMatch(new RegExp(`^/evaluations/${evaluationId}\\?scenario=\\w+$`));
  const [saved] = (await (await page.request.get(`/api/v1/evaluations/${evaluationId}/scenarios`)).json()) as {
    weights: Record<string, number>;
  }[];
  expect(Object.values(saved.weights).reduce((a, b) => a + b, 0)).toBe(100);
  const securityPoints = saved.weights["built-in-security"];
  expect(securityPoints).toBe(Math.max(...Object.values(saved.weights)));

  // The member opens the link in their own browser: the what-if panel, with the scenario's weights.
  await memberPage.goto(shareLink!);
  await expect(memberPage.getByRole("tab", { name: "What-if" })).toHaveAttribute("aria-selected", "true");
  await expect(memberPage.getByTestId("loaded-scenario")).toContainText(`“Security first” saved by ${owner.name}`);
  await expect(memberPage.getByRole("slider", { name: SECURITY })).toHaveAttribute("aria-valuenow", "50");
  for (const width of [1280, 390]) {
    await memberPage.setViewportSize({ width, height: 900 });
    await screenshot(memberPage, `scenarios-${width}`);
  }
  await memberPage.setViewportSize({ width: 1280, height: 900 });

  // Cast it as the member's ballot, through the ballot's own path.
  const memberRow = memberPage.getByTestId("scenario").filter({ hasText: "Security first" });
  await expect(memberRow.getByRole("button", { name: "Delete Security first" })).toHaveCount(0); // not theirs
  await memberRow.getByRole("button", { name: "Cast Security first as my ballot" }).click();
  const castDialog = memberPage.getByRole("dialog", { name: "Cast “Security first” as your ballot?" });
  await expect(castDialog).toContainText(`${securityPoints} points`);
  await castDialog.getByRole("button", { name: "Cast ballot" }).click();
  await expect(castDialog).toBeHidden();
  await expect(memberPage.getByText("Cast as your ballot.")).toBeVisible();

  // The ranking updates: on the member's overview, and live on the owner's page.
  await memberPage.getByRole("tab", { name: "Overview" }).click();
  // The tab follows the URL: until it has moved, the what-if panel's slider has the criterion's name too.
  await expect(memberPage.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  await expect(memberPage.getByTestId("vote-count")).toHaveText("1 of 2 voted");
  await expect(memberPage.getByLabel(SECURITY, { exact: true })).toHaveValue(String(securityPoints));
  await expect(memberPage.getByTestId("ranking").getByTestId("score").first()).toBeVisible();
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page.getByTestId("vote-count")).toHaveText("1 of 2 voted");
  await expect(page.getByTestId("ranking").getByTestId("score")).toHaveCount(2);

  // The creator deletes it; the member's list follows, and the link says it is gone.
  await page.getByRole("tab", { name: "What-if" }).click();
  await page.getByRole("button", { name: "Delete Security first" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete scenario" }).click();
  await expect(page.getByTestId("scenarios")).toContainText("No saved scenarios yet");
  await memberPage.goto(shareLink!);
  await expect(memberPage.getByTestId("missing-scenario")).toBeVisible();
});

test("while a blind vote is open a scenario stays with its creator", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page, newPerson("owner"));
  await createTeam(page, "Blind scenario squad");
  const link = await createInvite(page, "member");
  const { page: memberPage } = await joinWithInvite(browser, link);
  await page.getByRole("link", { name: "New evaluation" }).first().click();
  await page.getByLabel("Title").fill("Django or Flask, blind what if");
  await page.getByRole("button", { name: "Create evaluation" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/draft/i);
  const evaluationUrl = page.url().split("?")[0];
  await openVoting(page);

  await memberPage.goto(`${evaluationUrl}?tab=what-if`);
  await memberPage.getByRole("slider", { name: SECURITY }).focus();
  await memberPage.keyboard.press("End");
  await memberPage.getByRole("button", { name: "Save as scenario" }).click();
  await expect(memberPage.getByRole("dialog")).toContainText("Only you see it until the ballots are revealed");
  await memberPage.getByLabel("Scenario name").fill("My private what-if");
  await memberPage.getByRole("button", { name: "Save scenario" }).click();
  const row = memberPage.getByTestId("scenario").filter({ hasText: "My private what-if" });
  await expect(row).toContainText("Only you, until revealed");
  const shareLink = await row.getByRole("link", { name: "My private what-if" }).getAttribute("href");

  // The owner, following the same link, learns nothing of it.
  await page.goto(shareLink!);
  await expect(page.getByTestId("missing-scenario")).toBeVisible();
  await expect(page.getByTestId("scenarios")).toContainText("No saved scenarios yet");
  await expect(page.locator("main")).not.toContainText("My private what-if");
});
