import "server-only";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { withEvaluation, type WriteRule } from "@/lib/domain/evaluation-access";
import { BallotInputSchema, checkBallotFits, type BallotInput } from "@/lib/validation/ballot";
import { appendBallotRevision, rememberChainHead } from "@/lib/domain/ballot-revisions";
import type { Tx } from "@/lib/db/client";
import { LRUCache } from "lru-cache";

/** The ballot's payload as stored: `{ weights }` or `{ comparisons }`, keys in a fixed order. */
export function ballotPayload(ballot: BallotInput): string {
  return ballot.method === "pairwise"
    ? JSON.stringify({ comparisons: ballot.comparisons })
    : JSON.stringify({ weights: ballot.weights });
}

/**
 * Casts or revises the actor's ballot in the current round. The latest ballot counts; every
 * revision is appended to the per-evaluation hash chain (lib/domain/ballot-revisions.ts).
 */
export async function castBallot(actor: Actor, evaluationId: string, input: unknown) {
  const ballot = parseOrThrow(BallotInputSchema, input, "ballot");
  const payload = ballotPayload(ballot);
  const cast = await withEvaluation(actor, evaluationId, "ballot:cast", VOTING_OPEN, async ({ tx, round, revision, votingDeadline, audit }) => {
    if (votingDeadline && votingDeadline < new Date()) {
      throw new AppError("conflict", "The voting deadline has passed.");
    }
    const fields = checkBallotFits(ballot, await frozenCriterionKeys(tx, evaluationId));
    if (Object.keys(fields).length) {
      throw new AppError("invalid", `Invalid ballot: ${Object.values(fields)[0]}`, fields);
    }
    const stored = await tx.ballot.upsert({
      where: { evaluationId_userId_round: { evaluationId, userId: actor.userId, round } },
      create: { evaluationId, userId: actor.userId, round, method: ballot.method, payload },
      update: { method: ballot.method, payload },
      select: { id: true, updatedAt: true },
    });
    const head = await appendBallotRevision(
      tx,
      { evaluationId, userId: actor.userId, round, method: ballot.method, payload, createdAt: new Date() },
      { lockedRevision: revision },
    );
    await audit("ballot.cast", { round, seq: head.seq, method: ballot.method });
    return { revision, head, answer: { id: stored.id, method: ballot.method, round, ...JSON.parse(payload), castAt: stored.updatedAt, revision: head.seq } };
  });
  rememberChainHead(evaluationId, cast.revision, cast.head);
  return cast.answer;
}

// Criterion keys of evaluations past their draft, kept per evaluation for good: every change to
// criteria is draft-only (DRAFT_ONLY) and no transition leads back to draft, so once read under the
// write lock in "voting" they cannot change. Saves a query per ballot.
const criterionKeysPastDraft = new LRUCache<string, string[]>({ max: 2000 });

async function frozenCriterionKeys(tx: Tx, evaluationId: string): Promise<string[]> {
  const known = criterionKeysPastDraft.get(evaluationId);
  if (known) return known;
  const keys = (await tx.criterion.findMany({ where: { evaluationId }, select: { key: true } })).map((c) => c.key);
  criterionKeysPastDraft.set(evaluationId, keys);
  return keys;
}

const VOTING_OPEN: WriteRule = {
  statuses: ["voting"],
  conflict: (status) => (status === "draft" ? "Voting has not opened yet." : "Voting is closed for this evaluation."),
};
