import "server-only";
import { readAuditDetail } from "@/lib/json-columns";
import { voterDisplayName, voterKey } from "@/lib/ballots/voter";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import type { EvaluationStatus } from "@/lib/validation/evaluation";
import { readEvaluation } from "@/lib/domain/evaluation-access";
import { reportFor, toEngineInput } from "@/lib/domain/report";
import { ballotsRevealed } from "@/lib/ballots/visibility";
import {
  buildDecisionRecord,
  formatRecordJson,
  recordFromCanonical,
  renderCsv,
  renderWideCsv,
  renderMadr,
  sealRecord,
  sha256Hex,
} from "@/lib/export";
import type { DecisionRecord } from "@/lib/export/record-schema";
import { recordFileName } from "@/lib/export/file-name";
import { verifyChainAndHead } from "@/lib/export/ballot-chain";

import type { RecordFormat } from "@/lib/domain/record-formats";
import { ballotsOffTheChain } from "@/lib/domain/ballot-revisions";

export interface RecordExport {
  body: string;
  contentType: string;
  filename: string;
  /** the team's decision record number, once decided (it names the MADR file) */
  recordNumber: number | null;
}

const CONTENT_TYPES: Record<RecordFormat, string> = {
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** Loads everything a record needs, through the caller's transaction when there is one. */
async function buildRecord(
  client: Tx,
  evaluationId: string,
  options: { anonymise: boolean; url?: string; decidedByName?: string | null },
): Promise<DecisionRecord> {
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
      snapshot: { select: { canonical: true } },
    },
  });
  const report = reportFor(toEngineInput(evaluation));
  if (!report) throw new AppError("conflict", "There is no decision record until at least one ballot is cast.");
  const members = evaluation.team.memberships.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role }));
  return buildDecisionRecord({
    evaluation: {
      ...evaluation,
      decidedByName: evaluation.decidedById ? null : (options.decidedByName ?? importedDeciderName(evaluation)),
      imported:
        evaluation.importedFromSha256 && evaluation.importedAt
          ? { sha256: evaluation.importedFromSha256, at: evaluation.importedAt, byId: evaluation.importedById }
          : null,
    },
    teamName: evaluation.team.name,
    options: evaluation.options,
    criteria: evaluation.criteria,
    ratings: evaluation.ratings,
    // Imported ballots have no userId; the record names them by voterName (lib/ballots/voter.ts).
    ballots: evaluation.ballots,
    members,
    otherUsers: options.anonymise ? await usersNamedInAudit(client, evaluation.auditEntries, members) : [],
    auditEntries: evaluation.auditEntries,
    revisions: evaluation.revisions,
    report,
    anonymiseBallots: options.anonymise,
    now: new Date(),
    url: options.url,
  });
}

/**
 * An imported archive's decider is a name from the record it came from, never an account; it
 * lives in the frozen record (written at import), which later anonymised exports rebuild from.
 */
function importedDeciderName(evaluation: { importedFromSha256: string | null; snapshot: { canonical: string } | null }): string | null {
  if (!evaluation.importedFromSha256 || !evaluation.snapshot) return null;
  return recordFromCanonical(evaluation.snapshot.canonical).decision?.decidedBy ?? null;
}

/**
 * Users the audit trail refers to who are no longer members (actors, ids inside details such as
 * a comment's mentions), so an anonymised record can replace their names, emails and ids too.
 */
async function usersNamedInAudit(
  client: Tx,
  entries: { actorId: string | null; detail: string }[],
  members: { userId: string }[],
): Promise<{ userId: string; name: string; email: string }[]> {
  const known = new Set(members.map((m) => m.userId));
  const candidates = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.length <= 64 && !known.has(value)) candidates.add(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => (collect(k), collect(v)));
  };
  for (const entry of entries) {
    if (entry.actorId && !known.has(entry.actorId)) candidates.add(entry.actorId);
    try {
      collect(readAuditDetail(entry.detail));
    } catch {
      // buildDecisionRecord reports unreadable details; nothing to collect from one.
    }
  }
  if (candidates.size === 0) return [];
  const users = await client.user.findMany({ where: { id: { in: [...candidates] } }, select: { id: true, name: true, email: true } });
  return users.map((u) => ({ userId: u.id, name: u.name, email: u.email }));
}

/**
 * Freezes the decision record inside the decision's transaction: its canonical JSON and SHA-256
 * are stored once and every later export of the decision is rendered from them. An import passes
 * the record's name for its decider (decidedByName), as no account of this team decided it.
 */
export async function freezeDecisionRecord(
  tx: Tx,
  evaluationId: string,
  options: { decidedByName?: string } = {},
): Promise<DecisionRecord> {
  const record = await buildRecord(tx, evaluationId, { anonymise: false, decidedByName: options.decidedByName });
  const { canonical, sha256 } = sealRecord(record);
  await tx.decisionSnapshot.create({ data: { evaluationId, canonical, sha256 } });
  return record;
}

/**
 * Gives a decided evaluation the team's next decision record number (MADR files are NNNN-title.md),
 * in the deciding transaction: the increment of Team.lastRecordNumber is one statement, so two
 * decisions racing in one team wait on the team's row and get consecutive numbers, and
 * (teamId, recordNumber) is unique besides. The number is not part of the frozen record: it names
 * the file, so a record frozen before numbers existed still verifies byte for byte.
 */
export async function assignRecordNumber(tx: Tx, teamId: string, evaluationId: string): Promise<number> {
  const { lastRecordNumber } = await tx.team.update({
    where: { id: teamId },
    data: { lastRecordNumber: { increment: 1 } },
    select: { lastRecordNumber: true },
  });
  await tx.evaluation.update({ where: { id: evaluationId }, data: { recordNumber: lastRecordNumber } });
  return lastRecordNumber;
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
  options: { anonymise?: boolean; wide?: boolean } = {},
): Promise<RecordExport> {
  const { status } = await readEvaluation(actor, evaluationId, "team:read");
  return renderRecordExport(evaluationId, status, format, options);
}

/**
 * The server operator's export (the CLI's `export`): whoever can run it holds the database itself,
 * so no team membership is asked and nobody is impersonated; the blind rule still holds.
 */
export async function exportDecisionRecordAsOperator(
  evaluationId: string,
  format: RecordFormat,
  options: { anonymise?: boolean; wide?: boolean } = {},
): Promise<RecordExport> {
  return renderRecordExport(evaluationId, await operatorStatus(evaluationId), format, options);
}

async function operatorStatus(evaluationId: string): Promise<EvaluationStatus> {
  const row = await db.evaluation.findUnique({ where: { id: evaluationId }, select: { status: true } });
  if (!row) throw new AppError("not_found", `No evaluation with id ${evaluationId}`);
  return row.status as EvaluationStatus;
}

async function renderRecordExport(
  evaluationId: string,
  status: EvaluationStatus,
  format: RecordFormat,
  options: { anonymise?: boolean; wide?: boolean },
): Promise<RecordExport> {
  // The record lists every ballot: exporting it while voting would unblind the vote.
  if (!ballotsRevealed(status)) {
    throw new AppError("conflict", "The decision record is available once the ballots are revealed.");
  }
  const [record, { recordNumber }] = await Promise.all([
    currentRecord(evaluationId, options.anonymise ?? false),
    db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { recordNumber: true } }),
  ]);
  const csv = options.wide ? renderWideCsv : renderCsv;
  const body = format === "md" ? renderMadr(record) : format === "json" ? formatRecordJson(record) : csv(record);
  const filename = recordFileName(record.evaluation.title, format, { wide: options.wide, recordNumber });
  return { body, contentType: CONTENT_TYPES[format], filename, recordNumber };
}

/**
 * Checks what is stored against what was written: the ballot revisions' hash chain, and the frozen
 * record against its hash. A change made behind the application's back shows up here.
 *
 * For an evaluation imported from a record, the same checks say something narrower, and `checked`
 * says so: the ballots and frozen record still match the record it was imported from (whose
 * sha256 matched its content at import, and which the frozen record names), unchanged since the
 * import. Whether that record's decision was made as it states cannot be checked here.
 */
export async function checkEvaluationIntegrity(actor: Actor, evaluationId: string) {
  await readEvaluation(actor, evaluationId, "team:read");
  return integrityReport(evaluationId);
}

/** The integrity check as the server operator runs it (`copy-database`): see exportDecisionRecordAsOperator. */
export async function checkEvaluationIntegrityAsOperator(evaluationId: string) {
  await operatorStatus(evaluationId);
  return integrityReport(evaluationId);
}

async function integrityReport(evaluationId: string) {
  const [revisions, ballots, snapshot, evaluation] = await Promise.all([
    db.ballotRevision.findMany({ where: { evaluationId }, orderBy: { seq: "asc" } }),
    db.ballot.findMany({
      where: { evaluationId },
      select: { userId: true, voterName: true, round: true, method: true, payload: true, user: { select: { name: true } } },
    }),
    db.decisionSnapshot.findUnique({ where: { evaluationId } }),
    db.evaluation.findUniqueOrThrow({
      where: { id: evaluationId },
      select: { importedFromSha256: true, importedAt: true, importedBy: { select: { name: true } }, chainSeq: true, chainHash: true },
    }),
  ]);
  const frozen = snapshot ? recordFromCanonical(snapshot.canonical) : null;
  const chain = verifyChainAndHead(revisions, { seq: evaluation.chainSeq, hash: evaluation.chainHash }, frozen?.ballotChain);
  const offChain = ballotsOffTheChain(ballots, revisions);
  const nameOf = new Map(ballots.map((b) => [voterKey(b), voterDisplayName(b)]));
  const snapshotValid = snapshot ? sha256Hex(snapshot.canonical) === snapshot.sha256 : null;
  const imported = evaluation.importedFromSha256
    ? importCheck(evaluation.importedFromSha256, evaluation.importedAt, evaluation.importedBy?.name ?? null, frozen)
    : null;
  const valid = chain.valid && offChain.length === 0 && snapshotValid !== false && (imported?.valid ?? true);
  return {
    valid,
    revisions: revisions.length,
    chain,
    ballots: {
      valid: offChain.length === 0,
      ...(offChain.length
        ? {
            reason: offChain
              .map((b) => `${nameOf.get(voterKey(b))}'s round ${b.round} ballot differs from its recorded revision`)
              .join("; "),
          }
        : {}),
    },
    snapshot: snapshot ? { sha256: snapshot.sha256, valid: snapshotValid } : null,
    /** set for an evaluation imported from a record ("Imported from a record") */
    imported,
    /** what `valid` vouches for, in words, for the badge and for API users */
    checked: checkedSentence(revisions.length, snapshot !== null, imported),
  };
}
export type IntegrityReport = Awaited<ReturnType<typeof checkEvaluationIntegrity>>;

/** The frozen record of an import must name the record it came from, as the evaluation does. */
function importCheck(sha256: string, importedAt: Date | null, importedBy: string | null, frozen: DecisionRecord | null) {
  const named = frozen?.imported?.sha256;
  const valid = named === sha256;
  return {
    sha256,
    importedAt: importedAt?.toISOString() ?? null,
    importedBy,
    valid,
    ...(valid
      ? {}
      : { reason: named ? `the frozen record names the record ${named}, not ${sha256}` : "there is no frozen record of the import" }),
  };
}

function checkedSentence(revisions: number, frozen: boolean, imported: ReturnType<typeof importCheck> | null): string {
  if (imported) {
    const when = imported.importedAt ? ` on ${imported.importedAt.slice(0, 10)}` : "";
    const who = imported.importedBy ? ` by ${imported.importedBy}` : "";
    return (
      `Imported from a record: matches the record it was imported from (sha256 ${imported.sha256.slice(0, 12)}…). ` +
      `Its ballots and decision record are unchanged since it was imported${who}${when}, and that record's ` +
      `sha256 matched its content then; how its decision was made cannot be checked here.`
    );
  }
  const what = frozen ? "Ballots and decision record" : `${revisions} ballot ${revisions === 1 ? "revision" : "revisions"}`;
  return `${what} unchanged since they were written in Tradeoff.`;
}
