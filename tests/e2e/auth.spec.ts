import type { Page } from "@playwright/test";
import { expect, formAlert, newPerson, signUp, test } from "./fixtures";

/** Submits the sign-in form and waits for the answer: React clears the password when the action returns. */
async function attemptSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password")).toHaveValue("");
}

test("a visitor signs up, signs out and signs back in", async ({ page }) => {
  const person = newPerson("maria");
  await signUp(page, person);
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
  await expect(page.getByText("You are not in a team yet")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto("/teams");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fteams/);

  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teams$/);
  await expect(page.getByTestId("current-user")).toHaveText(person.name);
});

test("clear messages for a wrong password, a taken email and bad fields", async ({ page }) => {
  const person = newPerson("omar");
  await signUp(page, person);
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto("/sign-in");
  await attemptSignIn(page, person.email, "not the password");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  // The email stays filled in for the next try.
  await expect(page.getByLabel("Email")).toHaveValue(person.email);

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("another long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists").first()).toBeVisible();

  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
});

test("sign-in attempts are rate-limited per email", async ({ page }) => {
  const person = newPerson("rita");
  await signUp(page, person);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await attemptSignIn(page, person.email, `wrong guess ${attempt}`);
    await expect(formAlert(page)).toHaveText("Wrong email or password.");
  }
  await attemptSignIn(page, person.email, person.password);
  await expect(formAlert(page)).toContainText("Too many failed sign-in attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});
