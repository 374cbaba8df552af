import { expect, test as base, type Browser, type Page } from "@playwright/test";

import { baseURL } from "../../playwright.config";

// E2E runs only against a server on this machine with its own e2e database (playwright.config.ts).
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(baseURL).hostname)) {
  throw new Error(`Refusing to run e2e tests against ${baseURL}: they create and delete data.`);
}
export { baseURL };

export const DEMO_PASSWORD = "tradeoff-demo-2026";
export const DEMO = {
  owner: "ada@demo.tradeoff.dev",
  admin: "grace@demo.tradeoff.dev",
  member: "linus@demo.tradeoff.dev",
  viewer: "barbara@demo.tradeoff.dev",
};

let sequence = 0;
/** A fresh identity per call, so tests never depend on each other's accounts. */
export function newPerson(label = "user") {
  sequence += 1;
  const id = `${Date.now().toString(36)}${sequence}`;
  return { name: `${label[0].toUpperCase()}${label.slice(1)} ${id}`, email: `${label}-${id}@e2e.test`, password: "e2e-password-123" };
}

export async function signUp(page: Page, person: { name: string; email: string; password: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/teams/);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A page in its own browser context (its own cookies): a second person at their own computer. */
export async function newUserPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

export async function createTeam(page: Page, name: string) {
  await page.goto("/teams");
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/teams/")[1];
}

/** Creates an invite link on the team page for `role` and returns it. */
/** Picks an option of a Radix select (a button and a listbox, not a native <select>). */
export async function chooseOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect(page.getByLabel(label, { exact: true })).toHaveText(option);
}

export async function createInvite(page: Page, role: "owner" | "admin" | "member" | "viewer") {
  await chooseOption(page, "Role", role[0].toUpperCase() + role.slice(1));
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = page.getByTestId("invite-link");
  await expect(link).toHaveValue(/\/invite\//);
  return link.inputValue();
}

/** A new person signs up in their own browser and joins a team through an invite link. */
export async function joinWithInvite(browser: Browser, link: string, label = "member") {
  const person = newPerson(label);
  const page = await newUserPage(browser);
  await signUp(page, person);
  await page.goto(link);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page.getByText(/you are \w+/)).toBeVisible();
  return { person, page };
}

/** From a team page: creates an evaluation from the Django or Flask template and returns its URL. */
export async function createTemplateEvaluation(page: Page, title: string) {
  await page.getByRole("link", { name: "New evaluation" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create evaluation" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/draft/i);
  return page.url();
}

/** Clicks a button that asks for confirmation, then confirms in its dialog. */
export async function confirmStep(page: Page, trigger: string | RegExp, confirm: string | RegExp) {
  await page.getByRole("button", { name: trigger }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog).toBeHidden();
}

/** The form-level message (success or error) of the page's form. */
export function formAlert(page: Page) {
  return page.locator('[data-slot="alert"]');
}

export const test = base;
export { expect };
