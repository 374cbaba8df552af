import { cli } from "./cli";
import { decodeQuotedPrintable, deliveredMail } from "./mailbox";
import { baseURL, createInvite, createTeam, createTemplateEvaluation, expect, joinWithInvite, newPerson, signUp, test } from "./fixtures";

interface Outbox {
  messages: { to: string; subject: string; text: string }[];
}

test("a forgotten password is reset through the emailed link, which works once", async ({ page }) => {
  const person = newPerson("hana");
  await signUp(page, person);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account uses that email, a reset link is on its way")).toBeVisible();

  // An unknown email gets the very same answer.
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@e2e.test`);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account uses that email, a reset link is on its way")).toBeVisible();

  // Delivered over SMTP (the e2e app's SMTP_URL points at tests/e2e/mail-server.ts), as in production.
  const mail = await deliveredMail(person.email, /^Subject: Reset your Tradeoff password/m);
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(decodeQuotedPrintable(mail.raw))![0];
  const path = new URL(link).pathname;

  await page.goto(path);
  await page.getByLabel("New password").fill("password12");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/too easy to guess/)).toBeVisible();
  await page.getByLabel("New password").fill("a new passphrase for hana");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/teams$/);
  await expect(page.getByTestId("current-user")).toHaveText(person.name);

  await page.goto(path);
  await expect(page.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();
});

test("an owner sees a pending invitation, revokes it, and the link is refused", async ({ page, browser }) => {
  await signUp(page, newPerson("olga"));
  await createTeam(page, `Revokers ${Date.now()}`);
  const link = await createInvite(page, "member");
  const pending = page.getByTestId("pending-invitation");
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText("Member");
  await pending.getByRole("button", { name: /Revoke/ }).click();
  await expect(page.getByText("No pending invitations.")).toBeVisible();

  const visitor = await browser.newContext();
  const other = await visitor.newPage();
  await signUp(other, newPerson("ivan"));
  await other.goto(link);
  await expect(other.getByText("This invitation cannot be used")).toBeVisible();
  await expect(other.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
  await visitor.close();
});

test("a mentioned teammate sees their bell count rise without reloading", async ({ page, browser }) => {
  await signUp(page, newPerson("owner"));
  const teamId = await createTeam(page, `Bells ${Date.now()}`);
  const link = await createInvite(page, "member");
  const { person: member, page: memberPage } = await joinWithInvite(browser, link, "mira");
  await page.goto(`/teams/${teamId}`);
  const evaluationUrl = await createTemplateEvaluation(page, "Which framework?");
  const evaluationId = new URL(evaluationUrl).pathname.split("/")[2];

  await memberPage.goto(`/teams/${teamId}`);
  await expect(memberPage.getByTestId("notification-bell")).toBeVisible();
  await expect(memberPage.getByTestId("unread-count")).toHaveCount(0);

  const response = await page.request.post(`/api/v1/evaluations/${evaluationId}/comments`, {
    headers: { Origin: baseURL },
    data: { body: `@${member.name} what do you think?` },
  });
  expect(response.status()).toBe(201);

  // No reload: the bell polls.
  await expect(memberPage.getByTestId("unread-count")).toHaveText("1", { timeout: 15_000 });
  await memberPage.getByTestId("notification-bell").click();
  await expect(memberPage).toHaveURL(/\/notifications$/);
  const item = memberPage.getByTestId("notification").first();
  await expect(item).toContainText("mentioned you on “Which framework?”");
  await memberPage.getByRole("button", { name: "Mark all read" }).click();
  await expect(memberPage.getByTestId("unread-count")).toHaveCount(0);
});

test("malformed server-action requests get 4xx, not 500", async ({ page }) => {
  await page.goto("/sign-in");
  const action = "002ba0a9f95d708f91e2fd972b1781688ec2a33fd8";
  const foreign = await page.request.post("/sign-in", {
    headers: { "Next-Action": action, Origin: "http://evil.example", "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(foreign.status()).toBe(403);
  const huge = await page.request.post("/sign-in", {
    headers: { "Next-Action": action, Origin: baseURL, "Content-Type": "text/plain;charset=UTF-8" },
    data: "x".repeat(1024 * 1024 + 10),
  });
  expect(huge.status()).toBe(413);
});

test("the sign-up form hints at password strength as you type, announced politely", async ({ page }) => {
  await page.goto("/sign-up");
  const password = page.getByLabel("Password");
  await password.pressSequentially("password12");
  const hintId = (await password.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-strength"))!;
  const hint = page.locator(`[id="${hintId}"]`);
  await expect(hint).toHaveAttribute("aria-live", "polite");
  await expect(hint).toContainText(/Strength: (Very weak|Weak)/);
  await expect(hint).toContainText("commonly used password");
  await password.fill("");
  await password.pressSequentially("violet harbour lantern 93");
  await expect(hint).toContainText(/Strength: (Good|Strong)/);
  await expect(hint).not.toContainText("Not accepted");
});

test("a new account works at once, and the emailed link confirms the address and clears the notice", async ({ page }) => {
  const person = newPerson("vico");
  await signUp(page, person);
  // No wall: the teams page is there, with a small notice offering to resend.
  await expect(page.getByRole("heading", { name: "Your teams" })).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toContainText("Please confirm your email address.");
  await page.goto("/settings");
  const notice = page.getByTestId("verify-email-notice");
  await expect(notice).toContainText(`${person.email} is not confirmed yet`);
  await notice.getByRole("button", { name: "Resend link" }).click();
  await expect(notice).toContainText(`Sent. Follow the link in the message to ${person.email}.`);

  const { messages } = cli<Outbox>("outbox", "--to", person.email, "--json");
  const confirmations = messages.filter((m) => m.subject === "Confirm your email for Tradeoff");
  expect(confirmations).toHaveLength(2);
  const path = new URL(/https?:\/\/\S+\/verify-email\/\S+/.exec(confirmations[0].text)![0]).pathname;

  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm email" }).click();
  await expect(page.getByRole("heading", { name: "Email confirmed" })).toBeVisible();
  await expect(page.getByText(`Thanks: ${person.email} is confirmed.`)).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("verify-email-notice")).toHaveCount(0);
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);

  // The link worked once.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "This confirmation link no longer works" })).toBeVisible();
});

test("changing the email waits for the link sent to the new address; the old one is told", async ({ page }) => {
  const person = newPerson("emil");
  await signUp(page, person);
  // The banner can be dismissed for this browser session, and stays away across pages.
  await page.getByTestId("verify-email-banner").getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
  await expect(page.getByTestId("verify-email-notice")).toBeVisible();
  const newEmail = `moved-${person.email}`;
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Send confirmation link" }) });
  await form.getByLabel("Email").fill(newEmail);
  await form.getByLabel("Current password").fill(person.password);
  await form.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(form.getByText(`Check ${newEmail}: your email changes when you follow the link we sent there.`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();

  const notice = cli<Outbox>("outbox", "--to", person.email, "--json").messages.find((m) =>
    m.subject.startsWith("An email change was requested"),
  );
  expect(notice?.text).toContain(newEmail);
  const [link] = cli<Outbox>("outbox", "--to", newEmail, "--json").messages;
  expect(link.subject).toBe("Confirm your new email for Tradeoff");
  await page.goto(new URL(/https?:\/\/\S+\/verify-email\/\S+/.exec(link.text)![0]).pathname);
  await page.getByRole("button", { name: "Confirm email" }).click();
  await expect(page.getByText(`Your email is now ${newEmail}.`)).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByText(`Signed in as ${newEmail}`)).toBeVisible();
});
