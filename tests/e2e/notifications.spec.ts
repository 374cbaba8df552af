import { createInvite, createTeam, createTemplateEvaluation, expect, joinWithInvite, newPerson, signUp, test } from "./fixtures";

const SHOTS = process.env.SCREENSHOT_DIR;

test("mentioning a teammate with the @ suggestions, by keyboard, raises their bell live on another page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const owner = newPerson("owner");
  await signUp(page, owner);
  const teamId = await createTeam(page, `Mentions ${Date.now()}`);
  const link = await createInvite(page, "member");
  const { person: member, page: memberPage } = await joinWithInvite(browser, link, "mira");
  await page.goto(`/teams/${teamId}`);
  await createTemplateEvaluation(page, "Which framework?");

  // The teammate is on the teams page, not the evaluation: the bell listens on their own stream.
  await memberPage.goto("/teams");
  const bell = memberPage.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("data-live", "true");
  await expect(memberPage.getByTestId("unread-count")).toHaveCount(0);

  await page.getByRole("tab", { name: "Discussion" }).click();
  const box = page.getByRole("textbox", { name: /^Comment on/ });
  await box.click();
  await box.pressSequentially("Thoughts, @mi");
  const list = page.getByRole("listbox", { name: "Teammates to mention" });
  await expect(list).toBeVisible();
  await expect(list.getByRole("option")).toHaveCount(1);
  await expect(list.getByRole("option")).toContainText(member.name);
  await expect(box).toHaveAttribute("aria-activedescendant", /option-0$/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/composer-suggestions-1280.png` });

  // Escape closes the list and keeps the text; typing reopens it; narrowing to nobody closes it.
  await box.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue("Thoughts, @mi");
  await box.press("r");
  await expect(list.getByRole("option")).toContainText(member.name);
  await box.press("x");
  await expect(list).toHaveCount(0);
  await box.press("Backspace");
  await box.press("Backspace");
  await expect(list).toBeVisible();
  // Arrow keys move through the options (one here: it wraps), Enter inserts the mention.
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  await expect(list.getByRole("option").filter({ hasText: member.name })).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(list).toHaveCount(0);
  await expect(box).toHaveValue(`Thoughts, @${member.name} `);
  await box.pressSequentially("what do you think?");
  await box.press("Control+Enter");

  // The comment resolves the mention (highlighted), and the teammate's bell rises without a reload,
  // sooner than the 5-second fallback poll.
  const comment = page.getByTestId("comment").filter({ hasText: "what do you think?" });
  await expect(comment.locator("mark")).toHaveText(`@${member.name}`);
  await expect(memberPage.getByTestId("unread-count")).toHaveText("1", { timeout: 4_000 });
  await expect(memberPage).toHaveURL(/\/teams$/);

  // Tab picks too; at a phone's width the list fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await box.pressSequentially("@M");
  await expect(list).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/composer-suggestions-390.png` });
  await box.press("Tab");
  await expect(box).toHaveValue(/@\S+ \S+ $/);
});
