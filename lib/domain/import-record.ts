import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { freezeDecisionRecord } from "@/lib/domain/records";
import { parseImportedRecord, toEvaluationDraft, type EvaluationDraft } from "@/lib/export";
import { appendBallotRevision } from "@/lib/domain/ballot-revisions";
import { ImportRecordRequestSchema, type ImportRecordResult } from "@/lib/validation/import-record";

// Importing a decision record re-creates its evaluation in a team:
//   draft    options, criteria and ratings as a new draft, to run the decision again;
//   archive  the decided evaluation as it was: ballots, decision and a frozen record.
// Exporting an archive gives the original record except for what lib/export NOT_CARRIED_OVER
// lists (ids, creation time, team, participants, audit trail, ballot chain, url), and except where
// the importing team differs: ballots whose voter is not a member are skipped (and reported), so
// the recomputed report then differs too, and a decider who is not a member shows as "Former member".
// A superseded record comes back as decided: what superseded it is not part of the record.

type Skipped = ImportRecordResult["ballots"]["skipped"];

export async function importDecisionRecord(actor: Actor, teamId: string, input: unknown): Promise<ImportRecordResult> {
  await requireTeamAccess(actor, teamId, "evaluation:edit");
  const { mode, record: json } = parseOrThrow(ImportRecordRequestSchema, input, "import");
  const draft = toEvaluationDraft(parseImportedRecord(json));
  if (mode === "archive" && !draft.decision) {
    throw new AppError("invalid", "Only a decided record can be imported as an archive; import it as a draft instead.", {
      decision: "This record has no decision",
    });
  }

  const members = await db.membership.findMany({ where: { teamId }, select: { user: { select: { id: true, email: true } } } });
  const userIdByEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.user.id]));
  const ballots = mode === "archive" ? attributeBallots(draft, userIdByEmail) : { accepted: [], skipped: [] };
  // A decision is recorded with its report, and the report needs ballots of the deciding round.
  if (mode === "archive" && !ballots.accepted.some((b) => b.round === draft.round)) {
    throw new AppError(
      "invalid",
      `None of the record's round ${draft.round} ballots belongs to a member of this team (${ballots.skipped.map((b) => `${b.voter}: ${b.reason}`).join("; ") || "there are none"}). Import it as a draft instead.`,
      { ballots: "No ballot of the deciding round can be attributed to a member of this team" },
    );
  }

  // Scoring a decided archive to freeze its record takes a moment; allow more than Prisma's 5 s default.
  return db.$transaction(
    async (tx) => {
      const evaluation = await tx.evaluation.create({
        data: {
          teamId,
          title: draft.title,
          problem: draft.problem,
          aggregation: draft.aggregation,
          status: "draft",
          round: mode === "archive" ? draft.round : 1,
          createdById: actor.userId,
        },
      });
      const ids = await createTable(tx, evaluation.id, draft);
      await createBallots(tx, evaluation.id, ballots.accepted);

      if (mode === "archive") {
        const decision = draft.decision!;
        await tx.evaluation.update({
          where: { id: evaluation.id },
          data: {
            status: "decided",
            decidedOptionId: ids.optionIdByKey.get(decision.optionKey)!,
            decisionRationale: decision.rationale,
            decisionOverride: decision.overrideReason,
            decidedAt: decision.decidedAt,
            decidedById: (decision.decidedByEmail && userIdByEmail.get(decision.decidedByEmail.toLowerCase())) || null,
          },
        });
      }
      await recordAudit(tx, {
        teamId,
        evaluationId: evaluation.id,
        actorId: actor.userId,
        action: "evaluation.imported",
        detail: { mode, from: draft.title, ballotsImported: ballots.accepted.length, ballotsSkipped: ballots.skipped.length },
      });
      // The archive's record is frozen like a decision made here, so its exports are stable and verifiable.
      if (mode === "archive") await freezeDecisionRecord(tx, evaluation.id);

      return {
        evaluationId: evaluation.id,
        mode,
        status: mode === "archive" ? ("decided" as const) : ("draft" as const),
        ballots: { imported: ballots.accepted.length, skipped: ballots.skipped },
      };
    },
    { timeout: 30_000 },
  );
}

/** Options, criteria and ratings; returns option ids by key, for the decision. */
async function createTable(tx: Tx, evaluationId: string, draft: EvaluationDraft) {
  const optionIdByKey = new Map<string, string>();
  const criterionIdByKey = new Map<string, string>();
  for (const o of draft.options) {
    const row = await tx.option.create({ data: { evaluationId, key: o.key, name: o.name, summary: o.summary, position: o.position } });
    optionIdByKey.set(o.key, row.id);
  }
  for (const c of draft.criteria) {
    const row = await tx.criterion.create({
      data: { evaluationId, key: c.key, name: c.name, description: c.description, position: c.position },
    });
    criterionIdByKey.set(c.key, row.id);
  }
  await tx.rating.createMany({
    data: draft.ratings.map((r) => ({
      evaluationId,
      optionId: optionIdByKey.get(r.optionKey)!,
      criterionId: criterionIdByKey.get(r.criterionKey)!,
      score: r.score,
      rationale: r.rationale,
      citations: JSON.stringify(r.citations),
    })),
  });
  return { optionIdByKey };
}

type Attributed = EvaluationDraft["ballots"][number] & { userId: string };

/**
 * Matches the record's ballots to members of the importing team by email, in the order they were
 * cast. The rest are skipped with the reason: an anonymised record names nobody, and a ballot
 * cannot be attributed to someone outside the team.
 */
function attributeBallots(draft: EvaluationDraft, userIdByEmail: Map<string, string>) {
  const accepted: Attributed[] = [];
  const skipped: Skipped = [];
  const seen = new Set<string>();
  const ordered = [...draft.ballots].sort((a, b) => a.round - b.round || a.castAt.getTime() - b.castAt.getTime());
  for (const ballot of ordered) {
    const skip = (reason: string) => skipped.push({ voter: ballot.voterLabel, round: ballot.round, reason });
    const userId = ballot.voterEmail ? userIdByEmail.get(ballot.voterEmail.toLowerCase()) : undefined;
    if (!ballot.voterEmail) skip("the record is anonymised");
    else if (!userId) skip(`${ballot.voterEmail} is not a member of this team`);
    else if (seen.has(`${userId}:${ballot.round}`)) skip("a second ballot by the same voter in the same round");
    else {
      seen.add(`${userId}:${ballot.round}`);
      accepted.push({ ...ballot, userId });
    }
  }
  return { accepted, skipped };
}

/** The ballots, keeping their cast time, each appended to the new evaluation's hash chain. */
async function createBallots(tx: Tx, evaluationId: string, ballots: Attributed[]) {
  for (const ballot of ballots) {
    const fields = { evaluationId, userId: ballot.userId, round: ballot.round, method: ballot.method, payload: JSON.stringify(ballot.payload), createdAt: ballot.castAt };
    await tx.ballot.create({ data: fields });
    await appendBallotRevision(tx, fields);
  }
}
