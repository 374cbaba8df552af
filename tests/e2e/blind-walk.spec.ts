import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { DEMO, baseURL, createTemplateEvaluation, expect, signIn, test } from "./fixtures";
import { cli, type Demo } from "./cli";

// The blind walk (issue 10). With voting open and two ballots in (one pairwise, one of 37 / 63
// points), every page (its HTML and its RSC payload), every API route, the event stream and every
// export is fetched as the owner, an admin, a member and a viewer: none may carry a ballot value,
// a per-voter statistic or an aggregate computed from the ballots. After the reveal they all do.

type Role = keyof typeof DEMO;
const ROLES: Role[] = ["owner", "admin", "member", "viewer"];

interface Ids {
  teamId: string;
  evaluationId: string;
}
/** `schema`: a static description of the API or the record; it names every key and holds no data. */
type Fetch = { url: (ids: Ids) => string; schema?: true };

/** Every route file under app/, keyed like tests/e2e/authorization.spec.ts; a new one must be added. */
const WALK: Record<string, Fetch[] | `not walked: ${string}`> = {
  "page:/": [{ url: () => "/" }],
  "page:/(auth)/sign-in": [{ url: () => "/sign-in" }],
  "page:/(auth)/sign-up": [{ url: () => "/sign-up" }],
  "page:/teams": [{ url: () => "/teams" }],
  "page:/settings": [{ url: () => "/settings" }],
  "page:/sources": [{ url: () => "/sources" }],
  "page:/(auth)/forgot-password": [{ url: () => "/forgot-password" }],
  "page:/(auth)/reset-password/[token]": [{ url: () => "/reset-password/rst_unknown" }],
  "page:/verify-email/[token]": [{ url: () => "/verify-email/vfy_unknown" }],
  "page:/verify-email/confirmed": [{ url: () => "/verify-email/confirmed" }],
  "page:/notifications": [{ url: () => "/notifications" }],
  "route:/api/v1/notifications": [{ url: () => "/api/v1/notifications" }],
  "route:/api/v1/notifications/read": "not walked: marks the caller's own notifications read and answers a count",
  "route:/api/v1/evaluations/[id]/comments/[commentId]": "not walked: edits or deletes one comment and answers only that comment",
  "page:/invite/[token]": [{ url: () => "/invite/inv_unknown" }],
  "page:/invite/for-you/[invitationId]": [{ url: () => "/invite/for-you/inv_unknown" }],
  "route:/api/v1/notifications/events": "not walked: a stream whose events carry no data (`event: notification`, data {})",
  "page:/teams/[teamId]": [{ url: (i) => `/teams/${i.teamId}` }],
  "page:/teams/[teamId]/evaluations/new": [{ url: (i) => `/teams/${i.teamId}/evaluations/new` }],
  "page:/teams/[teamId]/import": [{ url: (i) => `/teams/${i.teamId}/import` }],
  "page:/evaluations/[id]": ["", "?tab=report", "?tab=what-if", "?tab=discussion"].map((query) => ({
    url: (i: Ids) => `/evaluations/${i.evaluationId}${query}`,
  })),
  "page:/evaluations/[id]/print": [{ url: (i) => `/evaluations/${i.evaluationId}/print` }],
  "page:/evaluations/[id]/options/[optionKey]": ["django", "flask"].map((key) => ({
    url: (i: Ids) => `/evaluations/${i.evaluationId}/options/${key}`,
  })),
  "route:/api/auth/[...nextauth]": "not walked: Auth.js's own endpoints hold no team data",
  "route:/api/v1/openapi.json": [{ url: () => "/api/v1/openapi.json", schema: true }],
  "route:/api/v1/schemas/decision-record.json": [{ url: () => "/api/v1/schemas/decision-record.json", schema: true }],
  "route:/api/v1/health": [{ url: () => "/api/v1/health" }],
  "route:/api/v1/ready": [{ url: () => "/api/v1/ready" }],
  "route:/api/v1/records/verify": "not walked: answers about the record the caller uploads",
  "route:/api/v1/teams/[teamId]/evaluations/import": "not walked: imports the record the caller uploads",
  "route:/api/v1/teams/[teamId]/evaluations": [{ url: (i) => `/api/v1/teams/${i.teamId}/evaluations` }],
  "route:/api/v1/evaluations/[id]": [{ url: (i) => `/api/v1/evaluations/${i.evaluationId}` }],
  "route:/api/v1/evaluations/[id]/report": [{ url: (i) => `/api/v1/evaluations/${i.evaluationId}/report` }],
  "route:/api/v1/evaluations/[id]/integrity": [{ url: (i) => `/api/v1/evaluations/${i.evaluationId}/integrity` }],
  "route:/api/v1/evaluations/[id]/comments": [{ url: (i) => `/api/v1/evaluations/${i.evaluationId}/comments` }],
  // The admin saves their ballot's weights as a scenario: while blind only they may see it.
  "route:/api/v1/evaluations/[id]/scenarios": [{ url: (i) => `/api/v1/evaluations/${i.evaluationId}/scenarios` }],
  "route:/api/v1/evaluations/[id]/scenarios/[scenarioId]": "not walked: deletes one scenario and answers only { deleted }",
  "route:/api/v1/evaluations/[id]/[record]": [
    "record.md",
    "record.json",
    "record.csv",
    "record.csv?layout=wide",
    "record.json?anonymise=1",
    "record.md?inline=1",
  ].map((file) => ({
    url: (i: Ids) => `/api/v1/evaluations/${i.evaluationId}/${file}`,
  })),
  // Its answer is the caller's own ballot; its error messages are walked below.
  "route:/api/v1/evaluations/[id]/ballots": "not walked: walked by the error-message check below",
  "route:/api/v1/evaluations/[id]/events": "not walked: read as a stream below",
};

function routeFiles(dir = path.resolve("app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...routeFiles(full, `${prefix}/${entry}`));
    else if (entry === "page.tsx") found.push(`page:${prefix || "/"}`);
    else if (entry === "route.ts") found.push(`route:${prefix}`);
  }
  return found;
}

// Criterion keys of the Django or Flask template.
const SECURITY = "built-in-security";
const ADMIN_UI = "admin-interface";
const LEARNING = "learning-curve";
const PAIRWISE = {
  method: "pairwise",
  // Inconsistent on purpose (security > admin > learning, yet learning > security): a high consistency ratio.
  comparisons: [
    { a: SECURITY, b: ADMIN_UI, value: 7 },
    { a: ADMIN_UI, b: LEARNING, value: 5 },
    { a: SECURITY, b: LEARNING, value: 1 / 3 },
  ],
};
const POINTS = { method: "points", weights: { [SECURITY]: 37, [LEARNING]: 63 } };

/** Bodies as searched: JSON inside the HTML's inline RSC script is escaped ("\"key\":"), so unescape quotes. */
const normalise = (body: string) => body.replace(/\\+"/g, '"');

/** What no one may see while the ballots are blind, whoever cast them. */
const AGGREGATES: [string, RegExp][] = [
  ["a report", /"report"\s*:\s*\{/],
  ["consistency", /"consistency"\s*:\s*\{/],
  ["inconsistent judgments", /"inconsistentJudgments"/],
  ["win probability", /"winProbability"/],
  ["the weight spread", /"weightSpread"\s*:\s*\{/],
  ["consensus", /"consensus"\s*:\s*\{/],
  ["sensitivity", /"sensitivity"\s*:\s*\[/],
  ["most contested", /"mostContested"/],
  ["revealed ballots", /"ballots"\s*:\s*\[/],
  ["the ranking panel", /data-testid="(ranking|win-probability|consensus-overall|revealed-ballots)"/],
  ["the report's charts", /Contribution of each criterion to each option/],
];
/** The admin's 37 / 63 points, as points, shares or percentages. */
const POINTS_VALUES: [string, RegExp][] = [
  ["the points ballot's weights", /"weights"\s*:\s*\{/],
  ["37 or 63 points", new RegExp(`"(${SECURITY}|${LEARNING})"\\s*:\\s*(37|63)\\b`)],
  ["0.37 or 0.63", /[:[,]\s*0\.(37|63)\d*\b/],
  // as text ("37%"), not in a style ("width:63.59%")
  ["37% or 63%", /(?<![\w:.])(37|63)(\.\d+)?\s?%/],
];
/** The member's pairwise comparisons. */
const PAIRWISE_VALUES: [string, RegExp][] = [["pairwise comparisons", /"comparisons"\s*:/]];

function forbiddenFor(role: Role, voterIds: string[], schema = false): [string, RegExp][] {
  if (schema) return [...voterIds.map((id) => [`voter ${id}`, new RegExp(id)] as [string, RegExp]), ...POINTS_VALUES.slice(1)];
  return [
    ...AGGREGATES,
    // Anything keyed by a voter's id is a per-voter statistic.
    ...voterIds.map((id) => [`something keyed by voter ${id}`, new RegExp(`"${id}"\\s*:`)] as [string, RegExp]),
    // A voter sees their own ballot, nobody else's.
    ...(role === "admin" ? [] : POINTS_VALUES),
    ...(role === "member" ? [] : PAIRWISE_VALUES),
  ];
}

async function signedIn(browser: Browser, role: Role) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO[role]);
  const { token } = cli<{ token: string }>("token", "create", "--email", DEMO[role], "--name", `blind walk ${role}`);
  return { page, request: context.request, token };
}

/** Every walked URL, as HTML and (pages) as the RSC payload a client navigation fetches. */
async function walk(request: APIRequestContext, ids: Ids) {
  const bodies: { what: string; body: string; schema?: true }[] = [];
  for (const [route, entry] of Object.entries(WALK)) {
    if (typeof entry === "string") continue;
    for (const fetch of entry) {
      const url = fetch.url(ids);
      const html = await request.get(url);
      bodies.push({ what: `${url} (${html.status()})`, body: await html.text(), schema: fetch.schema });
      if (route.startsWith("page:")) {
        const rsc = await request.get(url, { headers: { RSC: "1" } });
        if (url.startsWith("/evaluations/")) expect(rsc.headers()["content-type"], `${url} as RSC`).toContain("text/x-component");
        bodies.push({ what: `${url} RSC payload (${rsc.status()})`, body: await rsc.text() });
      }
    }
  }
  return bodies;
}

/** The event stream for a few seconds, as its bytes; `during` runs while it is open. */
async function readEvents(evaluationId: string, token: string, ms: number, during?: () => Promise<unknown>) {
  const abort = new AbortController();
  const response = await fetch(new URL(`/api/v1/evaluations/${evaluationId}/events`, baseURL), {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const stop = setTimeout(() => abort.abort(), ms);
  const pending = during ? new Promise((resolve) => setTimeout(resolve, 300)).then(during) : Promise.resolve();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // aborted: the few seconds are up
  } finally {
    clearTimeout(stop);
  }
  await pending;
  return text;
}

async function reveal(page: Page) {
  await page.reload();
  await page.getByRole("button", { name: "Close voting and reveal ballots" }).click();
  const confirm = page.getByRole("dialog").getByRole("button", { name: /Reveal/ });
  await confirm.waitFor({ timeout: 3_000 }).then(
    () => confirm.click(),
    () => undefined,
  );
  await expect(page.getByTestId("evaluation-status")).toHaveText(/revealed/i);
}

test("every page and API route is in the blind walk", () => {
  const missing = routeFiles().filter((route) => !(route in WALK));
  expect(missing, "add these routes to WALK in tests/e2e/blind-walk.spec.ts").toEqual([]);
});

test("blind means blind: nothing computed from the ballots leaves the server before the reveal, for any role", async ({ browser }) => {
  test.setTimeout(300_000);
  const demo = cli<Demo>("demo");
  // One at a time: password hashing is deliberately slow.
  const people = {} as Record<Role, Awaited<ReturnType<typeof signedIn>>>;
  for (const role of ROLES) people[role] = await signedIn(browser, role);

  // The owner frames a fresh evaluation in the demo team (blind by default) and opens voting.
  const owner = people.owner.page;
  await owner.goto(`/teams/${demo.teamId}`);
  const url = await createTemplateEvaluation(owner, `Blind walk ${Date.now().toString(36)}`);
  await expect.soft(owner.getByTestId("visibility-badge")).toContainText("Blind voting");
  await owner.getByRole("button", { name: "Open voting" }).click();
  await owner.getByRole("button", { name: "Open voting" }).last().click();
  await expect(owner.getByTestId("evaluation-status")).toHaveText(/voting/i);
  const ids: Ids = { teamId: demo.teamId, evaluationId: url.split("/evaluations/")[1].split(/[?#]/)[0] };

  // Two ballots: the member's pairwise comparisons, the admin's 37 / 63 points.
  const cast = (role: Role, ballot: unknown) =>
    people[role].request.post(`/api/v1/evaluations/${ids.evaluationId}/ballots`, {
      headers: { authorization: `Bearer ${people[role].token}` },
      data: ballot,
    });
  expect((await cast("member", PAIRWISE)).status()).toBe(201);
  expect((await cast("admin", POINTS)).status()).toBe(201);
  // A what-if equal to the admin's ballot, saved as a scenario: one member's what-if, not a ballot,
  // but it would tell the team how the admin voted.
  const scenario = await people.admin.request.post(`/api/v1/evaluations/${ids.evaluationId}/scenarios`, {
    headers: { authorization: `Bearer ${people.admin.token}` },
    data: { name: "What I would weigh", weights: POINTS.weights },
  });
  expect(scenario.status()).toBe(201);

  const view = await (await people.owner.request.get(`/api/v1/evaluations/${ids.evaluationId}`)).json();
  const voterIds: string[] = view.members.filter((m: { voted: boolean }) => m.voted).map((m: { id: string }) => m.id);
  expect(voterIds).toHaveLength(2);
  expect
    .soft(view)
    .toMatchObject({ report: null, reportHidden: { hidden: "blind" }, weightSpread: null, ballots: null, visibility: "blind" });

  const leaks: string[] = [];
  const check = (role: Role, what: string, body: string, schema?: true) => {
    const text = normalise(body);
    for (const [name, pattern] of forbiddenFor(role, voterIds, schema)) {
      const match = text.match(pattern);
      if (match) {
        const at = match.index ?? 0;
        leaks.push(`${role}: ${what} shows ${name}: …${text.slice(Math.max(0, at - 60), at + 80)}…`);
      }
    }
  };

  for (const role of ROLES) {
    const { request, token } = people[role];
    for (const { what, body, schema } of await walk(request, ids)) check(role, what, body, schema);
    // The stream, while a ballot is revised: it says that something changed, never what.
    const events = await readEvents(ids.evaluationId, token, 3_000, role === "owner" ? () => cast("admin", POINTS) : undefined);
    expect(events).toContain("event: ready");
    if (role === "owner") expect(events).toContain("event: change");
    check(role, "the event stream", events);
    // Error messages: a ballot that does not fit, and a record that is not available yet.
    const bad = await request.post(`/api/v1/evaluations/${ids.evaluationId}/ballots`, {
      headers: { authorization: `Bearer ${token}` },
      data: { method: "points", weights: { [SECURITY]: 36 } },
    });
    expect(bad.status()).toBe(role === "viewer" ? 403 : 422);
    check(role, "a refused ballot's error", await bad.text());
  }
  // A voter still sees their own ballot.
  const adminView = await (await people.admin.request.get(`/api/v1/evaluations/${ids.evaluationId}`)).json();
  expect(adminView.myBallot).toMatchObject(POINTS);
  const memberView = await (await people.member.request.get(`/api/v1/evaluations/${ids.evaluationId}`)).json();
  expect(memberView.myBallot).toMatchObject({ method: "pairwise" });
  // The negative check is only worth something if the checks can match: they do on the voter's own page.
  const adminPage = normalise(await (await people.admin.request.get(`/evaluations/${ids.evaluationId}`, { headers: { RSC: "1" } })).text());
  expect(adminPage).toMatch(POINTS_VALUES[1][1]);
  // The scenario: its creator sees it (so the walk's pattern can match it), nobody else does.
  const scenariosOf = async (role: Role) => (await people[role].request.get(`/api/v1/evaluations/${ids.evaluationId}/scenarios`)).json();
  expect(normalise(JSON.stringify(await scenariosOf("admin")))).toMatch(POINTS_VALUES[1][1]);
  for (const role of ["owner", "member", "viewer"] as const)
    expect(await scenariosOf(role), `${role} sees the admin's scenario`).toEqual([]);

  expect(leaks).toEqual([]);

  // The owner reveals: now every role sees the report, the spread, the consistency and each ballot.
  await reveal(owner);
  for (const role of ROLES) {
    const { request } = people[role];
    const report = await (await request.get(`/api/v1/evaluations/${ids.evaluationId}/report`)).json();
    expect(report.reportHidden, role).toBeNull();
    const member = voterIds.find((id) => report.report.consistency[id] !== undefined);
    expect(member, `${role}: the pairwise ballot's consistency`).toBeDefined();
    expect(report.report.consistency[member!]).toBeGreaterThan(0.1);
    expect(report.report.inconsistentJudgments[member!].length).toBeGreaterThan(0);
    expect(report.report.ranking[0].winProbability).toBeGreaterThan(0);
    // The page's RSC payload now carries the report, each ballot's consistency, the spread and each ballot (37% as 0.37).
    const revealed = normalise(await (await request.get(`/evaluations/${ids.evaluationId}`, { headers: { RSC: "1" } })).text());
    for (const [name, pattern] of [AGGREGATES[0], AGGREGATES[1], AGGREGATES[4], AGGREGATES[8], POINTS_VALUES[2]]) {
      expect(revealed, `${role}: the revealed page shows ${name}`).toMatch(pattern);
    }
    const html = await (await request.get(`/evaluations/${ids.evaluationId}`)).text();
    expect(html, role).toContain('data-testid="ranking"');
    expect(html, role).toMatch(/\b37%/);
    const record = await request.get(`/api/v1/evaluations/${ids.evaluationId}/record.json`);
    expect(record.status(), role).toBe(200);
    const text = await record.text();
    expect(text).toMatch(POINTS_VALUES[1][1]);
    expect(text).toMatch(PAIRWISE_VALUES[0][1]);
    // Revealed: the admin's scenario is the team's to see.
    expect(await scenariosOf(role), role).toMatchObject([{ name: "What I would weigh", weights: POINTS.weights }]);
  }
});
