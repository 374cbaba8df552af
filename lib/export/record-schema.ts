import { z } from "zod";
import { AGGREGATIONS, EVALUATION_STATUSES, ROLES } from "@/lib/vocabulary";
import { engineReportSchema } from "./report-schema";
import { httpsUrlSchema } from "@/lib/validation/evaluation";

// The decision record: everything needed to read, audit and re-create one evaluation, frozen at
// the moment of decision. It is a public format (GET …/record.json, `export --format json`,
// /api/v1/schemas/decision-record.json): fields may be added; renaming or removing one means a
// new schemaVersion. Options and criteria are referred to by their stable `key` throughout, the
// same ids the engine report uses.

export const DECISION_RECORD_SCHEMA_VERSION = 1;

export const isoDateTime = z.iso.datetime();
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "Expected 64 lower-case hex digits (SHA-256)");
const sha256 = sha256Schema;
const key = z.string().min(1);

export const evaluationStatusSchema = z.enum(EVALUATION_STATUSES);
export const aggregationSchema = z.enum(AGGREGATIONS);
export const teamRoleSchema = z.enum(ROLES);

/**
 * Where a rating's claim comes from. Built-in citations name a source file (shared/seeds/*.txt);
 * a team's own citation (added to schema version 1 as optional fields) has its source's title and
 * https address, and its `source` is that address.
 */
export const citationSchema = z.object({
  source: z.string().min(1),
  quote: z.string().min(1),
  title: z.string().min(1).optional(),
  url: httpsUrlSchema.optional(),
});

const ballotCommon = {
  /** the member's name, or "Voter 1", "Voter 2", … when ballots are anonymised */
  voter: z.string().min(1),
  /** present only when ballots are not anonymised and the voter has an account in the team */
  email: z.email().optional(),
  round: z.int().min(1),
  castAt: isoDateTime,
};

export const recordBallotSchema = z.discriminatedUnion("method", [
  z.object({ ...ballotCommon, method: z.literal("points"), weights: z.record(key, z.number().min(0).max(100)) }),
  z.object({ ...ballotCommon, method: z.literal("likert"), weights: z.record(key, z.number().min(0).max(5)) }),
  z.object({
    ...ballotCommon,
    method: z.literal("pairwise"),
    comparisons: z.array(
      z.object({
        a: key,
        b: key,
        value: z
          .number()
          .min(1 / 9)
          .max(9),
      }),
    ),
  }),
]);

export const recordEvaluationSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  problem: z.string(),
  status: evaluationStatusSchema,
  aggregation: aggregationSchema,
  round: z.int().min(1),
  createdAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  team: z.string().min(1),
});
export const recordOptionSchema = z.object({ key, name: z.string().min(1), summary: z.string() });
export const recordCriterionSchema = z.object({ key, name: z.string().min(1), description: z.string() });
export const recordRatingSchema = z.object({
  option: key,
  criterion: key,
  score: z.number().min(0).max(10),
  rationale: z.string(),
  citations: z.array(citationSchema),
});

/**
 * Present when the evaluation was re-created from an exported record ("Imported from a record"):
 * its ballots and decision come from that file, not from votes cast in this app. The sha256 is
 * the one the file carried, checked against the file's content at import. A hash is not a
 * signature (anyone can recompute it after an edit), so this says where the record came from,
 * not that the decision was made as it says.
 */
export const recordImportSchema = z.object({
  sha256,
  importedAt: isoDateTime,
  /** who imported it: a member's name, or a "Participant N" label in an anonymised record */
  importedBy: z.string().min(1),
});

export const decisionRecordShape = z.object({
  schemaVersion: z.literal(DECISION_RECORD_SCHEMA_VERSION),
  evaluation: recordEvaluationSchema,
  options: z.array(recordOptionSchema).min(1),
  criteria: z.array(recordCriterionSchema).min(1),
  ratings: z.array(recordRatingSchema),
  ballots: z.array(recordBallotSchema),
  ballotsAnonymised: z.boolean(),
  /** the team's members; empty in an anonymised record, where names, roles and votes would identify them */
  participants: z.array(z.object({ name: z.string().min(1), email: z.email().optional(), role: teamRoleSchema, voted: z.boolean() })),
  /** the aggregated criterion weights (the report's), summing to 1 */
  weights: z.record(key, z.number().min(0).max(1)),
  report: engineReportSchema,
  decision: z
    .object({
      option: key,
      rationale: z.string(),
      decidedBy: z.string().min(1),
      decidedAt: isoDateTime,
      /** why the chosen option is not the report's leader, when it is not */
      overrideReason: z.string().min(1).optional(),
    })
    .nullable(),
  audit: z.array(
    z.object({
      at: isoDateTime,
      /** null for a deleted user or a system action; a "Voter N"/"Participant N" label in an anonymised record */
      actor: z.string().nullable(),
      action: z.string().min(1),
      detail: z.json(),
    }),
  ),
  ballotChain: z.object({ length: z.int().min(0), headHash: sha256 }),
  /** the decision time when decided, so exporting the same decision twice gives the same bytes */
  generatedAt: isoDateTime,
  /** link back to the evaluation in the app; http(s) only, as it becomes a link in the Markdown */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** set on an evaluation imported from a record; see recordImportSchema */
  imported: recordImportSchema.optional(),
});

type RecordShape = z.infer<typeof decisionRecordShape>;

/** Keys referred to elsewhere in the record must name an option or criterion the record lists. */
export function checkReferences(record: RecordShape, ctx: z.RefinementCtx): void {
  const optionKeys = new Set(record.options.map((o) => o.key));
  const criterionKeys = new Set(record.criteria.map((c) => c.key));
  const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

  if (optionKeys.size !== record.options.length) fail(["options"], "Option keys must be unique");
  if (criterionKeys.size !== record.criteria.length) fail(["criteria"], "Criterion keys must be unique");

  const rated = new Set<string>();
  record.ratings.forEach((rating, i) => {
    if (!optionKeys.has(rating.option)) fail(["ratings", i, "option"], `Unknown option "${rating.option}"`);
    if (!criterionKeys.has(rating.criterion)) fail(["ratings", i, "criterion"], `Unknown criterion "${rating.criterion}"`);
    const pair = `${rating.option}\u0000${rating.criterion}`;
    if (rated.has(pair)) fail(["ratings", i], `Duplicate rating of "${rating.option}" on "${rating.criterion}"`);
    rated.add(pair);
  });

  record.ballots.forEach((ballot, i) => {
    const used = ballot.method === "pairwise" ? ballot.comparisons.flatMap((c) => [c.a, c.b]) : Object.keys(ballot.weights);
    for (const criterion of used) {
      if (!criterionKeys.has(criterion)) fail(["ballots", i], `Unknown criterion "${criterion}"`);
    }
  });

  for (const criterion of Object.keys(record.weights)) {
    if (!criterionKeys.has(criterion)) fail(["weights", criterion], `Unknown criterion "${criterion}"`);
  }
  record.report.ranking.forEach((entry, i) => {
    if (!optionKeys.has(entry.option)) fail(["report", "ranking", i, "option"], `Unknown option "${entry.option}"`);
  });
  if (record.decision && !optionKeys.has(record.decision.option)) {
    fail(["decision", "option"], `Unknown option "${record.decision.option}"`);
  }
}

export const decisionRecordSchema = decisionRecordShape.superRefine(checkReferences);
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;
export type RecordBallot = z.infer<typeof recordBallotSchema>;
export type TeamRole = z.infer<typeof teamRoleSchema>;

/** The exported JSON file: the record plus the SHA-256 of its canonical JSON (see integrity.ts). */
export const exportedDecisionRecordSchema = decisionRecordShape
  .extend({ integrity: z.object({ algorithm: z.literal("sha256"), sha256 }) })
  .superRefine(checkReferences);
export type ExportedDecisionRecord = z.infer<typeof exportedDecisionRecordSchema>;

/**
 * JSON Schema (draft 2020-12) of the exported file, published at
 * /api/v1/schemas/decision-record.json. Written for the input side: it describes what an import
 * accepts, so unknown extra fields are allowed, as the contract lets fields be added.
 * Cross-references between keys (checkReferences) are beyond JSON Schema and are checked on import.
 */
export function decisionRecordJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(exportedDecisionRecordSchema, { target: "draft-2020-12", io: "input" }),
    title: `Tradeoff decision record, schema version ${DECISION_RECORD_SCHEMA_VERSION}`,
  };
}
