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

test("sign-in attempts are rate-limited per account and address", async ({ page }) => {
  const person = newPerson("rita");
  await signUp(page, person);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await attemptSignIn(page, person.email, `wrong guess ${attempt}`);
    await expect(formAlert(page)).toHaveText("Wrong email or password.");
  }
  await attemptSignIn(page, person.email, person.password);
  await expect(formAlert(page)).toContainText("Too many sign-in attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends every session of the account: its cookie and the other browser's get 401 from the API and sign-in from pages", async ({
  page,
  browser,
}) => {
  const person = newPerson("sven");
  await signUp(page, person);
  // The same person at a second computer.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto("/sign-in");
  await attemptSignInAndWait(second, person.email, person.password);
  await page.goto("/teams");
  const teamId = await createTeamFromPage(page, `Sven's team ${Date.now()}`);
  const api = `/api/v1/teams/${teamId}/evaluations`;
  expect((await page.request.get(api)).status()).toBe(200);
  const oldCookies = await page.context().cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  // A copy of the signed-out cookie replayed in a fresh browser is refused: API 401, pages to sign-in.
  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  expect((await replay.request.get(api)).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/settings");
  await expect(replayPage).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  await replay.close();

  // The other computer is signed out too.
  expect((await second.request.get(api)).status()).toBe(401);
  await second.goto("/settings");
  await expect(second).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  await other.close();
});

test("a session revoked from Settings is refused on its next request, in that other browser", async ({ page, browser }) => {
  const person = newPerson("vera");
  await signUp(page, person);
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto("/sign-in");
  await attemptSignInAndWait(second, person.email, person.password);
  await page.goto("/teams");
  const teamId = await createTeamFromPage(page, `Vera's team ${Date.now()}`);
  const api = `/api/v1/teams/${teamId}/evaluations`;
  expect((await second.request.get(api)).status()).toBe(200);

  await page.goto("/settings");
  const sessions = page.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  // This browser comes first and says so; both are described from their user agent.
  await expect(sessions.first()).toContainText("This device");
  await expect(sessions.nth(1)).not.toContainText("This device");
  await expect(sessions.nth(1)).toContainText(/Chrome on \w+/);
  await expect(sessions.nth(1)).toContainText("signed in");

  await sessions
    .nth(1)
    .getByRole("button", { name: /^Revoke/ })
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("signed out on its next request");
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText("This device");

  // The other browser: API 401, pages to sign-in. This one is untouched.
  expect((await second.request.get(api)).status()).toBe(401);
  await second.goto("/teams");
  await expect(second).toHaveURL(/\/sign-in\?next=%2Fteams/);
  expect((await page.request.get(api)).status()).toBe(200);
  await other.close();
});

async function attemptSignInAndWait(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

async function createTeamFromPage(page: Page, name: string) {
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/teams/")[1];
}
