import type { Page } from "@playwright/test";
import { confirmStep, createTeam, createTemplateEvaluation, expect, newPerson, signUp, test } from "./fixtures";

const SECURITY = "Built-in security";
const ADMIN = "Admin interface";
const LEARNING = "Learning curve";

/** Says `more` matters `times`× more than `less`, whichever way round the form asks the pair. */
async function judge(page: Page, more: string, less: string, times: number) {
  // Each pair is a segmented scale (a radio group); each segment is named by its judgment.
  const pair = page.getByRole("radiogroup", { name: new RegExp(`^(${more} vs ${less}|${less} vs ${more})$`) });
  await pair.getByRole("radio", { name: new RegExp(`^${more}: ${times}×`) }).click();
}

test("a member votes by pairwise comparisons, sees a contradiction named, fixes it, and the revealed ballot shows its consistency", async ({
  page,
}) => {
  // A phone-sized screen: the form must fit without scrolling sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  const owner = newPerson("owner");
  await signUp(page, owner);
  await createTeam(page, "Pairwise squad");
  await createTemplateEvaluation(page, "Django or Flask for the intranet");

  await page.getByRole("button", { name: "Open voting" }).click();
  await page.getByRole("button", { name: "Open voting" }).last().click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/voting/i);

  await page.getByRole("radio", { name: "Pairwise" }).click();
  await expect(page.getByTestId("ballot-problem")).toHaveText("Pick at least 3 criteria to compare");
  await expect(page.getByRole("button", { name: "Cast ballot" })).toBeDisabled();
  for (const name of [SECURITY, ADMIN, LEARNING]) await page.getByRole("checkbox", { name, exact: true }).check();
  await expect(page.getByTestId("ballot-problem")).toBeHidden();

  // A circle (security ≫ admin ≫ learning ≫ security) cannot all be true.
  await judge(page, SECURITY, ADMIN, 9);
  await judge(page, ADMIN, LEARNING, 9);
  await judge(page, LEARNING, SECURITY, 9);
  const warning = page.getByTestId("consistency-warning");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(`You said ${SECURITY} matters 9× more than ${ADMIN}`);
  await expect(warning).toContainText(`You said ${ADMIN} matters 9× more than ${LEARNING}`);
  await expect(warning).toContainText(`You said ${LEARNING} matters 9× more than ${SECURITY}`);
  await expect(page.getByTestId("pairwise-weights")).toContainText("33%");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // 3 × 3 = 9: consistent.
  await judge(page, SECURITY, ADMIN, 3);
  await judge(page, ADMIN, LEARNING, 3);
  await judge(page, SECURITY, LEARNING, 9);
  await expect(warning).toBeHidden();
  await expect(page.getByTestId("consistency-ratio")).toContainText("Consistency ratio 0.00");
  await expect(page.getByTestId("pairwise-weights")).toContainText("69%");

  await page.getByRole("button", { name: "Cast ballot" }).click();
  await expect(page.getByText("Your ballot is saved")).toBeVisible();
  await expect(page.getByTestId("vote-count")).toHaveText("1 of 1 voted");

  // After a reload the form shows the saved pairwise ballot.
  await page.reload();
  await expect(page.getByRole("radio", { name: "Pairwise" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("checkbox", { name: SECURITY, exact: true })).toBeChecked();
  await expect(page.getByTestId("pairwise-weights")).toContainText("69%");

  await confirmStep(page, "Close voting and reveal ballots", "Reveal ballots");
  await expect(page.getByTestId("evaluation-status")).toHaveText(/revealed/i);
  const ballots = page.getByTestId("revealed-ballots");
  await expect(ballots).toContainText("pairwise");
  await expect(ballots.getByTestId("ballot-consistency")).toHaveText("CR 0.00");
});
