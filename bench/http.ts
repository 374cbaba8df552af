// `npm run bench:http -- [--duration 5] [--connections 50] [--page-connections 10] [--voters 200] [--rounds 1]
//                        [--mode all|routes|pages|revisions] [--revisions 10] [--only NAMES] [--reuse-build]
//                        [--cpu-prof DIR] [--port N] [--keep]`
//
// The API's hot paths under closed-loop load (autocannon: each connection sends its next request
// when the last one is answered), against a production build (`next start`) on its own fresh
// SQLite database, beside constant-answer baselines on the same server:
//   baselines  GET /api/v1/health (no database), GET /api/v1/ready (one Prisma read),
//              POST /api/v1/health (a bare POST handler, sent the same headers and body as a ballot)
//   measured   POST /api/v1/evaluations/{id}/ballots (voting, blind: every connection is another
//              voter with its own Bearer token, its bodies rotating), GET /api/v1/evaluations/{id}
//              and GET …/report on a second evaluation whose ballots are revealed (the report is
//              really computed).
// Runs are interleaved (baseline, measured, baseline, …) so a burst of load from elsewhere on the
// machine hits both sides; each row also gives the server's CPU time per request, which depends
// much less on that load than requests/s do. Then (unless `--mode routes`) every voter revises
// their ballot `--revisions` times, all at once: once with each voter's connection opened by its
// first ballot, once on connections opened beforehand (what the ballot path costs), after the bare
// POST handler under the same burst (what accepting the connections costs any route), and, when
// nginx is installed (NGINX_PATH, default /usr/sbin/nginx), as new clients through deploy/nginx.conf;
// the bench checks that every revision was stored, the chain is intact and nothing failed; it
// exits 1 otherwise.
//
// The build in NEXT_DIST_DIR (default .next) is reused when it is newer than the sources;
// `--reuse-build` reuses any build. `--cpu-prof DIR` writes the server's V8 CPU profile to DIR.
//
// Pages (modes all and pages): the evaluation page's server render (signed in, the revealed
// evaluation) beside /sources, a page of the app that reads no database, at --page-connections;
// then the page's first-load JavaScript (every <script src> of its HTML but the noModule polyfills, gzip, against
// FIRST_LOAD_JS_BUDGET_KIB) and, in headless Chromium (/usr/bin/chromium), Largest Contentful Paint
// and the main thread's long tasks over three cold loads.
// A `postgresql://` DATABASE_URL naming an empty database runs everything on PostgreSQL instead of
// a fresh SQLite file (the bench migrates it; create a new database for every run).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Request } from "autocannon";
import { NGINX, startNginx } from "../tests/support/cluster";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    voters: { type: "string", default: "200" },
    rounds: { type: "string", default: "1" },
    mode: { type: "string", default: "all" },
    revisions: { type: "string", default: "10" },
    "page-connections": { type: "string", default: "10" },
    only: { type: "string" },
    "reuse-build": { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    port: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const positive = (name: string, raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number (got "${raw}")`);
  return n;
};
const DURATION = positive("duration", flags.duration!);
const CONNECTIONS = positive("connections", flags.connections!);
const VOTERS = positive("voters", flags.voters!);
const ROUNDS = positive("rounds", flags.rounds!);
const REVISIONS = positive("revisions", flags.revisions!);
const MODE = flags.mode!;
const PAGE_CONNECTIONS = positive("page-connections", flags["page-connections"]!);
if (!["all", "routes", "revisions", "pages"].includes(MODE)) throw new Error("--mode must be all, routes, revisions or pages");

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const work = mkdtempSync(path.join(tmpdir(), "tradeoff-bench-http-"));
// A PostgreSQL DATABASE_URL (an empty database: it is migrated here) runs the bench there; otherwise a fresh SQLite file.
const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const databaseUrl = onPostgres ? process.env.DATABASE_URL! : `file:${path.join(work, "bench.db")}`;
const ENGINE = onPostgres ? "PostgreSQL" : "SQLite";
process.env.DATABASE_URL = databaseUrl;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");

const log = (line: string) => process.stderr.write(`${line}\n`);

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  log(`› ${label}`);
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

// ---------------------------------------------------------------------------------------------
// The build: reused when newer than every source the app is built from (as scripts/start.mjs).

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  if (flags["reuse-build"]) return false;
  const built = statSync(buildId).mtimeMs;
  return ["app", "lib", "components", "proxy.ts", "next.config.js"].some((p) => {
    const full = path.join(root, p);
    return existsSync(full) && (statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs) > built;
  });
}

// ---------------------------------------------------------------------------------------------
// The data: one team with an owner and VOTERS members, each with an API token; an evaluation open
// for (blind) voting and one whose VOTERS ballots are revealed. Through the domain operations,
// except users and memberships, which are written directly (as the demo seed does).

interface Seed {
  ownerEmail: string;
  ownerPassword: string;
  ownerToken: string;
  voterTokens: string[];
  votingId: string;
  revealedId: string;
  bodies: string[];
}

/** Points ballots over the evaluation's criteria, each adding up to 100, all different. */
function ballotBodies(keys: string[], count = 4): string[] {
  return Array.from({ length: count }, (_, b) => {
    const weights = Object.fromEntries(keys.map((k) => [k, 0]));
    const chosen = [0, 1, 2, 3, 4].map((i) => keys[(b * 5 + i * 3) % keys.length]);
    chosen.forEach((k, i) => (weights[k] += [40, 25, 15, 12, 8][i]));
    return JSON.stringify({ method: "points", weights });
  });
}

async function seed(): Promise<Seed> {
  const { db } = await import("@/lib/db/client");
  const { createTeam } = await import("@/lib/domain/teams");
  const { createApiToken } = await import("@/lib/domain/api-tokens");
  const { createEvaluation } = await import("@/lib/domain/evaluations");
  const { transitionEvaluation } = await import("@/lib/domain/workflow");
  const { castBallot } = await import("@/lib/domain/ballots");

  const { hashPassword } = await import("@/lib/security/password");
  const passwordHash = "!bench: no password sign-in"; // the voters sign in with API tokens only
  // The owner also signs in with a password, for the page measurements (a session cookie).
  const ownerPassword = randomBytes(12).toString("base64url");
  const owner = await db.user.create({
    data: { email: "owner@bench.tradeoff.dev", name: "Bench owner", passwordHash: await hashPassword(ownerPassword) },
  });
  const emails = Array.from({ length: VOTERS }, (_, i) => `voter-${String(i + 1).padStart(4, "0")}@bench.tradeoff.dev`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Voter ${i + 1}`, passwordHash })) });
  // by prefix, not `in: emails`: SQLite takes at most 999 bound parameters
  const voters = await db.user.findMany({ where: { email: { startsWith: "voter-" } }, orderBy: { email: "asc" }, select: { id: true } });
  const ownerActor = { userId: owner.id };
  const team = await createTeam(ownerActor, { name: "Bench team" });
  await db.membership.createMany({ data: voters.map((v) => ({ teamId: team.id, userId: v.id, role: "member" })) });
  const ownerToken = (await createApiToken(ownerActor, { name: "bench" })).token;
  const voterTokens: string[] = [];
  for (const v of voters) voterTokens.push((await createApiToken({ userId: v.id }, { name: "bench" })).token);

  const profile = { projectSize: "medium", timeline: "normal", teamExperience: "intermediate", teamSize: 8, needs: ["rest-api"] };
  const create = (title: string) =>
    createEvaluation(ownerActor, team.id, { title, problem: "Benchmark evaluation.", template: "django-flask", profile });
  const voting = await create("Bench: voting");
  const revealed = await create("Bench: revealed");
  const keys = (
    await db.criterion.findMany({ where: { evaluationId: voting.id }, orderBy: { position: "asc" }, select: { key: true } })
  ).map((c) => c.key);
  const bodies = ballotBodies(keys);
  await transitionEvaluation(ownerActor, voting.id, { action: "open-voting" });
  await transitionEvaluation(ownerActor, revealed.id, { action: "open-voting" });
  for (const [i, v] of voters.entries()) await castBallot({ userId: v.id }, revealed.id, JSON.parse(bodies[i % bodies.length]));
  await transitionEvaluation(ownerActor, revealed.id, { action: "reveal" });
  await db.$disconnect();
  return { ownerEmail: owner.email, ownerPassword, ownerToken, voterTokens, votingId: voting.id, revealedId: revealed.id, bodies };
}

// ---------------------------------------------------------------------------------------------
// The server: `next start` in its own process group, stopped as a group.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function startServer(port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_TRUST_HOST: "true",
    AUTH_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
  };
  // Node refuses --cpu-prof in NODE_OPTIONS: the profiled server is started by node directly.
  const profile = flags["cpu-prof"] ? path.resolve(flags["cpu-prof"]) : null;
  if (profile) mkdirSync(profile, { recursive: true });
  const command = profile ? process.execPath : bin("next");
  const args = [
    ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`, path.join(root, "node_modules", "next", "dist", "bin", "next")] : []),
    ...["start", "-p", String(port), "-H", "127.0.0.1"],
  ];
  const out = createWriteStream(path.join(work, "server.log"));
  const server = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.pipe(out);
  server.stderr!.pipe(out);
  return server;
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || !server.pid) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const timer = setTimeout(() => server.pid && process.kill(-server.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilReady(base: string, server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${path.join(work, "server.log")}`);
    try {
      if ((await fetch(`${base}/api/v1/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not become ready within 120 s");
}

// ---------------------------------------------------------------------------------------------
// Load: autocannon, every response's latency and status recorded here (exact percentiles).

interface Target {
  name: string;
  label: string;
  /** connections for this target, if not --connections: a page render costs tens of ms, 50 at once measure only the queue */
  connections?: number;
  /** each connection's requests, in turn: connection i gets requestsFor(i) */
  requestsFor: (connection: number) => Request[];
}

/** CPU milliseconds (user + system) the process has used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100/s)
  } catch {
    return null;
  }
}

interface Measured {
  label: string;
  connections: number;
  seconds: number;
  responses: number;
  rps: number;
  /** the server's CPU time per response: what a request costs, however loaded the machine is */
  cpuPerRequest: number | null;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Map<number, number>;
  fivexx: number;
  errors: number;
  resets: number;
  timeouts: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function load(
  base: string,
  target: Target,
  options: {
    connections: number;
    duration?: number;
    perConnection?: number;
    timeout?: number;
    serverPid?: number;
    /** each connection's first answer opens it and is not measured (requestsFor gives it an extra first request) */
    openFirst?: boolean;
  },
): Promise<Measured> {
  const cpuBefore = cpuMs(options.serverPid);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const answered = new WeakMap<object, number>();
  let resets = 0;
  let connection = 0;
  const result = await new Promise<import("autocannon").Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: options.connections,
        // `amount` is spread evenly over the connections, and ends the run when all are answered.
        ...(options.perConnection
          ? { amount: (options.perConnection + (options.openFirst ? 1 : 0)) * options.connections }
          : { duration: options.duration }),
        timeout: options.timeout ?? 30,
        setupClient: (client) => client.setRequests(target.requestsFor(connection++)),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (client, status, _bytes, ms) => {
      const n = answered.get(client) ?? 0;
      answered.set(client, n + 1);
      if (options.openFirst && n === 0) return;
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    instance.on("reqError", (error) => {
      if (error.code === "ECONNRESET" || error.code === "EPIPE") resets++;
    });
  });
  // A closed-loop run stops with one request in flight per connection, which the server still
  // computes: its CPU time is counted until the server has settled, over answers + abandoned ones.
  const abandoned = options.perConnection ? 0 : options.connections;
  if (abandoned) await settle(base);
  const cpuAfter = cpuMs(options.serverPid);
  latencies.sort((a, b) => a - b);
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  return {
    label: target.label,
    connections: options.connections,
    seconds: result.duration,
    responses: latencies.length,
    rps: latencies.length / result.duration,
    cpuPerRequest:
      cpuBefore !== null && cpuAfter !== null && latencies.length ? (cpuAfter - cpuBefore) / (latencies.length + abandoned) : null,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    statuses,
    fivexx,
    errors: result.errors - result.timeouts,
    resets,
    timeouts: result.timeouts,
  };
}

/**
 * Waits until the server has finished the work a run left behind (autocannon stops sending, but
 * requests already received, up to one per connection, are still being computed): three health
 * checks in a row answered within 100 ms, or 30 s at most.
 */
async function settle(base: string) {
  const deadline = Date.now() + 30_000;
  let fast = 0;
  while (fast < 3 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${base}/api/v1/health`).then(
      (r) => r.arrayBuffer(),
      () => null,
    );
    fast = performance.now() - started < 100 ? fast + 1 : 0;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median run (by requests/s) of a route's rounds, with every round's errors added up. */
function combine(runs: Measured[]): Measured {
  const mid = runs.find((r) => r.rps === median(runs.map((x) => x.rps)))!;
  const sum = (key: "fivexx" | "errors" | "resets" | "timeouts") => runs.reduce((a, r) => a + r[key], 0);
  const statuses = new Map<number, number>();
  for (const r of runs) for (const [s, n] of r.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
  return { ...mid, statuses, fivexx: sum("fivexx"), errors: sum("errors"), resets: sum("resets"), timeouts: sum("timeouts") };
}

const ms = (x: number) => (Number.isNaN(x) ? "-" : x < 10 ? x.toFixed(1) : String(Math.round(x)));
const statusText = (m: Measured) =>
  [...m.statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");

function table(rows: Measured[]): string {
  const head =
    "| route | conns | req/s | server CPU ms/req | p50 ms | p95 ms | p99 ms | max ms | statuses | 5xx | errors (resets) | timeouts |";
  const line = "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|";
  const body = rows.map(
    (m) =>
      `| ${m.label} | ${m.connections} | ${m.rps.toFixed(1)} | ${m.cpuPerRequest === null ? "-" : m.cpuPerRequest.toFixed(2)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${ms(m.max)} | ${statusText(m)} | ${m.fivexx} | ${m.errors} (${m.resets}) | ${m.timeouts} |`,
  );
  return [head, line, ...body].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Pages: a session cookie from the credentials sign-in, the evaluation page's first-load
// JavaScript, and Largest Contentful Paint and main-thread blocking in headless Chromium.

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does; returns the Cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/teams` }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token")))
    throw new Error(`sign-in failed (${response.status}): no session cookie`);
  return header();
}

/**
 * The budget for the evaluation page's first-load JavaScript, gzip: the measurement after the Report,
 * What-if and Discussion tabs moved to on-demand code (281 KiB, 2026-12-02; 407 before) with a little
 * headroom, so that growth shows; see docs/PERFORMANCE.md for what it holds.
 */
const FIRST_LOAD_JS_BUDGET_KIB = 300;

async function browserFigures(base: string, cookie: string, pagePath: string) {
  const { gzipSync } = await import("node:zlib");
  const html = await (await fetch(base + pagePath, { headers: { cookie } })).text();
  // A browser that runs modules never fetches a `noModule` script (Next's polyfills): it is not first-load.
  const scripts = [
    ...new Set(
      [...html.matchAll(/<script\b([^>]*)>/g)]
        .filter((m) => !/\bnomodule\b/i.test(m[1]))
        .map((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1])
        .filter((src): src is string => !!src),
    ),
  ];
  let raw = 0;
  let gzip = 0;
  const sizes: [string, number][] = [];
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
    sizes.push([src.split("/").pop()!, gzipSync(body).length]);
  }
  sizes.sort((a, b) => b[1] - a[1]);
  const kib = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `\nEvaluation page (${VOTERS} voters, revealed): HTML ${kib(Buffer.byteLength(html))} KiB; first-load JavaScript ${scripts.length} files, ` +
      `${kib(raw)} KiB (${kib(gzip)} KiB gzip; budget ${FIRST_LOAD_JS_BUDGET_KIB} KiB gzip: ${gzip / 1024 <= FIRST_LOAD_JS_BUDGET_KIB ? "within" : "OVER"}); ` +
      `largest (gzip): ${sizes
        .slice(0, 4)
        .map(([name, n]) => `${name} ${kib(n)} KiB`)
        .join(", ")}`,
  );

  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const signedInContext = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
        }),
      );
      return context;
    };
    const runs: { lcp: number; blocking: number; longest: number; inputDelay: number; load: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const context = await signedInContext();
      const page = await context.newPage();
      // A hydration mismatch makes React re-render the whole page on the client: say so, it skews the figures.
      page.on("console", (message) => {
        if (message.type() === "error") console.log(`  browser console error: ${message.text().slice(0, 300)}`);
      });
      // Long tasks are not buffered for late observers: record them from the document's start.
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: "longtask" });
      });
      const started = Date.now();
      await page.goto(base + pagePath, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      const load = Date.now() - started;
      const figures = await page.evaluate(async () => {
        const lcp = await new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1].startTime);
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(NaN), 5000);
        });
        const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
        // How long a click would wait now: a task posted to the main thread until it runs.
        const posted = performance.now();
        const inputDelay = await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now() - posted), 0));
        return { lcp, blocking: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0), longest: Math.max(0, ...tasks), inputDelay };
      });
      runs.push({ ...figures, load });
      await context.close();
    }
    const mid = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
    console.log(
      `Headless Chromium, 3 cold loads (median): LCP ${ms(mid("lcp"))} ms; load + network idle ${ms(mid("load"))} ms; ` +
        `main-thread blocking (long tasks beyond 50 ms) ${ms(mid("blocking"))} ms, longest task ${ms(mid("longest"))} ms; ` +
        `a task posted after load waits ${ms(mid("inputDelay"))} ms`,
    );

    // The Report tab's code (its charts) loads when the tab is first opened: what that adds.
    const context = await signedInContext();
    const page = await context.newPage();
    await page.goto(base + pagePath);
    await page.waitForLoadState("networkidle");
    const fetched: string[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.endsWith(".js")) fetched.push(response.url());
    });
    const opened = Date.now();
    await page.getByRole("tab", { name: "Report" }).click();
    await page.getByRole("heading", { name: "What makes up each score" }).waitFor();
    const drawn = Date.now() - opened;
    await page.waitForLoadState("networkidle");
    let onDemand = 0;
    for (const url of new Set(fetched)) onDemand += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    console.log(
      `Report tab opened from the page: ${new Set(fetched).size} more files, ${kib(onDemand)} KiB gzip on demand; drawn in ${drawn} ms`,
    );
    await context.close();
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  run("Applying migrations to a fresh database", bin("prisma"), ["migrate", "deploy"]);
  log(`› Seeding 1 team, ${VOTERS} voters with API tokens, 2 evaluations (one revealed with ${VOTERS} ballots)`);
  const data = await seed();
  if (buildIsStale())
    run(`Building into ${distDir} (no build, or sources changed)`, bin("next"), ["build"], {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
    });
  else log(`› Reusing the build in ${distDir}`);

  const port = flags.port ? positive("port", flags.port) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port);
  let failed = false;
  try {
    await waitUntilReady(base, server);
    const cookie = MODE === "revisions" ? "" : await signIn(base, data.ownerEmail, data.ownerPassword);
    const json = { "content-type": "application/json" };
    const voter = (i: number) => ({ authorization: `Bearer ${data.voterTokens[i % data.voterTokens.length]}` });
    const rotate = (method: string, p: string, i: number): Request[] =>
      data.bodies.map((_, b) => ({ method, path: p, headers: { ...json, ...voter(i) }, body: data.bodies[(b + i) % data.bodies.length] }));
    const get =
      (p: string, auth: boolean) =>
      (i: number): Request[] => [{ method: "GET", path: p, headers: auth ? voter(i) : {} }];
    const targets: Target[] = [
      { name: "health", label: "GET /api/v1/health (baseline: no database)", requestsFor: get("/api/v1/health", false) },
      {
        name: "ballots",
        label: "POST …/ballots (voting, blind)",
        requestsFor: (i) => rotate("POST", `/api/v1/evaluations/${data.votingId}/ballots`, i),
      },
      {
        name: "post",
        label: "POST /api/v1/health (baseline: bare POST, ballot-sized body)",
        requestsFor: (i) => rotate("POST", "/api/v1/health", i),
      },
      { name: "view", label: "GET /api/v1/evaluations/{id} (revealed)", requestsFor: get(`/api/v1/evaluations/${data.revealedId}`, true) },
      { name: "ready", label: "GET /api/v1/ready (baseline: one Prisma read)", requestsFor: get("/api/v1/ready", false) },
      { name: "report", label: "GET …/report (revealed)", requestsFor: get(`/api/v1/evaluations/${data.revealedId}/report`, true) },
      {
        name: "static",
        label: "GET /sources (baseline: a static page)",
        connections: PAGE_CONNECTIONS,
        requestsFor: () => [{ method: "GET", path: "/sources" }],
      },
      {
        name: "page",
        connections: PAGE_CONNECTIONS,
        label: "GET /evaluations/{id} (page, server render, revealed)",
        requestsFor: () => [{ method: "GET", path: `/evaluations/${data.revealedId}`, headers: { cookie } }],
      },
    ];
    // `--mode revisions` measures ballots only: probing the page without a signed-in cookie gets a redirect.
    const only = flags.only
      ? new Set(flags.only.split(","))
      : MODE === "pages"
        ? new Set(["static", "page"])
        : MODE === "revisions"
          ? new Set(["ballots"])
          : null;
    const selected = targets.filter((t) => !only || only.has(t.name));

    // Any answer other than the expected one means the bench measures an error path: stop.
    const expected: Record<string, number> = { ballots: 201 };
    for (const t of selected) {
      const [first] = t.requestsFor(0);
      const response = await fetch(base + first.path, {
        method: first.method,
        headers: first.headers,
        body: first.body,
        redirect: "manual",
      });
      const want = expected[t.name] ?? 200;
      if (response.status !== want)
        throw new Error(`${first.method} ${first.path}: ${response.status}, expected ${want}: ${await response.text()}`);
    }

    const load1 = loadavg()[0];
    if (MODE !== "revisions") {
      log(`› Warming up (1 s per route, 10 connections)`);
      for (const t of selected) await load(base, t, { connections: 10, duration: 1, serverPid: server.pid });
      const runs = new Map<string, Measured[]>(selected.map((t) => [t.name, []]));
      for (let round = 1; round <= ROUNDS; round++) {
        for (const t of selected) {
          const connections = t.connections ?? CONNECTIONS;
          log(`› Round ${round}/${ROUNDS}: ${t.label}, ${connections} connections, ${DURATION} s`);
          runs.get(t.name)!.push(await load(base, t, { connections, duration: DURATION, serverPid: server.pid }));
        }
      }
      const results = new Map(selected.map((t) => [t.name, combine(runs.get(t.name)!)]));
      console.log(
        `\nHTTP hot paths: next start (production), ${ENGINE}; ${CONNECTIONS} connections, closed loop, ${DURATION} s per run, ` +
          `${ROUNDS} interleaved round${ROUNDS === 1 ? "" : "s"} (median run shown; errors summed); ${VOTERS} voters, ` +
          `load average ${load1.toFixed(1)} → ${loadavg()[0].toFixed(1)}\n`,
      );
      console.log(table(selected.map((t) => results.get(t.name)!)));
      const ratio = (a: string, b: string, label: string) => {
        const x = results.get(a);
        const y = results.get(b);
        if (!x || !y) return;
        const cpu =
          x.cpuPerRequest !== null && y.cpuPerRequest !== null
            ? `; CPU per request ${(x.cpuPerRequest / y.cpuPerRequest).toFixed(1)}x`
            : "";
        console.log(`${label}: ${(x.rps / y.rps).toFixed(2)} (${x.rps.toFixed(1)} / ${y.rps.toFixed(1)} req/s)${cpu}`);
      };
      console.log("");
      ratio("ballots", "post", "ballot POST / bare POST");
      ratio("view", "ready", "view GET / ready");
      ratio("report", "ready", "report GET / ready");
      ratio("ready", "health", "ready / health");
      const page = results.get("page");
      const staticPage = results.get("static");
      if (page && staticPage) {
        console.log(
          `page p95 / static page p95: ${(page.p95 / staticPage.p95).toFixed(2)} (${ms(page.p95)} / ${ms(staticPage.p95)} ms; goal ≤ 2)`,
        );
      }
      for (const m of results.values()) if (m.fivexx || m.errors || m.timeouts) failed = true;
    }

    if (MODE === "all" || MODE === "pages") {
      await settle(base);
      await browserFigures(base, cookie, `/evaluations/${data.revealedId}`);
    }

    if (MODE === "all" || MODE === "revisions") {
      await settle(base); // ballots still in flight from the runs above land before counting
      const { db } = await import("@/lib/db/client");
      const before = await db.ballotRevision.count({ where: { evaluationId: data.votingId } });
      const voters = data.voterTokens.length;
      log(`› ${voters} voters × ${REVISIONS} revisions, all at once`);
      // Each connection sends REVISIONS requests in turn, ballot bodies rotating.
      const burst = (path: string) => (i: number) =>
        Array.from({ length: REVISIONS }, (_, k) => rotate("POST", path, i)[k % data.bodies.length]);
      const ballotsPath = `/api/v1/evaluations/${data.votingId}/ballots`;
      const burstOptions = { connections: voters, perConnection: REVISIONS, timeout: 120, serverPid: server.pid };
      // 1. The burst's shape against the bare POST handler: what accepting 200 new connections at
      //    once costs any route of this server (Node accepts new connections between the requests of
      //    those already open, so the last ones accepted can wait seconds whatever the route does).
      log(`› The burst's shape against the bare POST handler`);
      const bare = await load(
        base,
        {
          name: "bare-burst",
          label: `POST /api/v1/health (bare): ${voters} × ${REVISIONS}, same burst`,
          requestsFor: burst("/api/v1/health"),
        },
        burstOptions,
      );
      // 2. As a crowd of new clients: each connection is opened by its first ballot, so that
      //    ballot also waits for the server to accept the connection while it serves the others.
      const m = await load(
        base,
        { name: "revisions", label: `POST …/ballots: ${voters} voters × ${REVISIONS} revisions`, requestsFor: burst(ballotsPath) },
        burstOptions,
      );
      // 3. The ballots again on connections already open (a browser's keep-alive connection, or a
      //    reverse proxy's pool of upstream connections, as deploy/nginx.conf keeps): each connection
      //    first sends GET /api/v1/health, unmeasured, then its ballots; what the ballot path costs.
      log(`› ${voters} voters × ${REVISIONS} revisions on connections opened first`);
      const open = await load(
        base,
        {
          name: "revisions-open",
          label: `POST …/ballots: ${voters} × ${REVISIONS}, connections opened first`,
          requestsFor: (i) => [{ method: "GET", path: "/api/v1/health" }, ...burst(ballotsPath)(i)],
        },
        { ...burstOptions, openFirst: true },
      );
      // 4. The deployed shape (deploy/nginx.conf in front of this server), when nginx is installed:
      //    the same crowd of new clients, each opening its connection with its first ballot, to nginx,
      //    which forwards them over its pool of idle connections to the server. The warm-up fills
      //    that pool as earlier traffic would: twice the crowd at once, since each of nginx's workers
      //    keeps its own pool and may get any share of the crowd (a worker short of idle connections
      //    opens new ones, which the busy server accepts one per turn of its event loop).
      let proxied: Measured | null = null;
      if (existsSync(NGINX)) {
        log(`› ${voters} voters × ${REVISIONS} revisions through nginx (deploy/nginx.conf), each opening its connection`);
        const proxy = await startNginx(await freePort(), [{ port }]);
        try {
          const warmUp = {
            name: "warm-up",
            label: "GET /api/v1/health through nginx (warm-up)",
            requestsFor: () => [{ method: "GET" as const, path: "/api/v1/health" }],
          };
          await load(proxy.url, warmUp, { connections: 2 * voters, perConnection: 4 });
          proxied = await load(
            proxy.url,
            {
              name: "revisions-nginx",
              label: `POST …/ballots: ${voters} × ${REVISIONS}, new clients through nginx`,
              requestsFor: burst(ballotsPath),
            },
            burstOptions,
          );
        } finally {
          await proxy.stop();
        }
      } else log(`› nginx is not installed at ${NGINX}: the burst through it is left out`);
      const after = await db.ballotRevision.count({ where: { evaluationId: data.votingId } });
      const ballots = await db.ballot.count({ where: { evaluationId: data.votingId } });
      const integrity = (await (
        await fetch(`${base}/api/v1/evaluations/${data.votingId}/integrity`, { headers: { authorization: `Bearer ${data.ownerToken}` } })
      ).json()) as { valid: boolean; revisions: number };
      await db.$disconnect();
      const ballotRuns = [m, open, ...(proxied ? [proxied] : [])];
      const runs = [bare, ...ballotRuns];
      const created = ballotRuns.reduce((a, r) => a + (r.statuses.get(201) ?? 0), 0);
      const expected = ballotRuns.length * voters * REVISIONS;
      console.log(
        `\n${voters} voters × ${REVISIONS} revisions at once (${voters} connections, each sends ${REVISIONS} ballots), load average ${loadavg()[0].toFixed(1)}\n`,
      );
      console.log(table(runs));
      const checks: [string, boolean][] = [
        [`201 answers: ${created} of ${expected}`, created === expected],
        [
          `BallotRevision rows: ${after} = ${before} earlier + ${after - before} new (expected ${expected} new)`,
          after - before === expected,
        ],
        [`current ballots: ${ballots} (one per voter: ${voters})`, ballots === voters],
        [`hash chain and current ballots intact (integrity check): ${integrity.valid}`, integrity.valid === true],
        [
          `5xx: ${runs.reduce((a, r) => a + r.fivexx, 0)}, connection errors: ${runs.reduce((a, r) => a + r.errors, 0)} (resets ${runs.reduce((a, r) => a + r.resets, 0)}), timeouts: ${runs.reduce((a, r) => a + r.timeouts, 0)}`,
          runs.every((r) => r.fivexx === 0 && r.errors === 0 && r.timeouts === 0),
        ],
      ];
      console.log(
        `\nburst p99: ballots on connections opened first ${ms(open.p99)} ms (goal < 1000); ` +
          `new clients through nginx ${proxied ? `${ms(proxied.p99)} ms` : "not measured"}; ` +
          `new clients straight to the server ${ms(m.p99)} ms, the bare POST handler in the same burst ${ms(bare.p99)} ms`,
      );
      console.log("");
      for (const [text, ok] of checks) console.log(`${ok ? "ok  " : "FAIL"} ${text}`);
      if (checks.some(([, ok]) => !ok)) failed = true;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await stopServer(server);
    if (flags.keep || failed) log(`› Kept ${work} (database and server.log)`);
    else rmSync(work, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:http failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
