import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  confirmStep,
  createInvite,
  createTeam,
  createTemplateEvaluation,
  DEMO,
  expect,
  joinWithInvite,
  newPerson,
  signIn,
  signUp,
  test,
} from "./fixtures";
import { cli, type Demo } from "./cli";

async function openTab(page: Page, name: "Overview" | "Report" | "What-if" | "Discussion") {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

async function castPoints(page: Page, points: Record<string, number>) {
  for (const [criterion, value] of Object.entries(points)) await page.getByLabel(criterion, { exact: true }).fill(String(value));
  await page.getByRole("button", { name: /Cast ballot|Update ballot/ }).click();
  await expect(page.getByText("Your ballot is saved")).toBeVisible();
}

test("two teammates take an evaluation from draft to decision, blind until the reveal, with comments and a second round", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = newPerson("owner");
  await signUp(page, owner);
  await createTeam(page, "Payments team");
  const link = await createInvite(page, "member");
  const { person: member, page: memberPage } = await joinWithInvite(browser, link);
  const url = await createTemplateEvaluation(page, "Django or Flask for payments");

  // Voting opens with a quorum of two ballots.
  await page.getByRole("button", { name: "Open voting" }).click();
  await page.getByLabel("Quorum: ballots needed to decide (optional)").fill("2");
  await page.getByRole("button", { name: "Open voting" }).last().click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/voting/i);

  await memberPage.goto(url);
  await castPoints(memberPage, { "Built-in security": 70, "Admin interface": 30 });
  await expect(page.getByTestId("vote-count")).toHaveText("1 of 2 voted");

  // A comment with a mention reaches the other member's open page without a reload.
  await openTab(memberPage, "Discussion");
  await memberPage.getByRole("textbox", { name: /^Comment on/ }).fill(`@${owner.name} security matters most for payments`);
  await memberPage.getByRole("button", { name: "Comment", exact: true }).click();
  await openTab(page, "Discussion");
  const comment = page.getByTestId("comment").filter({ hasText: "security matters most" });
  await expect(comment).toBeVisible({ timeout: 5_000 });
  await expect(comment.locator("mark")).toHaveText(`@${owner.name}`);
  await comment.getByRole("button", { name: `Reply to ${member.name}` }).click();
  await page.getByRole("textbox", { name: `Reply to ${member.name}` }).fill("Agreed, and the admin saves us weeks.");
  await page.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(memberPage.getByText("Agreed, and the admin saves us weeks.")).toBeVisible({ timeout: 5_000 });

  // Blind: the owner sees who voted, not the ranking nor the report.
  await openTab(page, "Overview");
  await expect(page.getByTestId("results-hidden")).toContainText("1 of 2");
  await expect(page.getByTestId("ranking")).toHaveCount(0);

  // What-if: moving a weight re-ranks in the browser (from equal weights: the team's stay hidden);
  // casting it makes it the owner's ballot.
  await openTab(page, "What-if");
  const verdict = page.getByTestId("what-if-verdict");
  await expect(verdict).toContainText("still leads");
  const slider = page.getByRole("slider", { name: "Admin interface" });
  const before = await slider.getAttribute("aria-valuetext");
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press("PageUp");
  await expect(slider).not.toHaveAttribute("aria-valuetext", before ?? "");
  await expect(page.getByRole("button", { name: "Reset to equal weights" })).toBeEnabled();
  await page.getByRole("button", { name: "Cast these as my ballot" }).click();
  await page.getByRole("dialog").getByRole("button", { name: /Cast/ }).click();
  await expect(page.getByText("Cast as your ballot")).toBeVisible();
  await expect(page.getByText("It stays hidden from everyone")).toBeVisible();
  await expect(memberPage.getByTestId("vote-count")).toHaveText("2 of 2 voted");
  await openTab(memberPage, "Report");
  await expect(memberPage.getByTestId("report-hidden")).toBeVisible();

  // Reveal: the report appears for both, live.
  await openTab(page, "Overview");
  await confirmStep(page, "Close voting and reveal ballots", /Reveal/);
  await expect(memberPage.getByTestId("evaluation-status")).toHaveText(/revealed/i);

  // The report: every chart has its numbers, sensitivity in plain words, the rules side by side.
  await expect(memberPage.getByRole("figure", { name: "Contribution of each criterion to each option's score" })).toBeVisible();
  await memberPage.getByText("Show the numbers").first().click();
  await expect(memberPage.getByRole("table").first()).toBeVisible();
  await expect(memberPage.getByTestId("sensitivity-sentences").or(memberPage.getByTestId("sensitivity-none"))).toBeVisible();
  await expect(memberPage.getByTestId("rule-median")).toBeVisible();
  await expect(memberPage.getByTestId("aggregation-verdict")).toBeVisible();

  // A second round in which the member revises: the report says who changed what.
  await openTab(memberPage, "Overview");
  await expect(memberPage.getByTestId("revealed-ballots")).toContainText(owner.name);
  await confirmStep(page, "Start a second round", /Start the round/);
  await expect(memberPage.getByTestId("evaluation-status")).toHaveText(/voting/i);
  await memberPage.reload();
  await castPoints(memberPage, { "Built-in security": 50, "Admin interface": 50 });
  await confirmStep(page, "Close voting and reveal ballots", /Reveal/);
  await expect(page.getByTestId("round-changes")).toContainText(`${member.name}: `);
  await expect(page.getByTestId("round-changes")).toContainText("Admin interface 30% → 50%");
  await expect(page.getByTestId("round-changes")).toContainText(`${owner.name}: kept their ballot`);

  // The decision: the owner records it; ballots lock; everyone sees it live.
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.getByLabel("Rationale").fill("Security and the admin back office decide it for a payments product.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/decided/i);
  await expect(memberPage.getByTestId("decision")).toContainText("Security and the admin back office");
  await expect(memberPage.getByRole("button", { name: /Cast ballot|Update ballot/ })).toHaveCount(0);

  // Superseded by a newer evaluation, linked both ways.
  await confirmStep(page, "Revisit (supersede with a new evaluation)", /Create the new evaluation/);
  await expect(page.getByRole("heading", { level: 1, name: "Django or Flask for payments (revisited)" })).toBeVisible();
  await page.getByRole("link", { name: "Django or Flask for payments", exact: true }).click();
  await expect(page.getByTestId("evaluation-status")).toHaveText(/superseded/i);
  await expect(page.getByText("Superseded by")).toBeVisible();
});

test("an option's page shows its strengths and weaknesses with cited evidence, and the team's notes", async ({ page }) => {
  const demo = cli<Demo>("demo");
  await signIn(page, DEMO.member);
  await page.goto(`/evaluations/${demo.evaluationId}/options/flask`);
  await expect(page.getByRole("heading", { level: 1, name: /Flask/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Strengths/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Weaknesses/ })).toBeVisible();
  await expect(page.locator("blockquote").first()).toBeVisible();
  await page.getByRole("textbox", { name: /^Comment on/ }).fill("Flask would suit the internal tools later.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("comment").filter({ hasText: "internal tools later" })).toBeVisible();
});

// One test per width: the walk through every page takes minutes on a busy two-core machine.
for (const width of [1280, 375]) {
  test(`pages have no serious accessibility violations at ${width}px wide`, async ({ page }) => {
    test.setTimeout(180_000);
    const demo = cli<Demo>("demo");
    await signIn(page, DEMO.owner);
    const pages = [
      `/teams/${demo.teamId}`,
      `/evaluations/${demo.evaluationId}`,
      `/evaluations/${demo.evaluationId}?tab=report`,
      `/evaluations/${demo.evaluationId}?tab=what-if`,
      `/evaluations/${demo.evaluationId}?tab=discussion`,
      `/evaluations/${demo.votingEvaluationId}`,
      `/evaluations/${demo.evaluationId}/options/django`,
      `/teams/${demo.teamId}/evaluations/new`,
      `/evaluations/${demo.evaluationId}/print`,
      `/teams/${demo.teamId}/import`,
      "/teams",
      "/notifications",
      "/settings",
      "/sources",
      // a link that no longer works, and where a followed one lands
      "/verify-email/vfy_no_such_link_0000000000",
      "/verify-email/confirmed",
    ];
    const problems: string[] = [];
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(path);
      // Live pages hold an event stream open, so "network idle" never comes: wait for the content.
      await page.locator("h1").first().waitFor();
      await page.waitForTimeout(300);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        problems.push(`${width}px ${path}: ${v.id} (${v.nodes.length}) ${v.help}`);
      }
      // Nothing may force sideways scrolling of the whole page on a phone.
      if (width === 375) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 1) problems.push(`375px ${path}: page scrolls sideways by ${overflow}px`);
      }
    }
    expect(problems).toEqual([]);
  });
}
