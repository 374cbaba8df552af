import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles, createUser } from "../support/factories";
import { AppError } from "@/lib/errors";
import { createEvaluation } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { checkEvaluationIntegrity } from "@/lib/domain/records";
import { verifyChain } from "@/lib/export/ballot-chain";
import { appendBallotRevision } from "@/lib/domain/ballot-revisions";
import { databaseEngine } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";

// A rule about the evaluation's state (voting is open) must hold where the write happens: a ballot
// racing Reveal or Decide is either in before it or refused with 409, never stored after it.

const ROUNDS = 8;

async function votingEvaluation() {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.member, t.teamId, { title: "Race", template: "django-flask" });
  await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
  const criteria = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
  const ballot = (first: number) => ({
    method: "points",
    weights: Object.fromEntries(criteria.map((c, i) => [c.key, i === 0 ? first : i === 1 ? 100 - first : 0])),
  });
  await castBallot(t.member, evaluation.id, ballot(60));
  return { t, evaluationId: evaluation.id, ballot };
}

/**
 * Audit actions in the order they were written, on either engine: every write to an evaluation takes
 * its lock by bumping `revision`, and its audit entries carry that revision (evaluation-access.ts),
 * so the revision orders them; entries written outside that shape (none in a race) sort first.
 */
async function auditOrder(evaluationId: string): Promise<string[]> {
  const rows = await db.auditEntry.findMany({ where: { evaluationId }, select: { action: true, detail: true, createdAt: true } });
  const revision = (detail: string) => {
    const value = (JSON.parse(detail) as { revision?: unknown }).revision;
    return typeof value === "number" ? value : -1;
  };
  return rows
    .map((r) => ({ action: r.action, revision: revision(r.detail), at: r.createdAt.getTime() }))
    .sort((a, b) => a.revision - b.revision || a.at - b.at)
    .map((r) => r.action);
}

/** Starts `second` a few event-loop turns after `first`, so every round interleaves them differently. */
async function race<A, B>(first: () => Promise<A>, second: () => Promise<B>, turns: number) {
  const a = settle(first());
  for (let n = 0; n < turns; n++) await new Promise((resolve) => setImmediate(resolve));
  const b = settle(second());
  return [await a, await b] as const;
}

async function settle(promise: Promise<unknown>) {
  return promise.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function expectRefusedAsConflict(outcome: { ok: false; error: unknown }) {
  expect(outcome.error).toBeInstanceOf(AppError);
  expect((outcome.error as AppError).code).toBe("conflict");
}

describe("a ballot racing a status change", () => {
  it("lands before Reveal or is refused with 409, never after", async () => {
    let refused = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const { t, evaluationId, ballot } = await votingEvaluation();
      const [reveal, cast] = await race(
        () => transitionEvaluation(t.owner, evaluationId, { action: "reveal" }),
        () => castBallot(t.admin, evaluationId, ballot(30)),
        i,
      );
      expect(reveal.ok).toBe(true);
      const order = await auditOrder(evaluationId);
      if (cast.ok) {
        expect(order.lastIndexOf("ballot.cast"), `round ${i}: ${order.join(" → ")}`).toBeLessThan(order.indexOf("evaluation.reveal"));
      } else {
        expectRefusedAsConflict(cast);
        refused++;
        expect(await db.ballot.count({ where: { evaluationId, userId: t.admin.userId } })).toBe(0);
      }
    }
    // The staggered starts must really have raced: some ballots arrived after Reveal had begun.
    expect(refused).toBeGreaterThan(0);
  });

  it("lands before Decide (and in its frozen record) or is refused with 409, so the integrity check stays green", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { t, evaluationId, ballot } = await votingEvaluation();
      const option = await db.option.findFirstOrThrow({ where: { evaluationId } });
      const [decide, cast] = await race(
        () =>
          transitionEvaluation(t.owner, evaluationId, {
            action: "decide",
            optionId: option.id,
            rationale: "Decided while a ballot was in flight",
            override: "Testing the race",
          }),
        () => castBallot(t.admin, evaluationId, ballot(30)),
        i,
      );
      expect(decide.ok).toBe(true);
      if (!cast.ok) expectRefusedAsConflict(cast);
      const integrity = await checkEvaluationIntegrity(t.owner, evaluationId);
      expect(integrity.valid, `round ${i}: ${JSON.stringify(integrity)}`).toBe(true);
    }
  });
});

describe("many voters at once", () => {
  it("keeps the hash chain gapless with 50 ballots cast in parallel", async () => {
    const { t, evaluationId, ballot } = await votingEvaluation();
    const voters = await Promise.all(Array.from({ length: 50 }, () => createUser("voter")));
    await db.membership.createMany({ data: voters.map((v) => ({ teamId: t.teamId, userId: v.userId, role: "member" })) });
    const outcomes = await Promise.all(voters.map((v, i) => settle(castBallot(v, evaluationId, ballot(i * 2)))));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const revisions = await db.ballotRevision.findMany({ where: { evaluationId }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => r.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(verifyChain(revisions).valid).toBe(true);
    // The next link is made from the head kept on the evaluation row, not from the chain: it must
    // be the last revision after every append, however the appends interleaved.
    const head = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { chainSeq: true, chainHash: true } });
    expect(head).toEqual({ chainSeq: 51, chainHash: revisions[50].hash });
    // Revising ballots (as well as casting) keeps it there.
    await Promise.all(voters.slice(0, 10).map((v, i) => castBallot(v, evaluationId, ballot(100 - i))));
    const last = await db.ballotRevision.findFirstOrThrow({ where: { evaluationId }, orderBy: { seq: "desc" } });
    expect(last.seq).toBe(61);
    expect(await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { chainSeq: true, chainHash: true } })).toEqual({
      chainSeq: 61,
      chainHash: last.hash,
    });
  });

  it("carries ballots into a second round on the chain, from the head, and moves the head", async () => {
    const { t, evaluationId } = await votingEvaluation();
    await transitionEvaluation(t.owner, evaluationId, { action: "reveal" });
    await transitionEvaluation(t.owner, evaluationId, { action: "second-round" });
    const revisions = await db.ballotRevision.findMany({ where: { evaluationId }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => [r.seq, r.round])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(verifyChain(revisions).valid).toBe(true);
    expect(await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { chainSeq: true, chainHash: true } })).toEqual({
      chainSeq: 2,
      chainHash: revisions[1].hash,
    });
  });

  it("refuses to append from a head that is no longer the chain's end, instead of forking the chain", async () => {
    const { evaluationId } = await votingEvaluation();
    const stale = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { chainSeq: true, chainHash: true } });
    // A second append from the same head, as a writer skipping the evaluation's lock would make.
    const append = () =>
      db.$transaction((tx) =>
        appendBallotRevision(
          tx,
          { evaluationId, userId: null, voterName: "Someone", round: 1, method: "points", payload: "{}", createdAt: new Date() },
          { head: { seq: stale.chainSeq, hash: stale.chainHash } },
        ),
      );
    await append();
    await expect(append()).rejects.toThrow();
    const revisions = await db.ballotRevision.findMany({ where: { evaluationId }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => r.seq)).toEqual([1, 2]);
    expect(verifyChain(revisions).valid).toBe(true);
  });
});

// Ballots to one evaluation that arrive together are stored in one transaction (lib/domain/ballots.ts);
// each must still be judged and answered as if it had been cast alone.
describe("a burst of ballots stored together", () => {
  const codeOf = (outcome: Awaited<ReturnType<typeof settle>>) => (outcome.ok ? "stored" : (outcome.error as AppError).code);

  it("answers each ballot on its own merits, and records each stored one as its own change", async () => {
    const { t, evaluationId, ballot } = await votingEvaluation();
    const voters = await Promise.all(Array.from({ length: 20 }, () => createUser("voter")));
    await db.membership.createMany({ data: voters.map((v) => ({ teamId: t.teamId, userId: v.userId, role: "member" })) });
    const outsider = await createUser("outsider");
    const before = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { revision: true } });

    // All sent in the same turn: the first is stored alone, the rest wait and go together.
    const outcomes = await Promise.all([
      ...voters.map((v, i) => settle(castBallot(v, evaluationId, ballot(i * 5)))),
      settle(castBallot(t.viewer, evaluationId, ballot(50))),
      settle(castBallot(outsider, evaluationId, ballot(50))),
      settle(castBallot(t.admin, evaluationId, { method: "points", weights: { "no-such-criterion": 100 } })),
      settle(castBallot(voters[0], evaluationId, ballot(99))),
    ]);
    expect(outcomes.map(codeOf)).toEqual([...voters.map(() => "stored"), "forbidden", "not_found", "invalid", "stored"]);

    // Nothing of the refused ones; the voter who revised in the same burst has the later ballot.
    expect(await db.ballot.count({ where: { evaluationId, userId: { in: [t.viewer.userId, outsider.userId, t.admin.userId] } } })).toBe(0);
    const revised = await db.ballot.findFirstOrThrow({ where: { evaluationId, userId: voters[0].userId } });
    expect(JSON.parse(revised.payload)).toEqual({ weights: ballot(99).weights });

    // 21 revisions after the setup's one, gapless and chained; each its own audit entry and revision.
    const revisions = await db.ballotRevision.findMany({ where: { evaluationId }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => r.seq)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(verifyChain(revisions).valid).toBe(true);
    const after = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { revision: true, chainSeq: true } });
    expect(after).toEqual({ revision: before.revision + 21, chainSeq: 22 });
    const audited = await db.auditEntry.findMany({ where: { evaluationId, action: "ballot.cast" }, select: { detail: true } });
    const auditedRevisions = audited.map((a) => (JSON.parse(a.detail) as { revision: number }).revision).filter((r) => r > before.revision);
    expect(auditedRevisions.sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => before.revision + i + 1));
    expect((await checkEvaluationIntegrity(t.owner, evaluationId)).valid).toBe(true);
  });

  it("stores the others when the database refuses one ballot of the batch", async () => {
    const { t, evaluationId, ballot } = await votingEvaluation();
    const voters = await Promise.all(Array.from({ length: 6 }, () => createUser("voter")));
    await db.membership.createMany({ data: voters.map((v) => ({ teamId: t.teamId, userId: v.userId, role: "member" })) });
    const refusedVoter = voters[3].userId;
    // A database-level refusal of one voter's row (as a constraint or a full disk would refuse it).
    const onSqlite = databaseEngine(resolveDatabaseUrl(process.env.DATABASE_URL)) === "sqlite";
    const trigger = onSqlite
      ? [
          `CREATE TRIGGER "refuse_test_ballot" BEFORE INSERT ON "Ballot" WHEN NEW."userId" = '${refusedVoter}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
        ]
      : [
          `CREATE FUNCTION refuse_test_ballot() RETURNS trigger AS $$ BEGIN IF NEW."userId" = '${refusedVoter}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
          `CREATE TRIGGER "refuse_test_ballot" BEFORE INSERT ON "Ballot" FOR EACH ROW EXECUTE FUNCTION refuse_test_ballot()`,
        ];
    for (const statement of trigger) await db.$executeRawUnsafe(statement);
    try {
      const outcomes = await Promise.all(voters.map((v, i) => settle(castBallot(v, evaluationId, ballot(i * 10)))));
      expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false, true, true]);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "refuse_test_ballot"${onSqlite ? "" : ` ON "Ballot"`}`);
      if (!onSqlite) await db.$executeRawUnsafe(`DROP FUNCTION refuse_test_ballot()`);
    }
    const stored = await db.ballot.findMany({ where: { evaluationId }, select: { userId: true } });
    expect(stored.map((b) => b.userId).sort()).toEqual(
      [t.member.userId, ...voters.filter((v) => v.userId !== refusedVoter).map((v) => v.userId)].sort(),
    );
    expect((await checkEvaluationIntegrity(t.owner, evaluationId)).valid).toBe(true);
  });
});
