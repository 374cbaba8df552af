import type { PairwiseComparison } from "@/lib/engine/types";
import type { ZodError } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { decisionRecordSchema, type DecisionRecord } from "./record-schema";

// Importing a decision record re-creates its evaluation. parseImportedRecord validates the file;
// toEvaluationDraft maps it to the rows to create. The domain layer writes them, then exporting
// the new evaluation gives the same record except for the fields in NOT_CARRIED_OVER.

/**
 * What an import does not carry over, because it belongs to the new evaluation or its team:
 * its id and creation time, the importing team's name and members, its own audit trail, its own
 * ballot chain (a new chain with one revision per imported ballot: the record holds each voter's
 * final ballot, not their earlier revisions, and hashes cover the evaluation's id), its URL, and
 * its `imported` mark (the new evaluation gets its own, naming the file it came from). Ballots keep
 * their voter's name but never an account, so they carry no email (`ballots.*.email`).
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
  "imported",
  "ballots.*.email",
] as const;

/**
 * Validates an uploaded record (with or without its `integrity` field, which is not checked here:
 * call verifyRecord to know whether the file was changed after export). Throws AppError("invalid")
 * naming each bad field, e.g. "ratings.3.score: Too big". `schema` is the import's stricter form
 * (lib/validation/import-record.ts: sizes, ballot rules); the default is the record format itself.
 */
export function parseImportedRecord(
  json: unknown,
  schema: {
    safeParse(data: unknown): { success: true; data: DecisionRecord } | { success: false; error: ZodError };
  } = decisionRecordSchema,
): DecisionRecord {
  return parseOrThrow(schema, json, "decision record");
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
    citations: { source: string; quote: string; title?: string; url?: string }[];
  }[];
  /**
   * Ballots keep their cast time and the record's name for their voter (a member's name, or
   * "Voter N" in an anonymised record). They become Ballot rows with voterName set and no userId:
   * a file cannot vouch for who cast a ballot, so it is never tied to an account.
   */
  ballots: {
    voterName: string;
    round: number;
    method: DecisionRecord["ballots"][number]["method"];
    payload: BallotPayload;
    castAt: Date;
  }[];
  decision: {
    optionKey: string;
    rationale: string;
    /** the decider as the record names them; like voters, never matched to an account */
    decidedBy: string;
    decidedAt: Date;
    overrideReason: string | null;
  } | null;
}

export function toEvaluationDraft(record: DecisionRecord): EvaluationDraft {
  const { evaluation, decision } = record;
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
      voterName: ballot.voter,
      round: ballot.round,
      method: ballot.method,
      payload: ballot.method === "pairwise" ? { comparisons: ballot.comparisons } : { weights: ballot.weights },
      castAt: new Date(ballot.castAt),
    })),
    decision: decision && {
      optionKey: decision.option,
      rationale: decision.rationale,
      decidedBy: decision.decidedBy,
      decidedAt: new Date(decision.decidedAt),
      overrideReason: decision.overrideReason ?? null,
    },
  };
}
