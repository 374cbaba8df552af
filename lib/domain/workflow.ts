import "server-only";
import { formatUtcDateTime } from "@/lib/dates";
import type { Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { withEvaluation, type WriteRule, type WriteScope } from "@/lib/domain/evaluation-access";
import { notifyEvaluationMembers, type NotificationKind } from "@/lib/domain/notifications";
import { deliverOutbox } from "@/lib/mail/outbox";
import { assignRecordNumber, freezeDecisionRecord } from "@/lib/domain/records";
import { can, type Role } from "@/lib/permissions";
import { TransitionSchema, type EvaluationStatus, type TransitionInput } from "@/lib/validation/evaluation";

// Draft → Voting → Revealed (→ Voting, round 2) → Decided → Superseded.
const ALLOWED_FROM: Record<TransitionInput["action"], EvaluationStatus[]> = {
  "open-voting": ["draft"],
  reveal: ["voting"],
  "second-round": ["revealed"],
  decide: ["voting", "revealed"],
  supersede: ["decided"],
};

function ruleFor(action: TransitionInput["action"]): WriteRule {
  return {
    statuses: ALLOWED_FROM[action],
    conflict: (status) => `An evaluation that is ${status} cannot ${action.replace("-", " ")}.`,
    // Deciding scores the evaluation to freeze its record, and supersede copies the whole table.
    timeout: 30_000,
  };
}

/**
 * Moves an evaluation along its workflow. Every transition is one transaction, under the
 * evaluation's write lock, with its audit entry: a ballot racing Reveal or Decide lands before it
 * or is refused, never after. Returns the id of the evaluation to show next (the new one, for supersede).
 */
export async function transitionEvaluation(actor: Actor, evaluationId: string, input: unknown): Promise<{ evaluationId: string }> {
  const data = parseOrThrow(TransitionSchema, input, "status change");
  const result = await withEvaluation(actor, evaluationId, "evaluation:manage", ruleFor(data.action), async (scope) => {
    const audit = (detail: Record<string, unknown> = {}) => scope.audit(`evaluation.${data.action}`, { from: scope.status, ...detail });
    const notify = (kind: NotificationKind, title: (evaluationTitle: string) => string) =>
      notifyEvaluationMembers(scope.tx, { evaluationId, actorId: actor.userId, kind, title });
    switch (data.action) {
      case "open-voting": {
        const result = await openVoting(scope, data, audit);
        await notify("voting_opened", (t) => `Voting opened on “${t}”${data.deadline ? ` until ${formatUtcDateTime(data.deadline)}` : ""}`);
        return result;
      }
      case "reveal":
        await scope.tx.evaluation.update({ where: { id: evaluationId }, data: { status: "revealed" } });
        await audit();
        await notify("revealed", (t) => `Ballots revealed on “${t}”`);
        return { evaluationId };
      case "second-round": {
        const result = await startSecondRound(scope, data, audit);
        // Members learn their ballot was carried over, so one who is content need not vote again.
        const until = result.deadline ? ` until ${formatUtcDateTime(result.deadline)}` : "";
        await notify(
          "voting_opened",
          (t) =>
            `Round ${result.round} of voting opened on “${t}”${until}: round ${result.round - 1} ballots were carried over, revise yours if your view changed`,
        );
        return { evaluationId: result.evaluationId, round: result.round };
      }
      case "decide": {
        const result = await decide(actor, scope, data, audit);
        await notify("decided", (t) => `A decision was recorded on “${t}”`);
        return result;
      }
      case "supersede":
        return supersede(actor, scope, audit);
    }
  });
  // Email notifications written in the transaction go out now that it has committed.
  void deliverOutbox();
  return result;
}

type Audit = (detail?: Record<string, unknown>) => Promise<unknown>;

function futureDeadline(value: string | undefined): Date | null {
  const deadline = value ? new Date(value) : null;
  if (deadline && deadline < new Date())
    throw new AppError("invalid", "The deadline must be in the future.", { deadline: "Must be in the future" });
  return deadline;
}

/** Members whose role lets them vote: the most a quorum can ask for. */
async function eligibleVoters(tx: Tx, teamId: string): Promise<number> {
  const memberships = await tx.membership.findMany({ where: { teamId }, select: { role: true } });
  return memberships.filter((m) => can(m.role as Role, "ballot:cast")).length;
}

async function openVoting(scope: WriteScope, data: Extract<TransitionInput, { action: "open-voting" }>, audit: Audit) {
  const { tx, evaluationId, teamId } = scope;
  // One after another: a transaction is one connection (pg refuses to queue parallel queries on it in v9).
  const options = await tx.option.count({ where: { evaluationId } });
  const criteria = await tx.criterion.count({ where: { evaluationId } });
  const ratings = await tx.rating.count({ where: { evaluationId } });
  // Field messages are whole sentences: the panel that opens voting has no field to show them beside.
  const refuse = (field: string, message: string) => new AppError("invalid", message, { [field]: message });
  if (options < 2) throw refuse("options", "Add at least two options before voting.");
  if (criteria < 1) throw refuse("criteria", "Add at least one criterion before voting.");
  if (ratings < options * criteria) {
    const missing = options * criteria - ratings;
    throw refuse(
      "ratings",
      `Rate every option on every criterion before voting: ${missing} rating${missing === 1 ? " is" : "s are"} missing.`,
    );
  }
  const deadline = futureDeadline(data.deadline);
  const quorum = data.quorum === "" || data.quorum === undefined ? null : data.quorum;
  if (quorum !== null) {
    const eligible = await eligibleVoters(tx, teamId);
    if (quorum > eligible) {
      throw new AppError("invalid", `The quorum (${quorum}) cannot exceed the ${eligible} members who can vote.`, {
        quorum: `At most ${eligible}`,
      });
    }
  }
  await tx.evaluation.update({ where: { id: evaluationId }, data: { status: "voting", votingDeadline: deadline, quorum } });
  await audit({ deadline, quorum });
  return { evaluationId };
}

async function startSecondRound(scope: WriteScope, data: Extract<TransitionInput, { action: "second-round" }>, audit: Audit) {
  const { tx, evaluationId, round: previous } = scope;
  const round = previous + 1;
  // Left out (an API caller not naming one), the round keeps a deadline still ahead; "" means none.
  // The panel always sends one: the kept deadline, prefilled and editable.
  const kept = scope.votingDeadline && scope.votingDeadline > new Date() ? scope.votingDeadline : null;
  const deadline = data.deadline === undefined ? kept : futureDeadline(data.deadline);
  // Everyone's ballot carries over, so a member who does not revise keeps their vote; the copies
  // join the hash chain like any other ballot. A withdrawn ballot (its voter left) has no row left.
  const ballots = await tx.ballot.findMany({ where: { evaluationId, round: previous }, orderBy: { createdAt: "asc" } });
  const createdAt = new Date();
  const carried = ballots.map((b) => ({
    userId: b.userId,
    voterName: b.voterName,
    round,
    method: b.method,
    payload: b.payload,
    createdAt,
  }));
  // Two statements and one chain append for the whole team, not two per ballot.
  await tx.ballot.createMany({ data: carried.map((b) => ({ ...b, evaluationId })) });
  await scope.appendBallotRevisions(carried);
  await tx.evaluation.update({ where: { id: evaluationId }, data: { status: "voting", round, votingDeadline: deadline } });
  await audit({ round, deadline, carriedOver: ballots.length });
  return { evaluationId, round, deadline };
}

async function decide(actor: Actor, scope: WriteScope, data: Extract<TransitionInput, { action: "decide" }>, audit: Audit) {
  const { tx, evaluationId, status, round, quorum } = scope;
  const option = await tx.option.findFirst({ where: { id: data.optionId, evaluationId }, select: { id: true, key: true } });
  if (!option) throw new AppError("invalid", "Choose one of this evaluation's options.", { optionId: "Unknown option" });
  const ballots = await tx.ballot.count({ where: { evaluationId, round } });
  const override = data.override?.trim() || null;
  if (ballots === 0) {
    throw new AppError("invalid", "No ballot has been cast yet: a decision is recorded with the team's ballots.", {
      optionId: "No ballots yet",
    });
  }
  // Deciding without the team's view (ballots still blind, or the quorum not met) is allowed, but
  // only on the record: the override reason is the confirmation and lands in the decision record.
  if (status === "voting" && !override) {
    throw new AppError("invalid", "The ballots have not been revealed yet. Give a reason to decide before revealing them.", {
      override: "Required to decide before the ballots are revealed",
    });
  }
  if (quorum && ballots < quorum && !override) {
    throw new AppError(
      "invalid",
      `Only ${ballots} of the ${quorum} ballots the quorum asks for are in. Give an override reason to decide anyway.`,
      { override: "Required when the quorum is not met" },
    );
  }
  await tx.evaluation.update({
    where: { id: evaluationId },
    data: {
      status: "decided",
      decidedOptionId: option.id,
      decisionRationale: data.rationale,
      decisionOverride: override,
      decidedAt: new Date(),
      decidedById: actor.userId,
    },
  });
  await audit({ option: option.key, ballots, quorum, override });
  // The record is frozen in the same transaction: a decision never exists without its record.
  await freezeDecisionRecord(tx, evaluationId);
  await assignRecordNumber(tx, scope.teamId, evaluationId);
  return { evaluationId };
}

async function supersede(actor: Actor, scope: WriteScope, audit: Audit) {
  const { tx, evaluationId } = scope;
  const evaluation = await tx.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    include: { options: true, criteria: true, ratings: true },
  });
  const created = await tx.evaluation.create({
    data: {
      teamId: evaluation.teamId,
      title: `${evaluation.title} (revisited)`,
      problem: evaluation.problem,
      createdById: actor.userId,
      profile: evaluation.profile,
      suggestedWeights: evaluation.suggestedWeights,
      visibility: evaluation.visibility,
    },
  });
  const optionIds = new Map<string, string>();
  const criterionIds = new Map<string, string>();
  for (const o of evaluation.options) {
    const row = await tx.option.create({
      data: { evaluationId: created.id, key: o.key, name: o.name, summary: o.summary, position: o.position },
    });
    optionIds.set(o.id, row.id);
  }
  for (const c of evaluation.criteria) {
    const row = await tx.criterion.create({
      data: { evaluationId: created.id, key: c.key, name: c.name, description: c.description, position: c.position },
    });
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
  await tx.evaluation.update({ where: { id: evaluationId }, data: { status: "superseded", supersededById: created.id } });
  await audit({ by: created.id });
  return { evaluationId: created.id };
}
