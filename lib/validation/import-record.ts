import { z } from "zod";
import { LIMITS } from "@/lib/limits";
import { BallotInputSchema, checkBallotFits } from "@/lib/validation/ballot";
import {
  checkReferences,
  citationSchema,
  decisionRecordShape,
  recordCriterionSchema,
  recordEvaluationSchema,
  recordOptionSchema,
  recordRatingSchema,
} from "@/lib/export/record-schema";

export const IMPORT_MODES = ["draft", "archive"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * `POST /api/v1/teams/{teamId}/evaluations/import`. The record itself is checked by
 * importedRecordSchema / importedArchiveSchema below, whose field errors name paths inside the
 * record file ("ballots.3.weights").
 */
export const ImportRecordRequestSchema = z.object({
  mode: z.enum(IMPORT_MODES, { error: "mode must be draft or archive" }).default("draft"),
  record: z.unknown().refine((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
    message: "record must be the JSON object of an exported decision record",
  }),
});

// ---------------------------------------------------------------------------------------------
// The record as an import accepts it. The export format (lib/export/record-schema.ts) describes
// any record the app ever wrote, so it sets no sizes; an import creates rows and runs the engine,
// so it is held to the same limits as the app's own forms (lib/limits.ts): an evaluation imported
// is one the app could have made.

const atMost = (max: number, what: string) => `${what} is at most ${max} characters`;
const name = (what: string) => z.string().min(1, `${what} must not be empty`).max(LIMITS.nameLength, atMost(LIMITS.nameLength, what));
const text = (max: number, what: string) => z.string().max(max, atMost(max, what));
/** Option and criterion keys are slugs of names (slugify keeps 40 characters plus a "-2" suffix). */
const key = z.string().min(1).max(LIMITS.nameLength, atMost(LIMITS.nameLength, "A key"));
/** A rating's citations: a handful of quotes, each a passage, not a document. */
const CITATIONS_PER_RATING = 20;

const importedRecordShape = decisionRecordShape.extend({
  evaluation: recordEvaluationSchema.extend({
    title: z.string().trim().min(1, "Title must not be empty").max(120, "Title is at most 120 characters"),
    problem: text(LIMITS.problemLength, "The problem statement"),
    round: z.int().min(1).max(LIMITS.roundsPerImport, `An imported record has at most ${LIMITS.roundsPerImport} rounds`),
  }),
  options: z
    .array(recordOptionSchema.extend({ key, name: name("An option's name"), summary: text(LIMITS.descriptionLength, "A summary") }))
    .min(1)
    .max(LIMITS.optionsPerEvaluation, `An evaluation has at most ${LIMITS.optionsPerEvaluation} options`),
  criteria: z
    .array(
      recordCriterionSchema.extend({ key, name: name("A criterion's name"), description: text(LIMITS.descriptionLength, "A description") }),
    )
    .min(1)
    .max(LIMITS.criteriaPerEvaluation, `An evaluation has at most ${LIMITS.criteriaPerEvaluation} criteria`),
  ratings: z.array(
    recordRatingSchema.extend({
      rationale: text(LIMITS.descriptionLength, "A rationale"),
      citations: z
        .array(
          citationSchema.extend({
            // a team's own citation names its source by address (up to 2,000 characters, like the form's)
            source: text(2000, "A citation's source").min(1, "A citation's source must not be empty"),
            quote: text(LIMITS.descriptionLength, "A quote").min(1),
            title: text(LIMITS.nameLength * 2, "A citation's title")
              .min(1)
              .optional(),
          }),
        )
        .max(CITATIONS_PER_RATING, `A rating has at most ${CITATIONS_PER_RATING} citations`),
    }),
  ),
  ballots: decisionRecordShape.shape.ballots.max(
    LIMITS.ballotsPerImport,
    `An imported record has at most ${LIMITS.ballotsPerImport} ballots`,
  ),
});

type ImportedRecord = z.infer<typeof importedRecordShape>;

/** Voter names become Ballot.voterName; they are names, held to the same length. */
function checkVoterNames(record: ImportedRecord, ctx: z.RefinementCtx): void {
  record.ballots.forEach((ballot, i) => {
    if (ballot.voter.length > LIMITS.nameLength) {
      ctx.addIssue({ code: "custom", path: ["ballots", i, "voter"], message: atMost(LIMITS.nameLength, "A voter's name") });
    }
  });
}

/**
 * A record to import as a draft: the format, its references, and the sizes. Ratings need no
 * count of their own: each names a known option and criterion, at most once (checkReferences).
 */
export const importedRecordSchema = importedRecordShape.superRefine(checkReferences).superRefine(checkVoterNames);

/** Clocks differ a little between the machine that exported and this one. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * A record to import as a decided archive: besides the above, every ballot must be one the app
 * would have accepted when it was cast (BallotInputSchema and checkBallotFits against the
 * record's criteria, as castBallot checks it), in a round the record had, by a voter with one
 * ballot per round, cast before the decision; no date lies in the future; and the decision is
 * consistent with the evaluation's status. `now` is passed in so the check is pure.
 */
export function importedArchiveSchema(now: Date) {
  return importedRecordSchema.superRefine((record, ctx) => {
    const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const latest = now.getTime() + CLOCK_SKEW_MS;
    const future = (iso: string | null | undefined) => iso != null && Date.parse(iso) > latest;
    const criterionKeys = record.criteria.map((c) => c.key);
    const { evaluation, decision } = record;

    if (!decision) fail(["decision"], "Only a decided record can be imported as an archive; import it as a draft instead");
    else if (evaluation.status !== "decided" && evaluation.status !== "superseded") {
      fail(["evaluation", "status"], `A record with a decision is decided or superseded, not ${evaluation.status}`);
    }
    if (decision && evaluation.decidedAt !== decision.decidedAt) {
      fail(["evaluation", "decidedAt"], "Must be the decision's decidedAt");
    }
    if (future(evaluation.createdAt)) fail(["evaluation", "createdAt"], "Lies in the future");
    if (future(evaluation.decidedAt)) fail(["evaluation", "decidedAt"], "Lies in the future");
    if (decision && future(decision.decidedAt)) fail(["decision", "decidedAt"], "Lies in the future");

    const seen = new Set<string>();
    record.ballots.forEach((ballot, i) => {
      const at = (...path: (string | number)[]) => ["ballots", i, ...path];
      if (ballot.round > evaluation.round) {
        fail(at("round"), `The record is in round ${evaluation.round}; a ballot cannot be from round ${ballot.round}`);
      }
      if (future(ballot.castAt)) fail(at("castAt"), "Lies in the future");
      else if (decision && Date.parse(ballot.castAt) > Date.parse(decision.decidedAt)) {
        fail(at("castAt"), "Cast after the decision: voting was closed by then");
      }
      const voterRound = `${ballot.voter}\u0000${ballot.round}`;
      if (seen.has(voterRound)) fail(at("voter"), `"${ballot.voter}" already has a ballot in round ${ballot.round}`);
      seen.add(voterRound);

      // The same two checks castBallot makes, against the record's own criteria.
      const input =
        ballot.method === "pairwise"
          ? { method: ballot.method, comparisons: ballot.comparisons }
          : { method: ballot.method, weights: ballot.weights };
      const parsed = BallotInputSchema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) fail(at(...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))), issue.message);
        return;
      }
      for (const [field, message] of Object.entries(checkBallotFits(parsed.data, criterionKeys))) {
        fail(at(...field.split(".")), message);
      }
    });

    // A decision is recorded with the team's ballots: the report needs some in the deciding round.
    if (decision && !record.ballots.some((b) => b.round === evaluation.round)) {
      fail(["ballots"], `The record has no ballot of its deciding round ${evaluation.round}`);
    }
  });
}

const skippedBallot = z.object({
  voter: z.string(),
  round: z.int(),
  reason: z.string(),
});

export const ImportRecordResultSchema = z.object({
  evaluationId: z.string(),
  mode: z.enum(IMPORT_MODES),
  status: z.enum(["draft", "decided"]),
  /**
   * `skipped` stays for compatibility and is always empty now: an archive's ballots are either all
   * valid and imported (named as in the record), or the import is refused naming the bad ones.
   */
  ballots: z.object({ imported: z.int().min(0), skipped: z.array(skippedBallot) }),
});
export type ImportRecordResult = z.infer<typeof ImportRecordResultSchema>;
