import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { freezeDecisionRecord } from "@/lib/domain/records";
import { nextRevisionLink, parseImportedRecord, revisionHash, toEvaluationDraft, type EvaluationDraft } from "@/lib/export";
import { ImportRecordRequestSchema, type ImportRecordResult } from "@/lib/validation/import-record";

// Importing a decision record re-creates its evaluation in a team:
//   draft    options, criteria and ratings as a new draft, to run the decision again;
//   archive  the decided evaluation as it was: ballots, decision and a frozen record.
// Exporting an archive gives the original record except for what lib/export NOT_CARRIED_OVER
// lists (ids, creation time, team, participants, audit trail, ballot chain, url), and except where
// the importing team differs: ballots whose voter is not a member are skipped (and reported), so
// the recomputed report then differs too, and a decider who is not a member shows as "Former member".

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
      const ballots = mode === "archive" ? await createBallots(tx, evaluation.id, draft, userIdByEmail) : { imported: 0, skipped: [] };

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
        detail: { mode, from: draft.title, ballotsImported: ballots.imported, ballotsSkipped: ballots.skipped.length },
      });
      // The archive's record is frozen like a decision made here, so its exports are stable and verifiable.
      if (mode === "archive") await freezeDecisionRecord(tx, evaluation.id);

      return {
        evaluationId: evaluation.id,
        mode,
        status: mode === "archive" ? ("decided" as const) : ("draft" as const),
        ballots,
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

/**
 * Ballots of voters who are members of the importing team, keeping their cast time, each appended
 * to a new hash chain. The rest are skipped with the reason: an anonymised record names nobody,
 * and a ballot cannot be attributed to someone outside the team.
 */
async function createBallots(tx: Tx, evaluationId: string, draft: EvaluationDraft, userIdByEmail: Map<string, string>) {
  const skipped: Skipped = [];
  const seen = new Set<string>();
  let last: { seq: number; hash: string } | null = null;
  const ordered = [...draft.ballots].sort((a, b) => a.round - b.round || a.castAt.getTime() - b.castAt.getTime());
  for (const ballot of ordered) {
    const skip = (reason: string) => skipped.push({ voter: ballot.voterLabel, round: ballot.round, reason });
    if (!ballot.voterEmail) {
      skip("the record is anonymised");
      continue;
    }
    const userId = userIdByEmail.get(ballot.voterEmail.toLowerCase());
    if (!userId) {
      skip(`${ballot.voterEmail} is not a member of this team`);
      continue;
    }
    if (seen.has(`${userId}:${ballot.round}`)) {
      skip("a second ballot by the same voter in the same round");
      continue;
    }
    seen.add(`${userId}:${ballot.round}`);
    const payload = JSON.stringify(ballot.payload);
    const fields = { evaluationId, userId, round: ballot.round, method: ballot.method, payload, createdAt: ballot.castAt };
    await tx.ballot.create({ data: fields });
    const link = nextRevisionLink(last);
    const hash = revisionHash({ ...fields, ...link });
    await tx.ballotRevision.create({ data: { ...fields, ...link, hash } });
    last = { seq: link.seq, hash };
  }
  return { imported: seen.size, skipped };
}
