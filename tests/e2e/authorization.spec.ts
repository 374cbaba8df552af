import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { DEMO, expect, newPerson, signIn, signUp, test } from "./fixtures";
import { cli, type Demo } from "./cli";

// Every page and API route, walked as a non-member, a viewer, a member, an admin and an owner.
// A route file without an entry here fails the first test: new routes cannot skip the walk.

type Role = "outsider" | "viewer" | "member" | "admin" | "owner";
const ROLES: Role[] = ["outsider", "viewer", "member", "admin", "owner"];
type Expect = number | Partial<Record<Role, number>> & { default: number };

interface Ids extends Demo {
  optionKey: string;
}
interface RouteCheck {
  /** how to reach it, from the demo's ids */
  url: (ids: Ids) => string;
  method?: "GET" | "POST";
  body?: (ids: Ids) => unknown;
  /** status per role; a number applies to every role */
  expect: Expect;
}

const TEAM_READ: Expect = { default: 200, outsider: 404 };
const PUBLIC = 200;

/** Keyed by the route file's folder under app/. */
const ROUTES: Record<string, RouteCheck | "not-walked: auth endpoints belong to Auth.js"> = {
  "page:/": { url: () => "/", expect: { default: 307, outsider: 307 } },
  "page:/(auth)/sign-in": { url: () => "/sign-in", expect: 307 },
  "page:/(auth)/sign-up": { url: () => "/sign-up", expect: 307 },
  "page:/teams": { url: () => "/teams", expect: PUBLIC },
  "page:/settings": { url: () => "/settings", expect: PUBLIC },
  "page:/invite/[token]": { url: () => "/invite/inv_unknown", expect: PUBLIC },
  "page:/teams/[teamId]": { url: (i) => `/teams/${i.teamId}`, expect: TEAM_READ },
  "page:/teams/[teamId]/evaluations/new": { url: (i) => `/teams/${i.teamId}/evaluations/new`, expect: TEAM_READ },
  "page:/evaluations/[id]": { url: (i) => `/evaluations/${i.evaluationId}`, expect: TEAM_READ },
  "route:/api/auth/[...nextauth]": "not-walked: auth endpoints belong to Auth.js",
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
  test.setTimeout(180_000);
  const demo = cli<Demo>("demo");
  const ids: Ids = { ...demo, optionKey: "django" };
  const failures: string[] = [];
  for (const role of ROLES) {
    const { request, token } = await signedInRequest(browser, role);
    for (const [route, check] of Object.entries(ROUTES)) {
      if (typeof check === "string") continue;
      const url = check.url(ids);
      const isApi = route.startsWith("route:");
      const options = {
        maxRedirects: 0,
        // API calls use the role's Bearer token; pages use its session cookie.
        headers: isApi ? { authorization: `Bearer ${token}` } : undefined,
        ...(check.body ? { data: check.body(ids) } : {}),
      };
      const response =
        check.method === "POST" ? await request.post(url, options) : await request.get(url, { ...options, timeout: 5_000 }).catch(() => null);
      // The event stream never ends: its headers arriving with a 200 is the answer.
      const status = response?.status() ?? (route.endsWith("/events") ? 200 : 0);
      if (status !== expected(check, role)) failures.push(`${role} ${check.method ?? "GET"} ${url}: ${status}, expected ${expected(check, role)}`);
    }
  }
  expect(failures).toEqual([]);
});
