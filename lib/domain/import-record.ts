import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { requireTeamAccess, type Actor } from "@/lib/domain/authorize";
import { recordAudit } from "@/lib/domain/audit";
import { assignRecordNumber, freezeDecisionRecord } from "@/lib/domain/records";
import { appendBallotRevisions, EMPTY_CHAIN } from "@/lib/domain/ballot-revisions";
import { canonicalJson, parseImportedRecord, sha256Hex, toEvaluationDraft, type EvaluationDraft } from "@/lib/export";
import { sha256Schema } from "@/lib/export/record-schema";
import {
  ImportRecordRequestSchema,
  importedArchiveSchema,
  importedRecordSchema,
  type ImportRecordResult,
} from "@/lib/validation/import-record";

// Importing a decision record re-creates its evaluation in a team:
//   draft    options, criteria and ratings as a new draft, to run the decision again;
//   archive  the decided evaluation as the record states it: ballots, decision and a frozen record.
//
// A record is a file: whoever holds it can edit it and recompute its sha256 (a hash is not a
// signature). So an import vouches for nothing beyond the file, and says so:
// - only owners and admins import (permission "evaluation:import"), as an archive puts a decision
//   in the team's records that nobody in the team made;
// - an archive must be the file exactly as exported: its content must hash to the sha256 it
//   carries, so what is kept is one identifiable record (a changed file can still become a draft);
// - ballots and the decision keep the record's names as text (Ballot.voterName, the snapshot's
//   decidedBy) and are never attributed to accounts of this team, whose members did not cast them;
// - the evaluation keeps the record's sha256 and who imported it when (importedFromSha256,
//   importedById, importedAt), and every view of it says "Imported from a record";
// - the file is held to the app's own limits and ballot rules (lib/validation/import-record.ts).
// Exporting an archive gives the original record except for what lib/export NOT_CARRIED_OVER lists.
// A superseded record comes back as decided: what superseded it is not part of the record.

/** The sha256 an exported file carries, read before the record is parsed (which drops it). */
const IntegrityFieldSchema = z.object({
  integrity: z.object(
    { algorithm: z.literal("sha256", { error: 'integrity.algorithm must be "sha256"' }), sha256: sha256Schema },
    { error: "A decided archive needs the record's integrity field as exported" },
  ),
});

const SHA_FIELD = "record.integrity.sha256";

/**
 * The record's sha256 when its content still hashes to it (the check `verify` makes), or a 422
 * naming record.integrity.sha256: only the record as exported can become a decided archive.
 */
function verifiedSha256(json: unknown): string {
  const parsed = IntegrityFieldSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      "invalid",
      `${SHA_FIELD} is missing or malformed: a decided archive must carry the sha256 it was exported with. Import the record as a draft instead.`,
      { [SHA_FIELD]: parsed.error.issues[0]?.message ?? "Required" },
    );
  }
  const { integrity: _integrity, ...content } = json as Record<string, unknown>;
  // The hash covers the content exactly as given, unknown fields included, as verifyRecord does.
  const actual = sha256Hex(canonicalJson(content));
  const claimed = parsed.data.integrity.sha256;
  if (actual !== claimed) {
    throw new AppError(
      "invalid",
      `${SHA_FIELD} does not match the record's content (it hashes to ${actual}): the file was changed after export, ` +
        "so it cannot be imported as a decided archive. Import it as a draft instead.",
      { [SHA_FIELD]: `The content hashes to ${actual}, not ${claimed}` },
    );
  }
  return claimed;
}

export async function importDecisionRecord(actor: Actor, teamId: string, input: unknown): Promise<ImportRecordResult> {
  // Who may import is settled before the file is read.
  await requireTeamAccess(actor, teamId, "evaluation:import");
  const { mode, record: json } = parseOrThrow(ImportRecordRequestSchema, input, "import");
  const now = new Date();
  const archive = mode === "archive";
  // Field errors first (they say what to fix), then the hash (it says the file is not the export).
  const draft = toEvaluationDraft(parseImportedRecord(json, archive ? importedArchiveSchema(now) : importedRecordSchema));
  const sha256 = archive ? verifiedSha256(json) : null;
  const decision = draft.decision;

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
          round: archive ? draft.round : 1,
          createdById: actor.userId,
        },
      });
      const ids = await createTable(tx, evaluation.id, draft);

      if (archive && decision && sha256) {
        await createBallots(tx, evaluation.id, draft.ballots);
        await tx.evaluation.update({
          where: { id: evaluation.id },
          data: {
            status: "decided",
            decidedOptionId: ids.optionIdByKey.get(decision.optionKey)!,
            decisionRationale: decision.rationale,
            decisionOverride: decision.overrideReason,
            decidedAt: decision.decidedAt,
            // Nobody in this team decided it: the record's decider stays a name, in the frozen record.
            decidedById: null,
            importedFromSha256: sha256,
            importedById: actor.userId,
            importedAt: now,
          },
        });
      }
      await recordAudit(tx, {
        teamId,
        evaluationId: evaluation.id,
        actorId: actor.userId,
        action: "evaluation.imported",
        detail: {
          mode,
          from: draft.title,
          // A draft's file is not vouched for, so its own hash is noted, not a claimed one.
          sha256: sha256 ?? sha256Hex(canonicalJson(json)),
          ballotsImported: archive ? draft.ballots.length : 0,
        },
      });
      // The archive's record is frozen like a decision made here, so its exports are stable and verifiable.
      if (archive && decision) {
        await freezeDecisionRecord(tx, evaluation.id, { decidedByName: decision.decidedBy });
        // A decision in the team's records, so it takes the team's next record number as one made here would.
        await assignRecordNumber(tx, teamId, evaluation.id);
      }

      return {
        evaluationId: evaluation.id,
        mode,
        status: archive ? ("decided" as const) : ("draft" as const),
        ballots: { imported: archive ? draft.ballots.length : 0, skipped: [] },
      };
    },
    { timeout: 30_000 },
  );
}

/**
 * Options, criteria and ratings, a statement each (up to 20 options, 60 criteria and 1,200
 * ratings: one query per row would dominate a large import); returns option ids by key.
 */
async function createTable(tx: Tx, evaluationId: string, draft: EvaluationDraft) {
  await tx.option.createMany({
    data: draft.options.map((o) => ({ evaluationId, key: o.key, name: o.name, summary: o.summary, position: o.position })),
  });
  await tx.criterion.createMany({
    data: draft.criteria.map((c) => ({ evaluationId, key: c.key, name: c.name, description: c.description, position: c.position })),
  });
  const options = await tx.option.findMany({ where: { evaluationId }, select: { id: true, key: true } });
  const criteria = await tx.criterion.findMany({ where: { evaluationId }, select: { id: true, key: true } });
  const optionIdByKey = new Map(options.map((o) => [o.key, o.id]));
  const criterionIdByKey = new Map(criteria.map((c) => [c.key, c.id]));
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
 * The record's ballots in the order they were cast, keeping their cast time, each appended to the
 * new evaluation's hash chain. Named by the record (voterName), with no account: see the top.
 *
 * The revisions are appended as one batch from the empty chain (the evaluation was created in this
 * transaction, so nobody else can append to it): the same links appending one at a time would
 * give, and the evaluation's chain head moves to the last of them.
 */
async function createBallots(tx: Tx, evaluationId: string, ballots: EvaluationDraft["ballots"]) {
  const rows = [...ballots]
    .sort((a, b) => a.round - b.round || a.castAt.getTime() - b.castAt.getTime())
    .map((ballot) => ({
      evaluationId,
      userId: null,
      voterName: ballot.voterName,
      round: ballot.round,
      method: ballot.method,
      payload: JSON.stringify(ballot.payload),
      createdAt: ballot.castAt,
    }));
  await tx.ballot.createMany({ data: rows });
  await appendBallotRevisions(tx, evaluationId, rows, { head: EMPTY_CHAIN });
}
