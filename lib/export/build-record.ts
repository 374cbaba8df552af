import type { EngineReport } from "@/lib/engine/types";
import { parseOrThrow } from "@/lib/errors";
import { GENESIS_HASH } from "./ballot-chain";
import { DECISION_RECORD_SCHEMA_VERSION, decisionRecordSchema, type DecisionRecord } from "./record-schema";

// Builds the decision record from rows as the database holds them (JSON columns still as text).
// Pure, so the domain layer only loads rows and calls this, and tests need no database.

/** Rows for one evaluation; field names follow prisma/schema.prisma so Prisma rows fit as they are. */
export interface RecordSource {
  evaluation: {
    id: string;
    title: string;
    problem: string;
    status: string;
    aggregation: string;
    round: number;
    createdAt: Date;
    decidedAt: Date | null;
    decidedOptionId: string | null;
    decisionRationale: string | null;
    decisionOverride: string | null;
    decidedById: string | null;
  };
  teamName: string;
  options: { id: string; key: string; name: string; summary: string; position: number }[];
  criteria: { id: string; key: string; name: string; description: string; position: number }[];
  ratings: { optionId: string; criterionId: string; score: number; rationale: string; citations: string }[];
  /** every round's ballots (Ballot rows) */
  ballots: { userId: string; round: number; method: string; payload: string; createdAt: Date }[];
  /** the team's members with their user's name and email */
  members: { userId: string; name: string; email: string; role: string }[];
  auditEntries: { createdAt: Date; actorId: string | null; action: string; detail: string }[];
  revisions: { seq: number; hash: string }[];
  /** the engine's report on the current round's ballots, run with each ballot's voter = userId */
  report: EngineReport;
  anonymiseBallots: boolean;
  /** the export time: generatedAt while undecided (once decided, the decision time is used) */
  now: Date;
  url?: string;
}

/** Shown for a user who has since left the team. */
const FORMER_MEMBER = "Former member";
const ROLE_ORDER = ["owner", "admin", "member", "viewer"];

export function buildDecisionRecord(source: RecordSource): DecisionRecord {
  const { evaluation } = source;
  const member = new Map(source.members.map((m) => [m.userId, m]));
  const optionKey = new Map(source.options.map((o) => [o.id, o.key]));
  const criterionKey = new Map(source.criteria.map((c) => [c.id, c.key]));
  const voterLabel = voterLabels(source);
  const byPosition = <T extends { position: number }>(rows: T[]) => [...rows].sort((a, b) => a.position - b.position);
  const optionOrder = new Map(byPosition(source.options).map((o, i) => [o.id, i]));
  const criterionOrder = new Map(byPosition(source.criteria).map((c, i) => [c.id, i]));
  const voters = new Set(source.ballots.filter((b) => b.round === evaluation.round).map((b) => b.userId));
  const decidedAt = evaluation.decidedAt?.toISOString() ?? null;

  const record = {
    schemaVersion: DECISION_RECORD_SCHEMA_VERSION,
    evaluation: {
      id: evaluation.id,
      title: evaluation.title,
      problem: evaluation.problem,
      status: evaluation.status,
      aggregation: evaluation.aggregation,
      round: evaluation.round,
      createdAt: evaluation.createdAt.toISOString(),
      decidedAt,
      team: source.teamName,
    },
    options: byPosition(source.options).map(({ key, name, summary }) => ({ key, name, summary })),
    criteria: byPosition(source.criteria).map(({ key, name, description }) => ({ key, name, description })),
    ratings: [...source.ratings]
      .sort(
        (a, b) =>
          optionOrder.get(a.optionId)! - optionOrder.get(b.optionId)! ||
          criterionOrder.get(a.criterionId)! - criterionOrder.get(b.criterionId)!,
      )
      .map((rating) => ({
        option: optionKey.get(rating.optionId),
        criterion: criterionKey.get(rating.criterionId),
        score: rating.score,
        rationale: rating.rationale,
        citations: parseStoredJson(rating.citations, "rating citations"),
      })),
    ballots: [...source.ballots]
      .sort((a, b) => a.round - b.round || a.createdAt.getTime() - b.createdAt.getTime() || compare(a.userId, b.userId))
      .map((ballot) => {
        const payload = parseStoredJson(ballot.payload, "ballot payload") as { weights?: unknown; comparisons?: unknown };
        return {
          voter: voterLabel.get(ballot.userId)!,
          email: source.anonymiseBallots ? undefined : member.get(ballot.userId)?.email,
          method: ballot.method,
          ...(ballot.method === "pairwise" ? { comparisons: payload.comparisons } : { weights: payload.weights }),
          round: ballot.round,
          castAt: ballot.createdAt.toISOString(),
        };
      }),
    ballotsAnonymised: source.anonymiseBallots,
    participants: [...source.members]
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || compare(a.name, b.name) || compare(a.email, b.email))
      .map((m) => ({ name: m.name, email: m.email, role: m.role, voted: voters.has(m.userId) })),
    weights: source.report.weights,
    report: { ...source.report, consistency: relabel(source.report.consistency, voterLabel) },
    decision:
      evaluation.decidedOptionId && decidedAt
        ? {
            option: optionKey.get(evaluation.decidedOptionId),
            rationale: evaluation.decisionRationale ?? "",
            decidedBy: nameOf(evaluation.decidedById, member),
            decidedAt,
            overrideReason: evaluation.decisionOverride || undefined,
          }
        : null,
    audit: auditTrail(source, member),
    ballotChain: ballotChain(source.revisions),
    generatedAt: decidedAt ?? source.now.toISOString(),
    url: source.url,
  };
  return parseOrThrow(decisionRecordSchema, record, "decision record");
}

/**
 * Each voter's label in the record: their name, or when ballots are anonymised "Voter 1", "Voter 2",
 * … in the order of their first ballot, which says nothing about who they are.
 */
function voterLabels(source: RecordSource): Map<string, string> {
  const firstBallot = new Map<string, number>();
  for (const ballot of source.ballots) {
    const at = ballot.createdAt.getTime();
    firstBallot.set(ballot.userId, Math.min(at, firstBallot.get(ballot.userId) ?? at));
  }
  const userIds = [...firstBallot.keys()].sort((a, b) => firstBallot.get(a)! - firstBallot.get(b)! || compare(a, b));
  const names = new Map(source.members.map((m) => [m.userId, m.name]));
  return new Map(
    userIds.map((userId, i) => [userId, source.anonymiseBallots ? `Voter ${i + 1}` : (names.get(userId) ?? FORMER_MEMBER)]),
  );
}

/**
 * The audit trail, oldest first. In an anonymised record, ballot entries lose their actor and
 * detail: their times would otherwise tie each "Voter N" to a name.
 */
function auditTrail(source: RecordSource, member: Map<string, { name: string }>) {
  return [...source.auditEntries]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((entry) => {
      const hidden = source.anonymiseBallots && entry.action.startsWith("ballot");
      return {
        at: entry.createdAt.toISOString(),
        actor: hidden || entry.actorId === null ? null : nameOf(entry.actorId, member),
        action: entry.action,
        detail: hidden ? {} : parseStoredJson(entry.detail, "audit detail"),
      };
    });
}

function ballotChain(revisions: { seq: number; hash: string }[]) {
  const last = [...revisions].sort((a, b) => a.seq - b.seq).at(-1);
  return { length: revisions.length, headHash: last?.hash ?? GENESIS_HASH };
}

function relabel(byVoter: Record<string, number>, label: Map<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(byVoter).map(([voter, value]) => [label.get(voter) ?? voter, value]));
}

function nameOf(userId: string | null, member: Map<string, { name: string }>): string {
  return (userId && member.get(userId)?.name) || FORMER_MEMBER;
}

function parseStoredJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`Stored ${what} is not valid JSON: ${text.slice(0, 80)}`);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
