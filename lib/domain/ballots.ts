import "server-only";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { withEvaluation, type WriteRule } from "@/lib/domain/evaluation-access";
import { BallotInputSchema, checkBallotFits, type BallotInput } from "@/lib/validation/ballot";
import { appendBallotRevision } from "@/lib/domain/ballot-revisions";

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
  return withEvaluation(actor, evaluationId, "ballot:cast", VOTING_OPEN, async ({ tx, round, votingDeadline, audit }) => {
    if (votingDeadline && votingDeadline < new Date()) {
      throw new AppError("conflict", "The voting deadline has passed.");
    }
    const criteria = await tx.criterion.findMany({ where: { evaluationId }, select: { key: true } });
    const fields = checkBallotFits(ballot, criteria.map((c) => c.key));
    if (Object.keys(fields).length) {
      throw new AppError("invalid", `Invalid ballot: ${Object.values(fields)[0]}`, fields);
    }
    const stored = await tx.ballot.upsert({
      where: { evaluationId_userId_round: { evaluationId, userId: actor.userId, round } },
      create: { evaluationId, userId: actor.userId, round, method: ballot.method, payload },
      update: { method: ballot.method, payload },
    });
    const { seq } = await appendBallotRevision(tx, {
      evaluationId,
      userId: actor.userId,
      round,
      method: ballot.method,
      payload,
      createdAt: new Date(),
    });
    await audit("ballot.cast", { round, seq, method: ballot.method });
    return { id: stored.id, method: ballot.method, round, ...JSON.parse(payload), castAt: stored.updatedAt, revision: seq };
  });
}

const VOTING_OPEN: WriteRule = {
  statuses: ["voting"],
  conflict: (status) => (status === "draft" ? "Voting has not opened yet." : "Voting is closed for this evaluation."),
};
