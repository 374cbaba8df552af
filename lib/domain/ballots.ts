import "server-only";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { withEvaluationBatch, type WriteRule } from "@/lib/domain/evaluation-access";
import { BallotInputSchema, checkBallotFits, type BallotInput } from "@/lib/validation/ballot";
import { admitWriteTransaction, clientEngine, newRowId, sqliteWriteQueue } from "@/lib/db/client";
import { keyedBatches, type Outcome } from "@/lib/db/batches";
import { DatabaseBusyError } from "@/lib/db/driver";
import { joinSql, sql, type SqlTx } from "@/lib/db/sql";
import { insertBallotRevisions } from "@/lib/domain/ballot-revisions";
import { chainRevisions } from "@/lib/export/ballot-chain";
import { LRUCache } from "lru-cache";

/** The ballot's payload as stored: `{ weights }` or `{ comparisons }`, keys in a fixed order. */
export function ballotPayload(ballot: BallotInput): string {
  return ballot.method === "pairwise" ? JSON.stringify({ comparisons: ballot.comparisons }) : JSON.stringify({ weights: ballot.weights });
}

/**
 * Casts or revises the actor's ballot in the current round. The latest ballot counts; every
 * revision is appended to the per-evaluation hash chain (lib/domain/ballot-revisions.ts).
 *
 * Ballots to one evaluation that arrive while another batch of them is being stored are stored
 * together next (keyedBatches): one write lock, one statement for the ballots, one for their
 * revisions, audit entries and the chain's head, however many there are. Each ballot is still
 * judged on its own, as if cast alone, and answered with its own result or refusal.
 */
export async function castBallot(actor: Actor, evaluationId: string, input: unknown): Promise<CastBallot> {
  const ballot = parseOrThrow(BallotInputSchema, input, "ballot");
  // On SQLite, a write that could not start within its maxWait is refused now (503), not queued.
  admitWriteTransaction();
  return ballotBatches.submit(evaluationId, { actor, ballot, payload: ballotPayload(ballot) });
}

interface PendingBallot {
  actor: Actor;
  ballot: BallotInput;
  payload: string;
}

/** A stored ballot as the API answers it: the ballot's fields (weights or comparisons) and where it went. */
type CastBallot = { id: string; method: string; round: number; castAt: Date; revision: number } & Record<string, unknown>;

const ballotBatches = keyedBatches((evaluationId: string, pending: PendingBallot[]) => castBatch(evaluationId, pending), {
  // A batch waiting for its turn is a transaction to come: SQLite's admission estimate counts it.
  onWaiting: (change) => {
    if (clientEngine() === "sqlite") sqliteWriteQueue.waiting += change;
  },
});

/**
 * Stores a batch in one transaction. Should storing fail (the database refusing a row, not a
 * ballot refused by the rules, which is answered without writing), each ballot is retried in a
 * transaction of its own, so that no ballot can make another fail.
 */
async function castBatch(evaluationId: string, pending: PendingBallot[]) {
  try {
    return await castTogether(evaluationId, pending);
  } catch (error) {
    // Busy: nothing was written and nothing would be now (503, to be sent again).
    if (pending.length === 1 || error instanceof DatabaseBusyError) throw error;
    const alone = await Promise.all(pending.map((p) => castTogether(evaluationId, [p]).catch((e: unknown) => [refused(e)])));
    return alone.map(([outcome]) => outcome);
  }
}

const refused = (error: unknown) => ({ ok: false, error }) as const;

function castTogether(evaluationId: string, pending: readonly PendingBallot[]): Promise<Outcome<CastBallot>[]> {
  return withEvaluationBatch(
    evaluationId,
    "ballot:cast",
    VOTING_OPEN,
    pending.map((p) => p.actor),
    async ({ sql: tx, locked, refusal, recordWrites }) => {
      const keys = locked ? await frozenCriterionKeys(tx, evaluationId) : [];
      const now = new Date();
      const outcomes = pending.map((p): Outcome<never> | null => {
        const refusedWith = refusal(p.actor) ?? (locked && ballotRefusal(p.ballot, locked, keys, now));
        return refusedWith ? refused(refusedWith) : null;
      });
      const stored = pending.filter((_, i) => !outcomes[i]);
      if (!locked || stored.length === 0) return outcomes as Outcome<never>[];

      const { round } = locked;
      const ballotIds = await upsertBallots(tx, { evaluationId, round, castAt: now }, stored);
      const revisions = chainRevisions(
        locked.chainHead.seq === 0 ? null : locked.chainHead,
        stored.map((p) => ({ evaluationId, userId: p.actor.userId, round, method: p.ballot.method, payload: p.payload, createdAt: now })),
      );
      await insertBallotRevisions(tx, revisions);
      const last = revisions[revisions.length - 1];
      await recordWrites(
        stored.map((p, i) => ({
          actor: p.actor,
          action: "ballot.cast",
          detail: { round, seq: revisions[i].seq, method: p.ballot.method },
        })),
        { seq: last.seq, hash: last.hash },
      );
      let next = 0;
      return outcomes.map((outcome) => {
        if (outcome) return outcome;
        const p = stored[next];
        const revision = revisions[next++].seq;
        const value: CastBallot = {
          id: ballotIds.get(p.actor.userId)!,
          method: p.ballot.method,
          round,
          ...JSON.parse(p.payload),
          castAt: now,
          revision,
        };
        return { ok: true, value };
      });
    },
  );
}

/** Why the rules refuse this ballot in the locked evaluation, or null. */
function ballotRefusal(
  ballot: BallotInput,
  evaluation: { votingDeadline: Date | null; archivedAt: Date | null },
  criterionKeys: string[],
  now: Date,
): AppError | null {
  if (evaluation.votingDeadline && evaluation.votingDeadline < now) {
    return new AppError("conflict", "The voting deadline has passed.");
  }
  // Archiving files an evaluation away without closing its vote; no ballot lands while it is archived.
  if (evaluation.archivedAt) {
    return new AppError("conflict", "This evaluation is archived: an owner or admin must restore it before anyone can vote.");
  }
  const fields = checkBallotFits(ballot, criterionKeys);
  if (Object.keys(fields).length) return new AppError("invalid", `Invalid ballot: ${Object.values(fields)[0]}`, fields);
  return null;
}

/**
 * Each member's ballot for the round, created or replaced, in one statement (raw SQL: a third of
 * what Prisma's upsert costs on the hot path); returns each member's ballot id, which a
 * replacement keeps. A member who revised twice in the batch is stored once, with the later
 * ballot (one statement may not change a row twice).
 */
async function upsertBallots(
  tx: SqlTx,
  at: { evaluationId: string; round: number; castAt: Date },
  ballots: readonly PendingBallot[],
): Promise<Map<string, string>> {
  const latest = [...new Map(ballots.map((b) => [b.actor.userId, b])).values()];
  const rows = await tx.rows<{ id: string; userId: string }>(
    joinSql([
      `INSERT INTO "Ballot" ("id", "evaluationId", "userId", "round", "method", "payload", "createdAt", "updatedAt") VALUES `,
      ...latest.flatMap((b, i) => [
        i ? ", " : "",
        sql`(${newRowId()}, ${at.evaluationId}, ${b.actor.userId}, ${at.round}, ${b.ballot.method}, ${b.payload}, ${at.castAt}, ${at.castAt})`,
      ]),
      ` ON CONFLICT ("evaluationId", "userId", "round") DO UPDATE SET "method" = excluded."method", "payload" = excluded."payload", "updatedAt" = excluded."updatedAt"
        RETURNING "id", "userId"`,
    ]),
  );
  return new Map(rows.map((r) => [r.userId, r.id]));
}

// Criterion keys of evaluations past their draft, kept per evaluation for good: every change to
// criteria is draft-only (DRAFT_ONLY) and no transition leads back to draft, so once read under the
// write lock in "voting" they cannot change. Saves a query per ballot.
const criterionKeysPastDraft = new LRUCache<string, string[]>({ max: 2000 });

async function frozenCriterionKeys(tx: SqlTx, evaluationId: string): Promise<string[]> {
  const known = criterionKeysPastDraft.get(evaluationId);
  if (known) return known;
  const keys = (await tx.rows<{ key: string }>(sql`SELECT "key" FROM "Criterion" WHERE "evaluationId" = ${evaluationId}`)).map(
    (c) => c.key,
  );
  criterionKeysPastDraft.set(evaluationId, keys);
  return keys;
}

const VOTING_OPEN: WriteRule = {
  statuses: ["voting"],
  conflict: (status) => (status === "draft" ? "Voting has not opened yet." : "Voting is closed for this evaluation."),
};
