import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireEvaluationAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { freezeDecisionRecord } from "@/lib/domain/records";
import { appendBallotRevision } from "@/lib/domain/ballot-revisions";
import { TransitionSchema, type EvaluationStatus, type TransitionInput } from "@/lib/validation/evaluation";

// Draft → Voting → Revealed (→ Voting, round 2) → Decided → Superseded.
const ALLOWED_FROM: Record<TransitionInput["action"], EvaluationStatus[]> = {
  "open-voting": ["draft"],
  reveal: ["voting"],
  "second-round": ["revealed"],
  decide: ["voting", "revealed"],
  supersede: ["decided"],
};

/**
 * Moves an evaluation along its workflow. Every transition is one transaction with its audit entry.
 * Returns the id of the evaluation to show next (the new one, for supersede).
 */
export async function transitionEvaluation(
  actor: Actor,
  evaluationId: string,
  input: unknown,
): Promise<{ evaluationId: string }> {
  const access = await requireEvaluationAccess(actor, evaluationId, "evaluation:manage");
  const data = parseOrThrow(TransitionSchema, input, "status change");
  const evaluation = await db.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    include: { options: true, criteria: true, ratings: true, ballots: true },
  });
  const status = evaluation.status as EvaluationStatus;
  if (!ALLOWED_FROM[data.action].includes(status)) {
    throw new AppError("conflict", `An evaluation that is ${status} cannot ${data.action.replace("-", " ")}.`);
  }
  const audit = (tx: Tx, detail: object = {}) =>
    recordAudit(tx, { teamId: access.teamId, evaluationId, actorId: actor.userId, action: `evaluation.${data.action}`, detail: { from: status, ...detail } });

  switch (data.action) {
    case "open-voting": {
      if (evaluation.options.length < 2) throw new AppError("invalid", "Add at least two options before voting.", { options: "At least two options" });
      if (evaluation.criteria.length < 1) throw new AppError("invalid", "Add at least one criterion before voting.", { criteria: "At least one criterion" });
      const deadline = data.deadline ? new Date(data.deadline) : null;
      if (deadline && deadline < new Date()) throw new AppError("invalid", "The deadline must be in the future.", { deadline: "Must be in the future" });
      const quorum = data.quorum === "" || data.quorum === undefined ? null : data.quorum;
      await db.$transaction(async (tx) => {
        await tx.evaluation.update({ where: { id: evaluationId }, data: { status: "voting", votingDeadline: deadline, quorum, revision: { increment: 1 } } });
        await audit(tx, { deadline, quorum });
      });
      return { evaluationId };
    }
    case "reveal":
      await db.$transaction(async (tx) => {
        await tx.evaluation.update({ where: { id: evaluationId }, data: { status: "revealed", revision: { increment: 1 } } });
        await audit(tx);
      });
      return { evaluationId };
    case "second-round": {
      const round = evaluation.round + 1;
      await db.$transaction(async (tx) => {
        // Everyone's ballot carries over, so a member who does not revise keeps their vote; the
        // copies join the hash chain like any other ballot.
        for (const b of evaluation.ballots.filter((b) => b.round === evaluation.round)) {
          const fields = { evaluationId, userId: b.userId, voterName: b.voterName, round, method: b.method, payload: b.payload, createdAt: new Date() };
          await tx.ballot.create({ data: fields });
          await appendBallotRevision(tx, fields);
        }
        await tx.evaluation.update({ where: { id: evaluationId }, data: { status: "voting", round, votingDeadline: null, revision: { increment: 1 } } });
        await audit(tx, { round });
      });
      return { evaluationId };
    }
    case "decide": {
      const option = evaluation.options.find((o) => o.id === data.optionId);
      if (!option) throw new AppError("invalid", "Choose one of this evaluation's options.", { optionId: "Unknown option" });
      const ballots = evaluation.ballots.filter((b) => b.round === evaluation.round).length;
      const override = data.override?.trim() || null;
      if (evaluation.quorum && ballots < evaluation.quorum && !override) {
        throw new AppError(
          "invalid",
          `Only ${ballots} of the ${evaluation.quorum} ballots the quorum asks for are in. Give an override reason to decide anyway.`,
          { override: "Required when the quorum is not met" },
        );
      }
      await db.$transaction(async (tx) => {
        await tx.evaluation.update({
          where: { id: evaluationId },
          data: {
            status: "decided",
            decidedOptionId: option.id,
            decisionRationale: data.rationale,
            decisionOverride: override,
            decidedAt: new Date(),
            decidedById: actor.userId,
            revision: { increment: 1 },
          },
        });
        await audit(tx, { option: option.key, ballots, quorum: evaluation.quorum, override });
        // The record is frozen in the same transaction: a decision never exists without its record.
        await freezeDecisionRecord(tx, evaluationId);
      });
      return { evaluationId };
    }
    case "supersede": {
      const next = await db.$transaction(async (tx) => {
        const created = await tx.evaluation.create({
          data: {
            teamId: evaluation.teamId,
            title: `${evaluation.title} (revisited)`,
            problem: evaluation.problem,
            createdById: actor.userId,
            profile: evaluation.profile,
            suggestedWeights: evaluation.suggestedWeights,
          },
        });
        const optionIds = new Map<string, string>();
        const criterionIds = new Map<string, string>();
        for (const o of evaluation.options) {
          const row = await tx.option.create({ data: { evaluationId: created.id, key: o.key, name: o.name, summary: o.summary, position: o.position } });
          optionIds.set(o.id, row.id);
        }
        for (const c of evaluation.criteria) {
          const row = await tx.criterion.create({ data: { evaluationId: created.id, key: c.key, name: c.name, description: c.description, position: c.position } });
          criterionIds.set(c.id, row.id);
        }
        await tx.rating.createMany({
          data: evaluation.ratings.map((r) => ({
            evaluationId: created.id,
            optionId: optionIds.get(r.optionId)!,
            criterionId: criterionIds.get(r.criterionId)!,
            score: r.score,
            rationale: r.rationale,
            citations: r.citations,
          })),
        });
        await tx.evaluation.update({ where: { id: evaluationId }, data: { status: "superseded", supersededById: created.id, revision: { increment: 1 } } });
        await audit(tx, { by: created.id });
        return created;
      });
      return { evaluationId: next.id };
    }
  }
}
