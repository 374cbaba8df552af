import { cli } from "./cli";
import { chooseOption, createInvite, createTeam, expect, newPerson, newUserPage, signUp, test } from "./fixtures";

interface Outbox {
  messages: { to: string; subject: string; text: string }[];
}

const SHOTS = process.env.SCREENSHOT_DIR;

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
  await page.getByRole("combobox", { name: `Role of ${teammate.name}` }).click();
  await page.getByRole("option", { name: "Admin" }).click();
  await saved;
  await page.reload();
  await expect(page.getByRole("combobox", { name: `Role of ${teammate.name}` })).toHaveText("Admin");
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

test("an owner invites by email: the link arrives by mail, resending is limited, and the invitee joins", async ({ page, browser }) => {
  await signUp(page, newPerson("owner"));
  const teamName = `Mailers ${Date.now()}`;
  await createTeam(page, teamName);
  const invitee = newPerson("invitee");

  await page.getByLabel("Email (optional)").fill(invitee.email.toUpperCase());
  await chooseOption(page, "Role", "Viewer");
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByTestId("invite-created")).toContainText(`Emailed to ${invitee.email}`);
  // The field is cleared so the same address is not invited twice by accident.
  await expect(page.getByLabel("Email (optional)")).toHaveValue("");
  const row = page.getByTestId("pending-invitation").filter({ hasText: invitee.email });
  await expect(row).toContainText("Viewer");
  await expect(row).toContainText("4 resends left");

  // Resending at once is refused: once a minute at most.
  await row.getByRole("button", { name: `Resend the invitation to ${invitee.email}` }).click();
  await expect(row.getByRole("alert")).toContainText("less than a minute ago");
  if (SHOTS) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/team-invitations-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // No SMTP in the e2e server: the invitation waits in the local outbox, read with the CLI.
  const { messages } = cli<Outbox>("outbox", "--to", invitee.email, "--json");
  expect(messages).toHaveLength(1);
  expect(messages[0].subject).toContain(teamName);
  const link = new URL(/https?:\/\/\S+\/invite\/\S+/.exec(messages[0].text)![0]).pathname;

  const inviteePage = await newUserPage(browser);
  await signUp(inviteePage, invitee);
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await inviteePage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(inviteePage.getByText("you are viewer")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("pending-invitation").filter({ hasText: invitee.email })).toHaveCount(0);
});
