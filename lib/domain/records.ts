import "server-only";
import { voterDisplayName, voterKey } from "@/lib/ballots/voter";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireEvaluationAccess, type Actor } from "@/lib/domain/authorize";
import { ballotsAreVisible, reportFor, toEngineInput } from "@/lib/domain/report";
import {
  buildDecisionRecord,
  formatRecordJson,
  recordFromCanonical,
  renderCsv,
  renderMadr,
  sealRecord,
  sha256Hex,
  verifyChain,
} from "@/lib/export";
import type { DecisionRecord } from "@/lib/export/record-schema";

import type { RecordFormat } from "@/lib/domain/record-formats";
import { ballotsOffTheChain } from "@/lib/domain/ballot-revisions";
import type { EvaluationStatus } from "@/lib/validation/evaluation";

const CONTENT_TYPES: Record<RecordFormat, string> = {
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Loads everything a record needs, through the caller's transaction when there is one. */
async function buildRecord(client: Tx, evaluationId: string, options: { anonymise: boolean; url?: string }): Promise<DecisionRecord> {
  const evaluation = await client.evaluation.findUniqueOrThrow({
    where: { id: evaluationId },
    include: {
      team: { include: { memberships: { include: { user: { select: { id: true, name: true, email: true } } } } } },
      options: { orderBy: { position: "asc" } },
      criteria: { orderBy: { position: "asc" } },
      ratings: true,
      ballots: { include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      auditEntries: { orderBy: { createdAt: "asc" } },
      revisions: { orderBy: { seq: "asc" }, select: { seq: true, hash: true } },
      supersededBy: { select: { id: true, title: true } },
      supersedes: { select: { id: true, title: true } },
      decidedBy: { select: { name: true } },
    },
  });
  const report = reportFor(toEngineInput(evaluation));
  if (!report) throw new AppError("conflict", "There is no decision record until at least one ballot is cast.");
  return buildDecisionRecord({
    evaluation,
    teamName: evaluation.team.name,
    options: evaluation.options,
    criteria: evaluation.criteria,
    ratings: evaluation.ratings,
    ballots: evaluation.ballots.map((b) => ({ ...b, userId: voterKey(b) })),
    members: evaluation.team.memberships.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role })),
    auditEntries: evaluation.auditEntries,
    revisions: evaluation.revisions,
    report,
    anonymiseBallots: options.anonymise,
    now: new Date(),
    url: options.url,
  });
}

/**
 * Freezes the decision record inside the decision's transaction: its canonical JSON and SHA-256
 * are stored once and every later export of the decision is rendered from them.
 */
export async function freezeDecisionRecord(tx: Tx, evaluationId: string): Promise<void> {
  const { canonical, sha256 } = sealRecord(await buildRecord(tx, evaluationId, { anonymise: false }));
  await tx.decisionSnapshot.create({ data: { evaluationId, canonical, sha256 } });
}

/** The record of a decided evaluation as frozen, or of an open one as it stands now. */
async function currentRecord(evaluationId: string, anonymise: boolean): Promise<DecisionRecord> {
  const snapshot = await db.decisionSnapshot.findUnique({ where: { evaluationId } });
  if (snapshot && !anonymise) return recordFromCanonical(snapshot.canonical);
  return buildRecord(db, evaluationId, { anonymise });
}

export async function exportDecisionRecord(
  actor: Actor,
  evaluationId: string,
  format: RecordFormat,
  options: { anonymise?: boolean } = {},
): Promise<{ body: string; contentType: string; filename: string }> {
  await requireEvaluationAccess(actor, evaluationId, "team:read");
  // The record lists every ballot: exporting it while voting would unblind the vote.
  const { status } = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { status: true } });
  if (!ballotsAreVisible(status as EvaluationStatus)) {
    throw new AppError("conflict", "The decision record is available once the ballots are revealed.");
  }
  const record = await currentRecord(evaluationId, options.anonymise ?? false);
  const body = format === "md" ? renderMadr(record) : format === "json" ? formatRecordJson(record) : renderCsv(record);
  const slug = record.evaluation.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "decision";
  return { body, contentType: CONTENT_TYPES[format], filename: `${slug}.${format}` };
}

/**
 * Checks what is stored against what was written: the ballot revisions' hash chain, and the frozen
 * record against its hash. A change made behind the application's back shows up here.
 */
export async function checkEvaluationIntegrity(actor: Actor, evaluationId: string) {
  await requireEvaluationAccess(actor, evaluationId, "team:read");
  const [revisions, ballots, snapshot] = await Promise.all([
    db.ballotRevision.findMany({ where: { evaluationId }, orderBy: { seq: "asc" } }),
    db.ballot.findMany({ where: { evaluationId }, select: { userId: true, voterName: true, round: true, method: true, payload: true, user: { select: { name: true } } } }),
    db.decisionSnapshot.findUnique({ where: { evaluationId } }),
  ]);
  const head = snapshot ? recordFromCanonical(snapshot.canonical).ballotChain : undefined;
  const chain = verifyChain(revisions, head);
  const offChain = ballotsOffTheChain(ballots, revisions);
  const nameOf = new Map(ballots.map((b) => [voterKey(b), voterDisplayName(b)]));
  const snapshotValid = snapshot ? sha256Hex(snapshot.canonical) === snapshot.sha256 : null;
  return {
    valid: chain.valid && offChain.length === 0 && snapshotValid !== false,
    revisions: revisions.length,
    chain,
    ballots: {
      valid: offChain.length === 0,
      ...(offChain.length
        ? { reason: offChain.map((b) => `${nameOf.get(voterKey(b))}'s round ${b.round} ballot differs from its recorded revision`).join("; ") }
        : {}),
    },
    snapshot: snapshot ? { sha256: snapshot.sha256, valid: snapshotValid } : null,
  };
}
