import { chooseOption, confirmStep, createTeam, expect, newPerson, signUp, test } from "./fixtures";
import { withE2eDatabase } from "./database";

/** A browser-default select, radio or checkbox a person could reach (Radix's form inputs are aria-hidden). */
const NATIVE_CONTROLS = ["select", "input[type=radio]", "input[type=checkbox]"].map((c) => `${c}:not([aria-hidden="true"])`).join(", ");

test("create an evaluation from the Django or Flask template with a project profile, and see why each score is what it is", async ({
  page,
}) => {
  const owner = newPerson("owner");
  await signUp(page, owner);
  await createTeam(page, "ML platform");
  await page.getByRole("link", { name: "New evaluation" }).first().click();

  await page.getByLabel("Title").fill("Framework for the inference API");
  await page.getByLabel("Suggest criterion weights from a short project profile").check();
  // Radix controls, no browser-default ones, that still submit with the form (checked below).
  await expect(page.locator(NATIVE_CONTROLS)).toHaveCount(0);
  await chooseOption(page, "Project size", "Small");
  await chooseOption(page, "Timeline", "Tight");
  await chooseOption(page, "Team prefers", "Clear conventions");
  await page.getByRole("radio", { name: /^Open voting/ }).check();
  await page.getByLabel("ML model serving").check();
  await page.getByLabel("REST API").check();

  const suggestion = page.getByTestId("suggested-weights");
  await expect(suggestion).toContainText("Fit for ML serving");
  await suggestion.getByText(/Why these weights/).click();
  const explanations = page.getByTestId("weight-explanations");
  await expect(explanations.locator("li").first()).toBeVisible();
  // Each reason says which framework it favours and by how much, and quotes the article by title.
  await expect(page.getByTestId("starting-point")).toContainText("Starting point");
  await expect(explanations.locator("li").first()).toContainText(/Towards Flask · \d\.\d\d pts/);
  await expect(explanations.locator("cite").first()).toHaveText(/^\(.+\)$/);
  await expect(explanations.locator("cite").first()).not.toContainText(".txt");
  await expect(page.getByTestId("suggestion-summary")).toContainText("Flask");

  await page.getByRole("button", { name: "Create evaluation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Framework for the inference API" })).toBeVisible();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/draft/i);
  // The server action got every Radix control's value through FormData.
  const evaluationId = page.url().split("/evaluations/")[1].split(/[?#]/)[0];
  const stored = await withE2eDatabase((db) =>
    db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { visibility: true, profile: true } }),
  );
  expect(stored.visibility).toBe("open");
  expect(JSON.parse(stored.profile ?? "null")).toMatchObject({
    projectSize: "small",
    timeline: "tight",
    teamPreference: "conventions",
    needs: expect.arrayContaining(["ml-serving", "rest-api"]),
  });

  const why = page.getByTestId("why-django-built-in-security");
  await why.getByText("why this score").click();
  await expect(why.locator("blockquote").first()).toBeVisible();
  // The evidence names the article by its title, not its file name (issue 14, finding 6).
  await expect(why.locator("footer").first()).not.toContainText(".txt");
});

test("a blank evaluation: add, rename and remove options and criteria while a draft; bad input is explained", async ({ page }) => {
  await signUp(page, newPerson("owner"));
  await createTeam(page, "Web team");
  await page.getByRole("link", { name: "New evaluation" }).first().click();
  await page.getByLabel("Title").fill("X");
  await page.getByLabel("Blank").check();
  await expect(page.getByRole("radio", { name: /^Django or Flask/ })).not.toBeChecked();
  await page.getByRole("button", { name: "Create evaluation" }).click();
  await expect(page.getByText("Title must be at least 3 characters")).toBeVisible();
  // A refused submit keeps the choices made (Radix controls, which a form reset would put back).
  await expect(page.getByRole("radio", { name: /^Blank/ })).toBeChecked();
  await page.getByLabel("Title").fill("Node or Ruby");
  await page.getByRole("button", { name: "Create evaluation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Node or Ruby" })).toBeVisible();
  await page.getByLabel("Problem statement").fill("Which stack for the new storefront?");
  await page.getByRole("textbox", { name: "Title" }).fill("Node or Ruby for the storefront");
  await page.getByRole("textbox", { name: "Title" }).blur();
  await expect(page.getByRole("heading", { level: 1, name: "Node or Ruby for the storefront" })).toBeVisible();
  await expect(page.getByRole("complementary").getByText("Which stack for the new storefront?")).toBeVisible();

  for (const name of ["Express", "Rails", "Sinatra"]) {
    await page.getByLabel("New option").fill(name);
    await page.getByRole("button", { name: "Add" }).first().click();
    await expect(page.getByLabel(`Name of ${name}`)).toBeVisible();
  }
  await page.getByLabel("New criterion").fill("Hiring pool");
  await page.getByRole("button", { name: "Add" }).nth(1).click();
  await expect(page.getByLabel("Name of Hiring pool")).toBeVisible();

  await confirmStep(page, "Remove Sinatra", "Remove");
  await expect(page.getByLabel("Name of Sinatra")).toHaveCount(0);
  await page.getByLabel("Name of Rails").fill("Ruby on Rails");
  await page.getByLabel("Name of Rails").blur();
  // Saved once the list shows the new name (its Remove button is named after it and enabled again).
  await expect(page.getByRole("button", { name: "Remove Ruby on Rails" })).toBeEnabled();
  await page.reload();
  await expect(page.getByLabel("Name of Ruby on Rails")).toBeVisible();

  await page.getByLabel("Express on Hiring pool").fill("8");
  await page.getByLabel("Express on Hiring pool").blur();
  await page.getByLabel("Ruby on Rails on Hiring pool").fill("11");
  await page.getByLabel("Ruby on Rails on Hiring pool").blur();
  await expect(page.getByText("Score is at most 10")).toBeVisible();
  await page.getByLabel("Why Express scores this on Hiring pool").fill("Most of our city's backend developers know it");
  await page.getByLabel("Why Express scores this on Hiring pool").blur();
  await expect(page.getByTestId("why-express-hiring-pool")).toContainText("8");
  await page.reload();
  await expect(page.getByLabel("Express on Hiring pool")).toHaveValue("8");
  await expect(page.getByLabel("Why Express scores this on Hiring pool")).toHaveValue("Most of our city's backend developers know it");
  await expect(page.getByLabel("Ruby on Rails on Hiring pool")).toHaveValue("");

  // Guard rails name what is missing: a duplicate name, and a rating not filled in before voting.
  await page.getByLabel("New option").fill("express");
  await page.getByRole("button", { name: "Add" }).first().click();
  await expect(page.getByText('This evaluation already has an option named "Express".')).toBeVisible();
  await page.getByRole("button", { name: "Open voting" }).click();
  await page.getByRole("button", { name: "Open voting" }).last().click();
  await expect(page.getByText("Rate every option on every criterion before voting: 1 rating is missing.")).toBeVisible();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/draft/i);
});
