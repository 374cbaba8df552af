import { z } from "zod";
import { BALLOT_METHODS, VISIBILITIES } from "@/lib/vocabulary";
import { NOTIFICATION_KINDS } from "@/lib/validation/auth";
import { liveEngineReportSchema } from "@/lib/export/report-schema";
import { evaluationStatusSchema } from "@/lib/export/record-schema";
import { ReportHiddenSchema } from "@/lib/api/evaluation-view";

// Response bodies of /api/v1 as zod schemas, for the OpenAPI document (lib/http/openapi.ts).
// Request bodies are validated by the domain's own schemas; these describe what comes back.
// `.loose()` marks objects that carry more fields than listed: the contract lets fields be added.

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum([
      "bad_request",
      "unauthenticated",
      "forbidden",
      "not_found",
      "conflict",
      "too_large",
      "invalid",
      "rate_limited",
      "internal",
    ]),
    message: z.string(),
    /** field path → first message, e.g. "weights.security" */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const TeamEvaluationListSchema = z.array(
  z
    .object({
      id: z.string(),
      title: z.string(),
      status: evaluationStatusSchema,
      /** ballots cast in the current round */
      ballots: z.int().min(0),
      options: z.int().min(0),
      criteria: z.int().min(0),
      createdAt: z.iso.datetime(),
      votingDeadline: z.iso.datetime().nullable(),
      /** set when the evaluation was re-created from an exported record ("Imported from a record") */
      imported: z.object({ sha256: z.string(), importedAt: z.iso.datetime().nullable(), importedBy: z.string().nullable() }).nullable(),
    })
    .loose(),
);

const VisibilitySchema = z.enum(VISIBILITIES);

/** What the evaluation page shows (GET /evaluations/{id}); individual ballots are null until they are revealed. */
export { EvaluationViewSchema } from "@/lib/api/evaluation-view";

export const EvaluationReportSchema = z.object({
  evaluation: z.object({ id: z.string(), title: z.string(), status: evaluationStatusSchema, visibility: VisibilitySchema }),
  /** null until the first ballot is cast, and while ballots are blind (reportHidden says so) */
  report: liveEngineReportSchema.nullable(),
  reportHidden: ReportHiddenSchema.nullable(),
});

export const StoredBallotSchema = z
  .object({
    id: z.string(),
    method: z.enum(BALLOT_METHODS),
    round: z.int().min(1),
    weights: z.record(z.string(), z.number()).optional(),
    comparisons: z.array(z.object({ a: z.string(), b: z.string(), value: z.number() })).optional(),
    castAt: z.iso.datetime(),
    /** this ballot's position in the evaluation's hash chain of ballot revisions */
    revision: z.int().min(1),
  })
  .loose();

export const IntegrityReportSchema = z.object({
  /** false when the ballot chain or the frozen record no longer matches */
  valid: z.boolean(),
  revisions: z.int().min(0),
  chain: z.object({ valid: z.boolean(), brokenAt: z.int().optional(), reason: z.string().optional() }),
  /** whether each current ballot is the last revision the chain recorded for it */
  ballots: z.object({ valid: z.boolean(), reason: z.string().optional() }),
  /** the frozen decision record, once decided */
  snapshot: z.object({ sha256: z.string(), valid: z.boolean().nullable() }).nullable(),
  /** set for an evaluation re-created from an exported record */
  imported: z
    .object({
      sha256: z.string(),
      importedAt: z.iso.datetime().nullable(),
      importedBy: z.string().nullable(),
      valid: z.boolean(),
      reason: z.string().optional(),
    })
    .nullable(),
  /** what `valid` vouches for, in words */
  checked: z.string(),
});

/** A comment with its replies, as GET and POST …/comments return it. */
export const CommentNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  targetType: z.enum(["evaluation", "criterion", "option"]),
  targetKey: z.string().nullable(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  /** set when the author edited the text */
  editedAt: z.iso.datetime().nullable(),
  /** a deleted comment keeps its place in the thread with an empty body */
  deleted: z.boolean(),
  /** whether the caller may edit (its author) or delete it (its author, an owner or admin) */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  author: z.object({ id: z.string(), name: z.string() }),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  get replies(): z.ZodArray<typeof CommentNodeSchema> {
    return z.array(CommentNodeSchema);
  },
});

/** A saved what-if, as GET and POST …/scenarios return it. */
export const ScenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** points by criterion key, adding up to 100 */
  weights: z.record(z.string(), z.number().int().min(0).max(100)),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  /** whether the caller may delete it (its creator, an owner or admin) */
  canDelete: z.boolean(),
  /** whether the rest of the team sees it now: false while a blind vote keeps it to its creator */
  shared: z.boolean(),
});

export const VerifyResultSchema = z.object({
  valid: z.boolean(),
  /** SHA-256 of the record's content as received */
  sha256: z.string(),
  reason: z.string().optional(),
});

/** The caller's notifications, newest first, as GET /notifications returns them. */
export const NotificationListSchema = z.object({
  unread: z.number().int(),
  notifications: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(NOTIFICATION_KINDS),
        title: z.string(),
        url: z.string(),
        createdAt: z.iso.datetime(),
        readAt: z.iso.datetime().nullable(),
      }),
    )
    .optional(),
});

/** What DELETE …/comments/{commentId} and …/scenarios/{scenarioId} return. */
export const DeletedSchema = z.object({ deleted: z.boolean() });

/** What POST /notifications/read returns: how many it marked. */
export const MarkedReadSchema = z.object({ marked: z.int().min(0) });
