import { expect, test, type Page } from "@playwright/test";
import { baseURL, DEMO, signIn } from "./fixtures";
import { existsSync } from "node:fs";
import {
  cli,
  NGINX,
  dropPostgresDatabase,
  freshPostgresDatabase,
  startInstance,
  startNginx,
  type Instance,
  type Proxy,
} from "../support/cluster";
import { SseReader } from "../support/sse";

// Two production instances on one PostgreSQL database behind nginx, configured by deploy/nginx.conf
// (round robin, no sticky sessions): a session made through one instance is honoured by the other;
// the sign-in limit counts attempts on both;
// a ballot cast on one instance reaches a report open on the other (LISTEN/NOTIFY); killing an
// instance leaves the app working through the survivor, and open streams reconnect and miss nothing
// (Last-Event-ID). Runs in the PostgreSQL e2e run only (`npm run test:postgres`, CI; playwright.config.ts
// leaves it out of the SQLite run); needs nginx
// (Debian's package, installed by .ci/run) and builds nothing: it starts the build the e2e server uses.

// In CI nginx is always there (.ci/run installs it): a missing one fails there instead of skipping.
test.skip(
  !process.env.CI && !existsSync(NGINX),
  `multi-instance test: nginx is not installed at ${NGINX} (apt-get install nginx, or set NGINX_PATH)`,
);
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = Number(new URL(baseURL).port);
const SERVER = process.env.POSTGRES_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DATABASE = `tradeoff_e2e_instances_${PORT}`;

let instances: Instance[] = [];
let proxy: Proxy | null = null;
let evaluationId = "";
let token = "";

const BALLOTS = [
  { method: "points", weights: { "performance-footprint": 100 } },
  { method: "points", weights: { "admin-interface": 100 } },
];
let ballotCount = 0;
const nextBallot = () => BALLOTS[ballotCount++ % 2];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const databaseUrl = await freshPostgresDatabase(SERVER, DATABASE);
  const demo = cli<{ votingEvaluationId: string }>(databaseUrl, "demo");
  evaluationId = demo.votingEvaluationId;
  token = cli<{ token: string }>(databaseUrl, "token", "create", "--email", DEMO.owner).token;
  const publicUrl = `http://127.0.0.1:${PORT + 5}`;
  instances = await Promise.all([PORT + 1, PORT + 2].map((port) => startInstance({ port, databaseUrl, publicUrl })));
  proxy = await startNginx(PORT + 5, instances);
});

test.afterAll(async () => {
  await proxy?.stop();
  await Promise.all(instances.map((instance) => instance.kill()));
  await dropPostgresDatabase(SERVER, DATABASE).catch(() => undefined);
});

const upstreamOf = (response: { headers(): Record<string, string> }) => response.headers()["x-upstream"] ?? "";
const instanceAt = (upstream: string) => instances.find((i) => upstream.endsWith(`:${i.port}`));

async function castBallot(url: string) {
  const response = await fetch(`${url}/api/v1/evaluations/${evaluationId}/ballots`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(nextBallot()),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return response;
}

/** The page refetches the evaluation's view: what it does on a change event. */
const viewRefetch = (page: Page) =>
  page.waitForResponse((r) => r.request().method() === "GET" && new URL(r.url()).pathname === `/api/v1/evaluations/${evaluationId}`, {
    timeout: 15_000,
  });

async function openStream(url: string, lastEventId?: string) {
  const response = await fetch(`${url}/api/v1/evaluations/${evaluationId}/events`, {
    headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
  });
  expect(response.status).toBe(200);
  return { reader: new SseReader(response.body!), upstream: response.headers.get("x-upstream") ?? "" };
}

test("a session made through nginx is honoured by every instance", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: proxy!.url });
  const page = await context.newPage();
  await signIn(page, DEMO.member);
  // Each nginx worker takes turns between the instances over every request it proxies, the page's
  // scripts and streams included, so a fixed pattern of requests can meet the same instance every
  // time: 0, 1 or 2 extra requests between the API call and the page load vary that pattern.
  const answeredBy = new Set<number | undefined>();
  for (let i = 0; i < 12 && answeredBy.size < 2; i++) {
    const response = await page.request.get(`/api/v1/evaluations/${evaluationId}`);
    expect(response.status()).toBe(200);
    answeredBy.add(instanceAt(upstreamOf(response))?.port);
    for (let extra = 0; extra < i % 3; extra++) expect((await page.request.get("/api/v1/health")).status()).toBe(200);
    const pageLoad = await page.goto(`/evaluations/${evaluationId}`);
    expect(pageLoad!.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/evaluations/${evaluationId}`));
    answeredBy.add(instanceAt(upstreamOf(pageLoad!))?.port);
  }
  expect([...answeredBy].sort(), `nginx's error log:\n${proxy!.errorLog()}`).toEqual(instances.map((instance) => instance.port).sort());
  // Turns taken, not an instance set aside after a failure (nginx would log it).
  expect(proxy!.errorLog()).not.toMatch(/connect\(\) failed|prematurely closed|timed out|no live upstreams/);
  // The same cookie straight to each instance.
  for (const instance of instances)
    expect((await page.request.get(`${instance.url}/api/v1/evaluations/${evaluationId}`)).status()).toBe(200);
  await context.close();
});

test("a ballot cast on one instance reaches streams and a report open on the other", async ({ browser }) => {
  // A stream straight on each instance, a ballot on the other one: NOTIFY crosses processes.
  for (const [watch, vote] of [instances, [...instances].reverse()]) {
    const { reader } = await openStream(watch.url);
    const ready = await reader.until((e) => e.event === "ready");
    await castBallot(vote.url);
    const change = await reader.until((e) => e.event === "change");
    expect(Number(change.id)).toBeGreaterThan(Number(ready.id));
    expect(JSON.parse(change.data)).toEqual({ revision: Number(change.id) });
    await reader.cancel();
  }

  // A teammate's page through nginx: the ballot goes to the instance not holding its stream.
  const context = await browser.newContext({ baseURL: proxy!.url });
  const page = await context.newPage();
  await signIn(page, DEMO.member);
  const events = page.waitForResponse((r) => r.url().endsWith(`/api/v1/evaluations/${evaluationId}/events`));
  await page.goto(`/evaluations/${evaluationId}`);
  const streamOn = instanceAt(upstreamOf(await events))!;
  expect(streamOn).toBeDefined();
  const other = instances.find((i) => i !== streamOn)!;
  const refetch = viewRefetch(page);
  await castBallot(other.url);
  expect((await refetch).status()).toBe(200);
  await context.close();
});

/** One password check through Auth.js's credentials endpoint: whether it set a session cookie, and who answered. */
async function passwordCheck(url: string, email: string, password: string, csrfFrom = url) {
  const csrf = await fetch(`${csrfFrom}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: url },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  await response.arrayBuffer();
  return {
    signedIn: response.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c) && !/session-token=;/.test(c)),
    upstream: response.headers.get("x-upstream") ?? "",
    location: response.headers.get("location") ?? "",
  };
}

test("the sign-in limit holds across instances", async () => {
  const answeredBy = new Set<string>();
  // The limit per account and address is 5 checks in 15 minutes (lib/auth/throttle-policy.ts).
  // Each check fetches its CSRF token from one instance and posts the password to the other,
  // alternating (through nginx, round robin would pair them up the same way every time).
  for (let i = 0; i < 5; i++) {
    const [from, to] = i % 2 ? instances : [...instances].reverse();
    const attempt = await passwordCheck(to.url, DEMO.viewer, `wrong-password-${i}`, from.url);
    expect(attempt.signedIn).toBe(false);
    answeredBy.add(to.url);
  }
  expect(answeredBy.size).toBe(2);
  // Now even the right password is refused, on either instance and through nginx.
  for (const url of [...instances.map((i) => i.url), proxy!.url]) {
    const attempt = await passwordCheck(url, DEMO.viewer, "tradeoff-demo-2026");
    expect(attempt.signedIn, `signed in through ${url}: ${attempt.location}`).toBe(false);
  }
  // Another account is not affected.
  expect((await passwordCheck(proxy!.url, DEMO.admin, "tradeoff-demo-2026")).signedIn).toBe(true);
});

test("killing an instance: the app keeps working through the other, streams reconnect and miss nothing", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: proxy!.url });
  const page = await context.newPage();
  await signIn(page, DEMO.member);
  const firstStream = page.waitForResponse((r) => r.url().endsWith(`/api/v1/evaluations/${evaluationId}/events`));
  await page.goto(`/evaluations/${evaluationId}`);
  const victim = instanceAt(upstreamOf(await firstStream))!;
  const survivor = instances.find((i) => i !== victim)!;
  // A client of our own on the victim too, holding the last event id it saw.
  const direct = await openStream(victim.url);
  const seen = await direct.reader.until((e) => e.event === "ready");

  await victim.kill();
  expect(await direct.reader.next()).toBeNull(); // its stream broke with the instance
  expect(direct.reader.ended).toBe(true);

  // While the page's EventSource is away, a ballot goes in through nginx (to the survivor).
  const reconnect = page.waitForResponse((r) => r.url().endsWith(`/api/v1/evaluations/${evaluationId}/events`), { timeout: 20_000 });
  const refetch = viewRefetch(page);
  const cast = await castBallot(proxy!.url);
  expect(cast.headers.get("x-upstream")).toContain(`:${survivor.port}`);
  // The page reconnected (to the survivor) and was told about the change it missed.
  expect(upstreamOf(await reconnect)).toContain(`:${survivor.port}`);
  expect((await refetch).status()).toBe(200);

  // So is our client, resuming from the id it last saw.
  const resumed = await openStream(proxy!.url, seen.id);
  expect(resumed.upstream).toContain(`:${survivor.port}`);
  expect(await resumed.reader.next()).toMatchObject({ event: "ready" });
  const missed = await resumed.reader.next();
  expect(missed).toMatchObject({ event: "change" });
  expect(Number(missed!.id)).toBeGreaterThan(Number(seen.id));
  await resumed.reader.cancel();

  // Still signed in, pages still load.
  for (let i = 0; i < 3; i++) {
    const load = await page.goto(`/evaluations/${evaluationId}`);
    expect(load!.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/evaluations/${evaluationId}`));
  }
  await context.close();
});
