import { db } from "../support/db";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { ident, onServer, POSTGRES_TEST_URL, postgresUnavailable } from "../support/postgres";
import { withDatabaseName } from "@/lib/db/url";
import { createEvaluation } from "@/lib/domain/evaluations";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { castBallot } from "@/lib/domain/ballots";
import { addComment } from "@/lib/domain/comments";
import { checkEvaluationIntegrity } from "@/lib/domain/records";

// `npm run -s cli -- copy-database --to postgresql://…` moves a team's history (decided, superseded
// and second-round evaluations, hash chains, frozen records, threaded comments) from the database
// DATABASE_URL names into an empty PostgreSQL database, verifies it there, and refuses a target
// that is not empty. Source: this file's test database (SQLite, or PostgreSQL with
// TEST_DATABASE=postgres). Needs a PostgreSQL server for the target: skipped, saying so, without one
// (never in CI, where the server is always there).

const unavailable = await postgresUnavailable();
if (unavailable && process.env.CI) throw new Error(`copy-database test: no PostgreSQL server at ${POSTGRES_TEST_URL} (${unavailable})`);
if (unavailable)
  process.stdout.write(
    `SKIPPED copy-database test: no PostgreSQL server at ${POSTGRES_TEST_URL} (${unavailable}); set POSTGRES_TEST_URL\n`,
  );

const targets: string[] = [];
async function emptyMigratedTarget(): Promise<string> {
  const name = `tradeoff_copy_${randomBytes(5).toString("hex")}`;
  await onServer(POSTGRES_TEST_URL, `CREATE DATABASE ${ident(name)}`);
  targets.push(name);
  const url = withDatabaseName(POSTGRES_TEST_URL, name);
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return url;
}

function copyDatabase(to: string): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "cli/index.ts", "copy-database", "--to", to, "--batch", "7"],
      {
        env: { ...process.env },
        encoding: "utf8",
        stdio: "pipe",
      },
    );
    return { status: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

async function team() {
  const t = await createTeamWithRoles();
  const newEvaluation = async (title: string) => {
    const evaluation = await createEvaluation(t.member, t.teamId, { title, template: "django-flask" });
    await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
    const criteria = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
    const ballot = (first: number) => ({
      method: "points",
      weights: Object.fromEntries(criteria.map((c, i) => [c.key, i === 0 ? first : i === 1 ? 100 - first : 0])),
    });
    return { id: evaluation.id, ballot };
  };
  const decide = async (id: string) => {
    const option = await db.option.findFirstOrThrow({ where: { evaluationId: id }, orderBy: { position: "asc" } });
    await transitionEvaluation(t.admin, id, { action: "reveal" });
    await transitionEvaluation(t.admin, id, { action: "decide", optionId: option.id, rationale: "Chosen after the team's vote." });
  };
  return { t, newEvaluation, decide };
}

// Each case runs `prisma migrate deploy` and the CLI as child processes: minutes on a loaded machine.
const SLOW = { timeout: 180_000 };

describe.skipIf(unavailable !== null)("copy-database", () => {
  let source: { decided: string; superseded: string; successor: string; secondRound: string };

  beforeAll(async () => {
    const { t, newEvaluation, decide } = await team();
    const decided = await newEvaluation("Decided");
    await castBallot(t.member, decided.id, decided.ballot(70));
    await castBallot(t.admin, decided.id, decided.ballot(40));
    await castBallot(t.member, decided.id, decided.ballot(60)); // a revision: the chain has three links
    const top = await addComment(t.member, decided.id, { body: "Flask is lighter." });
    await addComment(t.admin, decided.id, { body: "But Django has the admin.", parentId: top.id });
    await decide(decided.id);

    const superseded = await newEvaluation("Superseded");
    await castBallot(t.member, superseded.id, superseded.ballot(30));
    await decide(superseded.id);
    const { evaluationId: successor } = await transitionEvaluation(t.admin, superseded.id, { action: "supersede" });

    const secondRound = await newEvaluation("Second round");
    await castBallot(t.member, secondRound.id, secondRound.ballot(90));
    await transitionEvaluation(t.admin, secondRound.id, { action: "reveal" });
    await transitionEvaluation(t.admin, secondRound.id, { action: "second-round" });
    await castBallot(t.member, secondRound.id, secondRound.ballot(10));
    source = { decided: decided.id, superseded: superseded.id, successor, secondRound: secondRound.id };
  });

  afterAll(async () => {
    for (const name of targets) await onServer(POSTGRES_TEST_URL, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });

  it("copies every table into an empty PostgreSQL database and verifies every evaluation there", SLOW, async () => {
    const to = await emptyMigratedTarget();
    const result = copyDatabase(to);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ evaluations: await db.evaluation.count(), ballots: await db.ballot.count(), verified: true });
    expect(summary.verification).toMatchObject({ failed: [], evaluations: await db.evaluation.count() });
    expect(summary.copied.BallotRevision).toBe(await db.ballotRevision.count());
    expect(summary.verification.frozenRecords).toBeGreaterThanOrEqual(2);

    // Same rows, field for field, in the evaluations the source holds.
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/lib/db/generated/postgresql/client");
    const target = new PrismaClient({ adapter: new PrismaPg({ connectionString: to }) });
    try {
      for (const id of Object.values(source)) {
        const select = {
          id: true,
          status: true,
          round: true,
          revision: true,
          decidedOptionId: true,
          supersededById: true,
          createdAt: true,
        } as const;
        expect(await target.evaluation.findUnique({ where: { id }, select })).toEqual(
          await db.evaluation.findUnique({ where: { id }, select }),
        );
        const chain = {
          orderBy: { seq: "asc" as const },
          where: { evaluationId: id },
          select: { seq: true, hash: true, prevHash: true, payload: true, round: true },
        };
        expect(await target.ballotRevision.findMany(chain)).toEqual(await db.ballotRevision.findMany(chain));
        expect(await target.decisionSnapshot.findUnique({ where: { evaluationId: id } })).toEqual(
          await db.decisionSnapshot.findUnique({ where: { evaluationId: id } }),
        );
      }
      const replies = await target.comment.findMany({ where: { evaluationId: source.decided, parentId: { not: null } } });
      expect(replies).toHaveLength(1);
      expect((await target.evaluation.findUniqueOrThrow({ where: { id: source.superseded } })).supersededById).toBe(source.successor);
      expect((await target.evaluation.findUniqueOrThrow({ where: { id: source.secondRound } })).round).toBe(2);
    } finally {
      await target.$disconnect();
    }

    // A second copy into the same (now full) database is refused, naming what is there.
    const again = copyDatabase(to);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/target database is not empty \(User: \d+/);
  });

  it("refuses an unmigrated target with a clear message", SLOW, async () => {
    const name = `tradeoff_copy_${randomBytes(5).toString("hex")}`;
    await onServer(POSTGRES_TEST_URL, `CREATE DATABASE ${ident(name)}`);
    targets.push(name);
    const result = copyDatabase(withDatabaseName(POSTGRES_TEST_URL, name));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is not migrated: run `DATABASE_URL=<target> npm run db:migrate` first");
  });

  it("reports, and exits 1, when an evaluation's chain does not verify", SLOW, async () => {
    const { t, newEvaluation } = await team();
    const broken = await newEvaluation("Tampered");
    await castBallot(t.member, broken.id, broken.ballot(50));
    const row = await db.ballotRevision.findFirstOrThrow({ where: { evaluationId: broken.id } });
    await db.ballotRevision.update({ where: { id: row.id }, data: { payload: row.payload.replace("50", "51") } });
    expect((await checkEvaluationIntegrity(t.member, broken.id)).valid).toBe(false);
    const result = copyDatabase(await emptyMigratedTarget());
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.verified).toBe(false);
    expect(summary.verification.failed).toEqual([expect.objectContaining({ id: broken.id, title: "Tampered" })]);
  });
});
