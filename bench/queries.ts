// `npm run bench:queries [-- --voters 20] [--verbose] [--time N]`
//
// SQL statements per hot-path operation, counted from Prisma's query events (TRADEOFF_COUNT_QUERIES=1,
// lib/db/client.ts), on a fresh SQLite database (or DATABASE_URL, if it names an empty PostgreSQL
// database already migrated). Each statement costs little in the database and ~0.5-1 ms of Prisma's
// query compiler and interpreter, so the count is what the ballot path's cost follows. Prints each
// operation's statements so the figures in docs/PERFORMANCE.md can be checked.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: {
    voters: { type: "string", default: "20" },
    verbose: { type: "boolean", default: false },
    time: { type: "string", default: "0" },
  },
});
const VOTERS = Number(flags.voters);
// `--time N`: also N timed runs of each operation (after as many warm-up runs), CPU ms per call of
// this process (process.cpuUsage), in one process without HTTP: what the operation itself costs.
const TIMED = Number(flags.time);
const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
// Counting builds an event per statement: a timed run (--time) counts nothing, so its figures are the app's.
process.env.TRADEOFF_COUNT_QUERIES = TIMED ? "0" : "1";
const work = mkdtempSync(path.join(tmpdir(), "tradeoff-bench-queries-"));
const fresh = !process.env.DATABASE_URL?.startsWith("postgresql");
if (fresh) {
  process.env.DATABASE_URL = `file:${path.join(work, "queries.db")}`;
  const migrate = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
}

async function main() {
  const { db, takeQueryCount } = await import("@/lib/db/client");
  const { createTeam } = await import("@/lib/domain/teams");
  const { createEvaluation } = await import("@/lib/domain/evaluations");
  const { transitionEvaluation } = await import("@/lib/domain/workflow");
  const { castBallot } = await import("@/lib/domain/ballots");
  const { getEvaluationView, getEvaluationReport } = await import("@/lib/domain/report");
  const { createApiToken, actorFromApiToken } = await import("@/lib/domain/api-tokens");

  const stamp = Date.now().toString(36);
  const owner = await db.user.create({ data: { email: `owner-${stamp}@queries.tradeoff.dev`, name: "Owner", passwordHash: "!" } });
  const team = await createTeam({ userId: owner.id }, { name: "Queries team" });
  const emails = Array.from({ length: VOTERS }, (_, i) => `voter-${i}-${stamp}@queries.tradeoff.dev`);
  await db.user.createMany({ data: emails.map((email, i) => ({ email, name: `Voter ${i}`, passwordHash: "!" })) });
  const voters = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  await db.membership.createMany({ data: voters.map((v) => ({ teamId: team.id, userId: v.id, role: "member" })) });
  const ownerActor = { userId: owner.id };
  const evaluation = await createEvaluation(ownerActor, team.id, { title: "Queries", template: "django-flask" });
  await transitionEvaluation(ownerActor, evaluation.id, { action: "open-voting" });
  const keys = (await db.criterion.findMany({ where: { evaluationId: evaluation.id }, select: { key: true } })).map((c) => c.key);
  const ballot = (n: number) => ({ method: "points", weights: { [keys[n % keys.length]]: 60, [keys[(n + 1) % keys.length]]: 40 } });

  const rows: [string, number, string[]][] = [];
  const measure = async (label: string, op: () => Promise<unknown>) => {
    takeQueryCount();
    await op();
    const { count, statements } = takeQueryCount();
    rows.push([label, count, statements]);
  };
  const timings: [string, number, number][] = [];
  /** CPU and wall ms per call over TIMED calls, after TIMED warm-up calls. */
  const time = async (label: string, op: (n: number) => Promise<unknown>) => {
    if (!TIMED) return;
    for (let n = 0; n < TIMED; n++) await op(n);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let n = 0; n < TIMED; n++) await op(n);
    const used = process.cpuUsage(cpu);
    timings.push([label, (used.user + used.system) / 1000 / TIMED, (performance.now() - started) / TIMED]);
  };
  const { token } = await createApiToken(ownerActor, { name: "queries" });
  await actorFromApiToken(token);
  await measure("actorFromApiToken (the API's Bearer token, used within the minute)", () => actorFromApiToken(token));
  for (const [i, v] of voters.entries()) await castBallot({ userId: v.id }, evaluation.id, ballot(i));
  await measure("castBallot: a voter's first ballot", () => castBallot(ownerActor, evaluation.id, ballot(1)));
  await measure("castBallot: a revision", () => castBallot(ownerActor, evaluation.id, ballot(2)));
  await measure("getEvaluationView (voting, blind): new revision", () => getEvaluationView(ownerActor, evaluation.id));
  await measure("getEvaluationView (voting, blind): same revision", () => getEvaluationView(ownerActor, evaluation.id));
  await time("castBallot (a revision)", (n) => castBallot({ userId: voters[n % voters.length].id }, evaluation.id, ballot(n)));
  await time("actorFromApiToken", () => actorFromApiToken(token));
  await time("ping (one Prisma read, as /api/v1/ready)", () => db.user.findFirst({ select: { id: true } }));
  await transitionEvaluation(ownerActor, evaluation.id, { action: "reveal" });
  await measure("getEvaluationReport (revealed): new revision", () => getEvaluationReport(ownerActor, evaluation.id));
  await measure("getEvaluationReport (revealed): same revision", () => getEvaluationReport(ownerActor, evaluation.id));
  await measure("getEvaluationView (revealed): same revision", () => getEvaluationView(ownerActor, evaluation.id));
  await time("getEvaluationView (revealed, cached)", () => getEvaluationView(ownerActor, evaluation.id));
  await time("getEvaluationView (revealed, cached) + JSON.stringify", async () =>
    JSON.stringify(await getEvaluationView(ownerActor, evaluation.id)),
  );
  await time("getEvaluationReport (revealed, cached) + JSON.stringify", async () =>
    JSON.stringify(await getEvaluationReport(ownerActor, evaluation.id)),
  );
  const viewJson = JSON.stringify(await getEvaluationView(ownerActor, evaluation.id));
  const reportJson = JSON.stringify(await getEvaluationReport(ownerActor, evaluation.id));
  await db.$disconnect();

  if (!TIMED) {
    console.log(
      `\nSQL statements per operation (${fresh ? "SQLite" : "PostgreSQL"}, ${VOTERS} voters, django-flask template: 2 options × 24 criteria)\n`,
    );
    console.log("| operation | statements |\n|---|---:|");
    for (const [label, count] of rows) console.log(`| ${label} | ${count} |`);
  }
  if (TIMED) {
    console.log(
      `\nIn-process cost (${fresh ? "SQLite" : "PostgreSQL"}, ${VOTERS} voters), ${TIMED} calls after ${TIMED} warm-up calls (view JSON ${(viewJson.length / 1024).toFixed(1)} KiB, report JSON ${(reportJson.length / 1024).toFixed(1)} KiB)\n`,
    );
    console.log("| operation | CPU ms/call | wall ms/call |\n|---|---:|---:|");
    for (const [label, cpu, wall] of timings) console.log(`| ${label} | ${cpu.toFixed(2)} | ${wall.toFixed(2)} |`);
  }
  if (flags.verbose && !TIMED) {
    for (const [label, , statements] of rows) {
      console.log(`\n${label}:`);
      for (const s of statements) console.log(`  ${s.replace(/\s+/g, " ").slice(0, 160)}`);
    }
  }
}

const cleanUp = () => rmSync(work, { recursive: true, force: true });
main().then(
  () => {
    cleanUp();
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    cleanUp();
    process.exit(1);
  },
);
