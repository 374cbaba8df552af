// `npm start`: migrate the database, seed the demo, build if the sources changed, serve on :3000.
// Works on a fresh clone with nothing configured: SQLite file in ./data, a generated AUTH_SECRET.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(label, command, args, options = {}) {
  process.stdout.write(`› ${label}\n`);
  const result = spawnSync(command, args, { stdio: options.capture ? ["ignore", "pipe", "inherit"] : "inherit", env: process.env, encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(`✗ ${label} failed (exit ${result.status}).\n`);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

/** A persistent secret for session cookies, generated once, unless AUTH_SECRET is set. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(root, "data", "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "lib", "components", "proxy.ts", "next.config.js"].some((p) => {
    const full = path.join(root, p);
    return existsSync(full) && (statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs) > built;
  });
}

// The e2e suite starts from an empty database every run (never the developer's own file).
if (process.env.TRADEOFF_FRESH_DATABASE === "1") {
  const url = process.env.DATABASE_URL ?? "";
  if (!url.startsWith("file:") || !url.includes("e2e")) {
    process.stderr.write("TRADEOFF_FRESH_DATABASE only resets an e2e SQLite file (its name must contain 'e2e').\n");
    process.exit(2);
  }
  rmSync(path.resolve(url.slice("file:".length)), { force: true });
}

ensureAuthSecret();
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.AUTH_TRUST_HOST ??= "true";

run("Applying database migrations", bin("prisma"), ["migrate", "deploy"], { capture: true });
const demo = JSON.parse(run("Seeding the demo team", bin("tsx"), ["--conditions=react-server", "cli/index.ts", "demo"], { capture: true }));
if (buildIsStale()) run("Building the app (first start or changed sources)", bin("next"), ["build"]);

const port = process.env.PORT ?? "3000";
process.stdout.write(
  `\nTradeoff is starting at http://localhost:${port}\n` +
    `Demo sign-in: ${demo.users[0].email} / ${demo.users[0].password} (owner); ` +
    `also ${demo.users.slice(1).map((u) => u.email).join(", ")} with the same password.\n\n`,
);
const server = spawn(bin("next"), ["start", "-p", port], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
