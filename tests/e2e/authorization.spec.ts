import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { DEMO, baseURL, expect, newPerson, signIn, signUp, test } from "./fixtures";
import { cli, type Demo } from "./cli";

// Every page and API route, walked as a non-member, a viewer, a member, an admin and an owner.
// A route file without an entry here fails the first test: new routes cannot skip the walk.

type Role = "outsider" | "viewer" | "member" | "admin" | "owner";
const ROLES: Role[] = ["outsider", "viewer", "member", "admin", "owner"];
type Expect = number | (Partial<Record<Role, number>> & { default: number });

interface Ids extends Demo {
  optionKey: string;
}
interface RouteCheck {
  /** how to reach it, from the demo's ids */
  url: (ids: Ids) => string;
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: (ids: Ids) => unknown;
  /** status per role; a number applies to every role */
  expect: Expect;
}

const TEAM_READ: Expect = { default: 200, outsider: 404 };
const PUBLIC = 200;

/** Keyed by the route file's folder under app/. */
const ROUTES: Record<string, RouteCheck | RouteCheck[] | `not walked: ${string}`> = {
  "page:/": { url: () => "/", expect: { default: 307, outsider: 307 } },
  "page:/(auth)/sign-in": { url: () => "/sign-in", expect: 307 },
  "page:/(auth)/sign-up": { url: () => "/sign-up", expect: 307 },
  "page:/teams": { url: () => "/teams", expect: PUBLIC },
  "page:/settings": { url: () => "/settings", expect: PUBLIC },
  "page:/sources": { url: () => "/sources", expect: PUBLIC },
  "page:/(auth)/forgot-password": { url: () => "/forgot-password", expect: PUBLIC },
  "page:/(auth)/reset-password/[token]": { url: () => "/reset-password/rst_unknown", expect: PUBLIC },
  "page:/verify-email/[token]": { url: () => "/verify-email/vfy_unknown", expect: PUBLIC },
  "page:/verify-email/confirmed": { url: () => "/verify-email/confirmed", expect: PUBLIC },
  // Each user's own notifications: nobody reads another's.
  "page:/notifications": { url: () => "/notifications", expect: PUBLIC },
  "route:/api/v1/notifications": { url: () => "/api/v1/notifications", expect: PUBLIC },
  "route:/api/v1/notifications/read": { url: () => "/api/v1/notifications/read", method: "POST", body: () => ({}), expect: PUBLIC },
  "page:/invite/[token]": { url: () => "/invite/inv_unknown", expect: PUBLIC },
  // An invitation addressed to someone else's email reads as not valid, on a page that renders.
  "page:/invite/for-you/[invitationId]": { url: () => "/invite/for-you/inv_unknown", expect: PUBLIC },
  // Each user's own event stream: it says only that a notification of theirs exists.
  "route:/api/v1/notifications/events": { url: () => "/api/v1/notifications/events", expect: PUBLIC },
  "page:/teams/[teamId]": { url: (i) => `/teams/${i.teamId}`, expect: TEAM_READ },
  "page:/teams/[teamId]/evaluations/new": { url: (i) => `/teams/${i.teamId}/evaluations/new`, expect: TEAM_READ },
  "page:/evaluations/[id]": { url: (i) => `/evaluations/${i.evaluationId}`, expect: TEAM_READ },
  "page:/teams/[teamId]/import": { url: (i) => `/teams/${i.teamId}/import`, expect: TEAM_READ },
  "page:/evaluations/[id]/print": { url: (i) => `/evaluations/${i.evaluationId}/print`, expect: TEAM_READ },
  "page:/evaluations/[id]/options/[optionKey]": { url: (i) => `/evaluations/${i.evaluationId}/options/${i.optionKey}`, expect: TEAM_READ },
  "route:/api/auth/[...nextauth]": "not walked: Auth.js's own endpoints hold no team data",
  "route:/api/v1/openapi.json": { url: () => "/api/v1/openapi.json", expect: PUBLIC },
  "route:/api/v1/health": [
    { url: () => "/api/v1/health", expect: PUBLIC },
    { url: () => "/api/v1/health", method: "POST", body: () => ({}), expect: PUBLIC },
  ],
  "route:/api/v1/ready": { url: () => "/api/v1/ready", expect: PUBLIC },
  "route:/api/v1/schemas/decision-record.json": { url: () => "/api/v1/schemas/decision-record.json", expect: PUBLIC },
  "route:/api/v1/records/verify": { url: () => "/api/v1/records/verify", method: "POST", body: () => ({}), expect: 422 },
  "route:/api/v1/evaluations/[id]/[record]": [
    { url: (i) => `/api/v1/evaluations/${i.evaluationId}/record.md`, expect: TEAM_READ },
    { url: (i) => `/api/v1/evaluations/${i.evaluationId}/record.json`, expect: TEAM_READ },
    { url: (i) => `/api/v1/evaluations/${i.evaluationId}/record.csv`, expect: TEAM_READ },
  ],
  "route:/api/v1/evaluations/[id]/integrity": { url: (i) => `/api/v1/evaluations/${i.evaluationId}/integrity`, expect: TEAM_READ },
  "route:/api/v1/evaluations/[id]/comments": [
    { url: (i) => `/api/v1/evaluations/${i.evaluationId}/comments`, expect: TEAM_READ },
    {
      url: (i) => `/api/v1/evaluations/${i.evaluationId}/comments`,
      method: "POST",
      body: () => ({ body: "Walked by the authorization test", targetType: "evaluation" }),
      expect: { default: 201, outsider: 404, viewer: 403 },
    },
  ],
  // A comment id that does not exist: the evaluation's gate answers first (outsiders 404, viewers
  // may not write), then the comment is not found.
  "route:/api/v1/evaluations/[id]/comments/[commentId]": [
    {
      url: (i) => `/api/v1/evaluations/${i.evaluationId}/comments/cmt_unknown`,
      method: "PATCH",
      body: () => ({ body: "Edited" }),
      expect: { default: 404, viewer: 403 },
    },
    { url: (i) => `/api/v1/evaluations/${i.evaluationId}/comments/cmt_unknown`, method: "DELETE", expect: 404 },
  ],
  "route:/api/v1/evaluations/[id]/scenarios": [
    { url: (i) => `/api/v1/evaluations/${i.evaluationId}/scenarios`, expect: TEAM_READ },
    {
      // An unknown criterion: the gate answers first (outsiders 404, viewers may not save), then the
      // weights are refused by field, so the walk saves nothing however often it runs.
      url: (i) => `/api/v1/evaluations/${i.evaluationId}/scenarios`,
      method: "POST",
      body: () => ({ name: "Walked by the authorization test", weights: { "no-such-criterion": 100 } }),
      expect: { default: 422, outsider: 404, viewer: 403 },
    },
  ],
  "route:/api/v1/evaluations/[id]/scenarios/[scenarioId]": {
    url: (i) => `/api/v1/evaluations/${i.evaluationId}/scenarios/scn_unknown`,
    method: "DELETE",
    expect: 404,
  },
  "route:/api/v1/teams/[teamId]/evaluations/import": {
    url: (i) => `/api/v1/teams/${i.teamId}/evaluations/import`,
    method: "POST",
    body: () => ({ mode: "draft", record: { schemaVersion: 1 } }),
    // Access is checked before the (here invalid) record is read; only owners and admins import.
    expect: { default: 422, outsider: 404, viewer: 403, member: 403 },
  },
  "route:/api/v1/teams/[teamId]/evaluations": { url: (i) => `/api/v1/teams/${i.teamId}/evaluations`, expect: TEAM_READ },
  "route:/api/v1/evaluations/[id]": { url: (i) => `/api/v1/evaluations/${i.evaluationId}`, expect: TEAM_READ },
  "route:/api/v1/evaluations/[id]/report": { url: (i) => `/api/v1/evaluations/${i.evaluationId}/report`, expect: TEAM_READ },
  "route:/api/v1/evaluations/[id]/ballots": {
    url: (i) => `/api/v1/evaluations/${i.votingEvaluationId}/ballots`,
    method: "POST",
    body: () => ({ method: "points", weights: { "built-in-security": 60, "learning-curve": 40 } }),
    expect: { default: 201, outsider: 404, viewer: 403 },
  },
  "route:/api/v1/evaluations/[id]/events": { url: (i) => `/api/v1/evaluations/${i.evaluationId}/events`, expect: TEAM_READ },
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

const expected = (check: RouteCheck, role: Role) =>
  typeof check.expect === "number" ? check.expect : (check.expect[role] ?? check.expect.default);

/** An event stream never ends: read the status when the headers arrive, then hang up. */
async function streamStatus(url: string, token: string): Promise<number> {
  const abort = new AbortController();
  const response = await fetch(new URL(url, baseURL), { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  abort.abort();
  return response.status;
}

test("every page and API route is in the authorization walk", () => {
  const missing = routeFiles().filter((route) => !(route in ROUTES));
  expect(missing, "add these routes to ROUTES in tests/e2e/authorization.spec.ts").toEqual([]);
});

async function signedInRequest(browser: Browser, role: Role): Promise<{ request: APIRequestContext; token: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let email: string;
  if (role === "outsider") {
    const person = newPerson("outsider");
    await signUp(page, person);
    email = person.email;
  } else {
    email = DEMO[role];
    await signIn(page, email);
  }
  const { token } = cli<{ token: string }>("token", "create", "--email", email, "--name", `walk ${role}`);
  return { request: context.request, token };
}

test("each role gets exactly the access the rules give it, on pages and the API", async ({ browser }) => {
  test.setTimeout(240_000);
  const demo = cli<Demo>("demo");
  const ids: Ids = { ...demo, optionKey: "django" };
  const checks = Object.entries(ROUTES).flatMap(([route, entry]) =>
    typeof entry === "string" ? [] : [entry].flat().map((check) => ({ route, check })),
  );
  const failures: string[] = [];
  for (const role of ROLES) {
    const { request, token } = await signedInRequest(browser, role);
    for (const { route, check } of checks) {
      const url = check.url(ids);
      const options = {
        maxRedirects: 0,
        // API calls use the role's Bearer token; pages use its session cookie.
        headers: route.startsWith("route:") ? { authorization: `Bearer ${token}` } : undefined,
        ...(check.body ? { data: check.body(ids) } : {}),
      };
      const status = route.endsWith("/events")
        ? await streamStatus(url, token)
        : (await request.fetch(url, { ...options, method: check.method ?? "GET" })).status();
      const want = expected(check, role);
      if (status !== want) failures.push(`${role} ${check.method ?? "GET"} ${url}: ${status}, expected ${want}`);
    }
  }
  expect(failures).toEqual([]);
});
