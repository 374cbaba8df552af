// Several production instances of the app behind nginx (deploy/nginx.conf), for the multi-instance
// e2e test (tests/e2e/instances.spec.ts) and the live-latency benchmark (bench/live-latency.ts).
// Each instance is `next start` of an existing build (NEXT_DIST_DIR), in its own process group so
// that killing it kills its workers too.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const AUTH_SECRET = "cluster-secret-cluster-secret-cluster-0123456789";

export interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  /** output so far, for failure messages */
  log(): string;
  /** SIGKILL to the whole process group: a crash, not a graceful stop */
  kill(): Promise<void>;
}

function quoteIdent(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}

/** A fresh, migrated PostgreSQL database named `name` on the server `serverUrl` names. */
export async function freshPostgresDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  migrate(url.toString());
  return url.toString();
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function migrate(databaseUrl: string) {
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
}

/** Runs the project's CLI on `databaseUrl` and parses its JSON output. */
export function cli<T>(databaseUrl: string, ...args: string[]): T {
  const out = execFileSync(bin("tsx"), ["--conditions=react-server", "cli/index.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, TRADEOFF_DEMO: "1" },
    encoding: "utf8",
  });
  return JSON.parse(out) as T;
}

export function distDir(): string {
  const dir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(root, dir, "BUILD_ID")))
    throw new Error(`no production build in ${dir}: run \`NEXT_DIST_DIR=${dir} npx next build\` first`);
  return dir;
}

/** Starts `next start` on `port` and waits until /api/v1/ready answers 200. */
export async function startInstance(options: {
  port: number;
  databaseUrl: string;
  publicUrl: string;
  env?: Record<string, string>;
}): Promise<Instance> {
  const { port, databaseUrl, publicUrl } = options;
  let output = "";
  const child = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: distDir(),
      AUTH_SECRET,
      AUTH_URL: publicUrl,
      AUTH_TRUST_HOST: "true",
      // As docs/DEPLOY.md says for instances behind the proxy.
      TRUST_PROXY: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    port,
    url,
    child,
    log: () => output,
    kill: () => killGroup(child),
  };
  try {
    await waitFor(`${url}/api/v1/ready`, 120_000, () => child.exitCode !== null);
  } catch (error) {
    await instance.kill();
    throw new Error(`instance on :${port} did not become ready: ${(error as Error).message}\n${output.slice(-2000)}`);
  }
  return instance;
}

async function killGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    return;
  }
  await exited;
}

async function waitFor(url: string, timeoutMs: number, gaveUp: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error("the process exited");
    try {
      const response = await fetch(url);
      // Read the body: an unread one leaves the keep-alive socket half-used, and a later request
      // reusing it after the server closed it fails with "other side closed".
      await response.arrayBuffer();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

export interface Proxy {
  url: string;
  stop(): Promise<void>;
  errorLog(): string;
}

/** deploy/nginx.conf with its placeholders filled in. */
export function renderNginxConfig(listen: string, upstreams: string[], prefix: string): string {
  const template = readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8");
  const values: Record<string, string> = {
    TRADEOFF_LISTEN: listen,
    TRADEOFF_UPSTREAMS: upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=5s;`).join("\n    "),
    TRADEOFF_PREFIX: prefix,
  };
  return template.replace(/\$\{(TRADEOFF_[A-Z_]+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`deploy/nginx.conf: unknown placeholder ${name}`);
    return values[name];
  });
}

/** nginx on 127.0.0.1:`port` with deploy/nginx.conf in front of `instances`, run as this user in a temp folder. */
export async function startNginx(port: number, instances: { port: number }[]): Promise<Proxy> {
  if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX} (apt-get install nginx, or set NGINX_PATH)`);
  const prefix = mkdtempSync(path.join(tmpdir(), "tradeoff-nginx-"));
  for (const dir of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(prefix, dir));
  const config = path.join(prefix, "nginx.conf");
  writeFileSync(
    config,
    renderNginxConfig(
      `127.0.0.1:${port}`,
      instances.map((i) => `127.0.0.1:${i.port}`),
      prefix,
    ),
  );
  const errorLog = path.join(prefix, "error.log");
  execFileSync(NGINX, ["-t", "-q", "-p", prefix, "-c", config, "-e", errorLog], { stdio: "pipe" });
  const child = spawn(NGINX, ["-p", prefix, "-c", config, "-e", errorLog], { detached: true, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/api/v1/health`, 15_000, () => child.exitCode !== null);
  } catch (error) {
    await killGroup(child);
    throw new Error(`nginx did not start: ${(error as Error).message}\n${existsSync(errorLog) ? readFileSync(errorLog, "utf8") : ""}`);
  }
  return {
    url,
    errorLog: () => (existsSync(errorLog) ? readFileSync(errorLog, "utf8") : ""),
    async stop() {
      await killGroup(child);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
