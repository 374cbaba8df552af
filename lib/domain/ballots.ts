import "server-only";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { withEvaluationSql, type WriteRule } from "@/lib/domain/evaluation-access";
import { BallotInputSchema, checkBallotFits, type BallotInput } from "@/lib/validation/ballot";
import { newRowId } from "@/lib/db/client";
import { sql, type SqlTx } from "@/lib/db/sql";
import { LRUCache } from "lru-cache";

/** The ballot's payload as stored: `{ weights }` or `{ comparisons }`, keys in a fixed order. */
export function ballotPayload(ballot: BallotInput): string {
  return ballot.method === "pairwise" ? JSON.stringify({ comparisons: ballot.comparisons }) : JSON.stringify({ weights: ballot.weights });
}

/**
 * Casts or revises the actor's ballot in the current round. The latest ballot counts; every
 * revision is appended to the per-evaluation hash chain (lib/domain/ballot-revisions.ts).
 */
export async function castBallot(actor: Actor, evaluationId: string, input: unknown) {
  const ballot = parseOrThrow(BallotInputSchema, input, "ballot");
  const payload = ballotPayload(ballot);
  return withEvaluationSql(
    actor,
    evaluationId,
    "ballot:cast",
    VOTING_OPEN,
    async ({ sql: tx, round, votingDeadline, archivedAt, audit, appendBallotRevision }) => {
      if (votingDeadline && votingDeadline < new Date()) {
        throw new AppError("conflict", "The voting deadline has passed.");
      }
      // Archiving files an evaluation away without closing its vote; no ballot lands while it is archived.
      if (archivedAt) {
        throw new AppError("conflict", "This evaluation is archived: an owner or admin must restore it before anyone can vote.");
      }
      const fields = checkBallotFits(ballot, await frozenCriterionKeys(tx, evaluationId));
      if (Object.keys(fields).length) {
        throw new AppError("invalid", `Invalid ballot: ${Object.values(fields)[0]}`, fields);
      }
      const castAt = new Date();
      const id = await upsertBallot(tx, { evaluationId, userId: actor.userId, round, method: ballot.method, payload, castAt });
      const head = await appendBallotRevision({ userId: actor.userId, round, method: ballot.method, payload, createdAt: castAt });
      await audit("ballot.cast", { round, seq: head.seq, method: ballot.method });
      return { id, method: ballot.method, round, ...JSON.parse(payload), castAt, revision: head.seq };
    },
  );
}

/**
 * The member's ballot for the round, created or replaced, in one statement (raw SQL: a third of
 * what Prisma's upsert costs on the hot path); returns its id, which a replacement keeps.
 */
async function upsertBallot(
  tx: SqlTx,
  b: { evaluationId: string; userId: string; round: number; method: string; payload: string; castAt: Date },
): Promise<string> {
  const [row] = await tx.rows<{
    id: string;
  }>(sql`INSERT INTO "Ballot" ("id", "evaluationId", "userId", "round", "method", "payload", "createdAt", "updatedAt")
    VALUES (${newRowId()}, ${b.evaluationId}, ${b.userId}, ${b.round}, ${b.method}, ${b.payload}, ${b.castAt}, ${b.castAt})
    ON CONFLICT ("evaluationId", "userId", "round") DO UPDATE SET "method" = excluded."method", "payload" = excluded."payload", "updatedAt" = excluded."updatedAt"
    RETURNING "id"`);
  return row.id;
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
