import type { PairwiseComparison } from "@/lib/engine/types";
import { parseOrThrow } from "@/lib/errors";
import { decisionRecordSchema, type DecisionRecord } from "./record-schema";

// Importing a decision record re-creates its evaluation. parseImportedRecord validates the file;
// toEvaluationDraft maps it to the rows to create. The domain layer writes them, then exporting
// the new evaluation gives the same record except for the fields in NOT_CARRIED_OVER.

/**
 * What an import does not carry over, because it belongs to the new evaluation or its team:
 * its id and creation time, the importing team's name and members, its own audit trail, its own
 * ballot chain (a new chain with one revision per imported ballot: the record holds each voter's
 * final ballot, not their earlier revisions, and hashes cover evaluation and user ids), and its URL.
 * While undecided, generatedAt is the export time, so it differs too. The report is recomputed by
 * the engine from the re-created ballots; with the same engine and seed it comes out the same.
 */
export const NOT_CARRIED_OVER = [
  "evaluation.id",
  "evaluation.createdAt",
  "evaluation.team",
  "participants",
  "audit",
  "ballotChain",
  "url",
] as const;

/**
 * Validates an uploaded record (with or without its `integrity` field, which is not checked here:
 * an edited record is still importable; call verifyRecord to know whether it was). Throws
 * AppError("invalid") naming each bad field, e.g. "ratings.3.score: Too big".
 */
export function parseImportedRecord(json: unknown): DecisionRecord {
  return parseOrThrow(decisionRecordSchema, json, "decision record");
}

export type BallotPayload = { weights: Record<string, number> } | { comparisons: PairwiseComparison[] };

export interface EvaluationDraft {
  title: string;
  problem: string;
  status: DecisionRecord["evaluation"]["status"];
  aggregation: DecisionRecord["evaluation"]["aggregation"];
  round: number;
  options: { key: string; name: string; summary: string; position: number }[];
  criteria: { key: string; name: string; description: string; position: number }[];
  /** citations as they go into Rating.citations (JSON.stringify them) */
  ratings: {
    optionKey: string;
    criterionKey: string;
    score: number;
    rationale: string;
    citations: { source: string; quote: string }[];
  }[];
  /**
   * Ballots keep their cast time. voterEmail is null for an anonymised record's ballots: nobody
   * can be identified, so the importer decides whether to keep them unattributed or drop them.
   */
  ballots: {
    voterEmail: string | null;
    voterLabel: string;
    round: number;
    method: DecisionRecord["ballots"][number]["method"];
    payload: BallotPayload;
    castAt: Date;
  }[];
  decision: {
    optionKey: string;
    rationale: string;
    /** the decider's email if the record lists them among its participants */
    decidedByEmail: string | null;
    decidedBy: string;
    decidedAt: Date;
    overrideReason: string | null;
  } | null;
}

export function toEvaluationDraft(record: DecisionRecord): EvaluationDraft {
  const { evaluation, decision } = record;
  const emailByName = new Map(record.participants.filter((p) => p.email).map((p) => [p.name, p.email!]));
  return {
    title: evaluation.title,
    problem: evaluation.problem,
    status: evaluation.status,
    aggregation: evaluation.aggregation,
    round: evaluation.round,
    options: record.options.map((option, position) => ({ ...option, position })),
    criteria: record.criteria.map((criterion, position) => ({ ...criterion, position })),
    ratings: record.ratings.map((rating) => ({
      optionKey: rating.option,
      criterionKey: rating.criterion,
      score: rating.score,
      rationale: rating.rationale,
      citations: rating.citations,
    })),
    ballots: record.ballots.map((ballot) => ({
      voterEmail: record.ballotsAnonymised ? null : (ballot.email ?? null),
      voterLabel: ballot.voter,
      round: ballot.round,
      method: ballot.method,
      payload: ballot.method === "pairwise" ? { comparisons: ballot.comparisons } : { weights: ballot.weights },
      castAt: new Date(ballot.castAt),
    })),
    decision: decision && {
      optionKey: decision.option,
      rationale: decision.rationale,
      decidedByEmail: emailByName.get(decision.decidedBy) ?? null,
      decidedBy: decision.decidedBy,
      decidedAt: new Date(decision.decidedAt),
      overrideReason: decision.overrideReason ?? null,
    },
  };
}
