import "server-only";
import { db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireEvaluationAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { touchEvaluation } from "@/lib/domain/evaluations";
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
  const access = await requireEvaluationAccess(actor, evaluationId, "ballot:cast");
  const ballot = parseOrThrow(BallotInputSchema, input, "ballot");
  const evaluation = await db.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    include: { criteria: { select: { key: true } } },
  });
  if (evaluation.status !== "voting") {
    throw new AppError("conflict", evaluation.status === "draft" ? "Voting has not opened yet." : "Voting is closed for this evaluation.");
  }
  if (evaluation.votingDeadline && evaluation.votingDeadline < new Date()) {
    throw new AppError("conflict", "The voting deadline has passed.");
  }
  const fields = checkBallotFits(ballot, evaluation.criteria.map((c) => c.key));
  if (Object.keys(fields).length) {
    throw new AppError("invalid", `Invalid ballot: ${Object.values(fields)[0]}`, fields);
  }
  const payload = ballotPayload(ballot);
  const round = evaluation.round;
  return db.$transaction(async (tx) => {
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
    await touchEvaluation(tx, evaluationId);
    await recordAudit(tx, { teamId: access.teamId, evaluationId, actorId: actor.userId, action: "ballot.cast", detail: { round, seq, method: ballot.method } });
    return { id: stored.id, method: ballot.method, round, ...JSON.parse(payload), castAt: stored.updatedAt, revision: seq };
  });
}
