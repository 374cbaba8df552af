import { createInvite, createTeam, expect, newPerson, newUserPage, signUp, test } from "./fixtures";

test("an owner invites teammates by role, manages them, and members can leave", async ({ page, browser }) => {
  const owner = newPerson("owner");
  await signUp(page, owner);
  const teamName = `Platform ${owner.name.split(" ")[1]}`;
  await createTeam(page, teamName);
  await expect(page.getByText("you are owner")).toBeVisible();

  // A new teammate follows the link, signs up on the way, and lands in the team as a member.
  const link = await createInvite(page, "member");
  const teammate = newPerson("teammate");
  const other = await newUserPage(browser);
  await other.goto(link);
  await expect(other.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await other.getByRole("link", { name: "Create account to join" }).click();
  await other.getByLabel("Name").fill(teammate.name);
  await other.getByLabel("Email").fill(teammate.email);
  await other.getByLabel("Password").fill(teammate.password);
  await other.getByRole("button", { name: "Create account" }).click();
  await other.getByRole("button", { name: "Accept invitation" }).click();
  await expect(other.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  await expect(other.getByText("you are member")).toBeVisible();
  // Members do not manage members.
  await expect(other.getByRole("button", { name: "Create invite link" })).toHaveCount(0);

  // A used link cannot be used again.
  const third = await newUserPage(browser);
  await third.goto(link);
  await expect(third.getByText("This invite link has already been used.")).toBeVisible();

  // The owner promotes the teammate to admin, then removes them.
  await page.reload();
  // The role saves through a server action: wait for its answer before reloading.
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/teams/"));
  await page.getByLabel(`Role of ${teammate.name}`).selectOption("admin");
  await saved;
  await page.reload();
  await expect(page.getByLabel(`Role of ${teammate.name}`)).toHaveValue("admin");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: `Remove ${teammate.name}` }).click();
  await expect(page.getByRole("button", { name: `Remove ${teammate.name}` })).toHaveCount(0);

  // The last owner cannot leave.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Leave team" }).click();
  await expect(page.getByText("You are the last owner")).toBeVisible();

  // A viewer joins and leaves on their own.
  const viewerLink = await createInvite(page, "viewer");
  const viewer = newPerson("viewer");
  const viewerPage = await newUserPage(browser);
  await signUp(viewerPage, viewer);
  await viewerPage.goto(viewerLink);
  await viewerPage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(viewerPage.getByText("you are viewer")).toBeVisible();
  viewerPage.once("dialog", (dialog) => dialog.accept());
  await viewerPage.getByRole("button", { name: "Leave team" }).click();
  await expect(viewerPage).toHaveURL(/\/teams$/);
  await expect(viewerPage.getByText("You are not in a team yet")).toBeVisible();
});
