import { z } from "zod";
import { AGGREGATIONS, BALLOT_METHODS, EVALUATION_STATUSES, ROLES, VISIBILITIES } from "@/lib/vocabulary";
import { liveEngineReportSchema } from "@/lib/export/report-schema";
import { CitationSchema } from "@/lib/catalog/schema";
import { OtherSideSchema } from "@/lib/catalog/rule-types";
import type { SuggestedWeights } from "@/lib/catalog/weights";
import type { EngineReport } from "@/lib/engine/types";

// What GET /api/v1/evaluations/{id} returns and what the evaluation page renders: the contract
// between lib/domain/report.ts (getEvaluationView is typed to return it), the route, the browser's
// React Query cache and the OpenAPI document. The UI imports the type from here, never from the
// server function that builds it.

const weights = z.record(z.string(), z.number());
const iso = z.iso.datetime();

/** The engine's report in full, as the live view carries it (the record's report is a subset). */
export const ViewReportSchema = liveEngineReportSchema.extend({
  aggregation: z.enum(AGGREGATIONS).optional(),
  inconsistentJudgments: z
    .record(z.string(), z.array(z.object({ a: z.string(), b: z.string(), value: z.number(), implied: z.number() })))
    .optional(),
  aggregations: z
    .object({
      rules: z.array(z.object({ rule: z.enum(AGGREGATIONS), weights, winners: z.array(z.string()) })),
      winnerDependsOnRule: z.boolean(),
    })
    .optional(),
  monteCarlo: z
    .object({
      samples: z.int(),
      seed: z.int(),
      concentration: z.number().nullable(),
      leadMargin: z.number().nullable().optional(),
      leadNoise: z.number().nullable().optional(),
      leadUncertain: z.boolean().optional(),
    })
    .optional(),
}) satisfies z.ZodType<EngineReport>;

// Both ways: the schema's type is an EngineReport (above) and every field of EngineReport is in the
// schema (here), so a field added to the engine's report must be described before it is served.
type Covers<Schema, Type> = [Type] extends [Schema] ? true : false;
const reportSchemaIsComplete: Covers<z.infer<typeof ViewReportSchema>, EngineReport> = true;
void reportSchemaIsComplete;

const pairwiseComparison = z.object({ a: z.string(), b: z.string(), value: z.number() });

/** The reader's own ballot, as the engine reads it (the form starts from it). */
const OwnBallotSchema = z.discriminatedUnion("method", [
  z.object({ voter: z.string(), method: z.literal("points"), weights }),
  z.object({ voter: z.string(), method: z.literal("likert"), weights }),
  z.object({ voter: z.string(), method: z.literal("pairwise"), comparisons: z.array(pairwiseComparison) }),
]);

/** A revealed ballot as criterion weights (rounded, zero weights left out), with what changed since the last round. */
const RevealedBallotSchema = z.object({
  voter: z.string(),
  voterName: z.string(),
  method: z.enum(BALLOT_METHODS),
  weights,
  changes: z.array(z.object({ criterion: z.string(), from: z.number(), to: z.number() })).nullable(),
});

/** The project profile's suggestion the evaluation was created with (lib/catalog suggestWeights). */
const SuggestedWeightsSchema = z.object({
  weights,
  explanations: z.array(
    z.object({
      rule: z.string(),
      criterion: z.string(),
      change: z.string(),
      changes: z.array(z.object({ criterion: z.string(), change: z.string() })),
      reason: z.string(),
      citations: z.array(CitationSchema),
      favours: z.string().nullable(),
      shift: z.number(),
      otherSide: OtherSideSchema.optional(),
    }),
  ),
  startingPoint: z.string(),
  /** optional: suggestions stored before it existed lack it */
  baseline: z.array(z.object({ option: z.string(), score: z.number(), rank: z.int() })).optional(),
}) satisfies z.ZodType<Omit<SuggestedWeights, "baseline">>;

/** Why `report` is null although ballots were cast: a blind vote is open. */
export const ReportHiddenSchema = z.object({ hidden: z.literal("blind"), message: z.string() });

export const EvaluationViewSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  title: z.string(),
  problem: z.string(),
  status: z.enum(EVALUATION_STATUSES),
  /** blind (default): nothing computed from ballots is shown until they are revealed; open: live results */
  visibility: z.enum(VISIBILITIES),
  round: z.int().min(1),
  /** bumped by every change; the event stream's event id */
  revision: z.int().min(0),
  aggregation: z.enum(AGGREGATIONS),
  votingDeadline: iso.nullable(),
  quorum: z.int().min(1).nullable(),
  decision: z
    .object({
      /** the chosen option's key */
      option: z.string().nullable(),
      rationale: z.string(),
      /** why the team chose other than the ranking's leader, or decided early; null when it followed the ranking */
      override: z.string().nullable(),
      decidedAt: iso.nullable(),
      decidedBy: z.string().nullable(),
    })
    .nullable(),
  supersededBy: z.object({ id: z.string(), title: z.string() }).nullable(),
  supersedes: z.object({ id: z.string(), title: z.string() }).nullable(),
  myRole: z.enum(ROLES),
  options: z.array(z.object({ id: z.string(), key: z.string(), name: z.string(), summary: z.string() })),
  criteria: z.array(z.object({ id: z.string(), key: z.string(), name: z.string(), description: z.string() })),
  ratings: z.array(
    z.object({
      optionId: z.string(),
      criterionId: z.string(),
      score: z.number().min(0).max(10),
      rationale: z.string(),
      citations: z.array(CitationSchema),
    }),
  ),
  /** who may vote and whether they have in this round: never how */
  members: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), voted: z.boolean() })),
  /** the reader's own ballot in this round, whatever the visibility */
  myBallot: OwnBallotSchema.nullable(),
  /** everyone's ballots: null until they are revealed */
  ballots: z.array(RevealedBallotSchema).nullable(),
  /**
   * Set only when `ballots` holds just the first of them (the evaluation page's first render, see
   * firstBallotsOnly in lib/api/first-ballots.ts): how many there are. The API always sends them all, and never this.
   */
  ballotsTotal: z.number().int().nonnegative().optional(),
  /** what a what-if preview needs (options, criteria, ratings by key), never a ballot */
  table: z.object({
    options: z.array(z.object({ id: z.string(), name: z.string() })),
    criteria: z.array(z.object({ id: z.string(), name: z.string() })),
    ratings: z.record(z.string(), weights),
  }),
  /** null before the first ballot, and while blind voting is open (`reportHidden` says so) */
  report: ViewReportSchema.nullable(),
  /** why `report` is null although ballots were cast */
  reportHidden: ReportHiddenSchema.nullable(),
  /** how far apart the members' weights are, per criterion key; hidden like the report */
  weightSpread: z.record(z.string(), z.object({ sd: z.number(), iqr: z.number() })).nullable(),
  suggestedWeights: SuggestedWeightsSchema.nullable(),
});

export type EvaluationView = z.infer<typeof EvaluationViewSchema>;
