import { z } from "zod";
import { BallotInputSchema } from "@/lib/validation/ballot";
import { CommentEditSchema, CommentInputSchema } from "@/lib/validation/comment";
import { ScenarioInputSchema } from "@/lib/validation/scenario";
import { idSchema } from "@/lib/validation/team";
import { ImportRecordRequestSchema, ImportRecordResultSchema } from "@/lib/validation/import-record";
import { decisionRecordSchema, exportedDecisionRecordSchema } from "@/lib/export/record-schema";
import { RECORD_FILES } from "@/lib/http/params";
import {
  ApiErrorSchema,
  CommentNodeSchema,
  NotificationListSchema,
  ScenarioSchema,
  EvaluationReportSchema,
  EvaluationViewSchema,
  IntegrityReportSchema,
  StoredBallotSchema,
  TeamEvaluationListSchema,
  VerifyResultSchema,
} from "@/lib/api/schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes and domain use,
// so the description cannot drift from the validation. OpenAPI 3.1 schemas are JSON Schema
// draft 2020-12, which is what z.toJSONSchema writes. A test checks that every route file under
// app/api/v1 appears here.

type JsonSchema = Record<string, unknown>;

/** `/health` and `/ready` (when the database answers): a constant body. */
const HealthSchema = z.object({ status: z.literal("ok") });
/** `/ready` when the database does not answer. */
const UnavailableSchema = z.object({
  status: z.literal("unavailable"),
  error: z.object({ code: z.literal("unavailable"), message: z.string() }),
});
type Io = "input" | "output";

/** Each named schema, converted once; requests are described as accepted, responses as sent. */
const SCHEMAS: Record<string, [z.ZodType, Io]> = {
  Error: [ApiErrorSchema, "output"],
  TeamEvaluationList: [TeamEvaluationListSchema, "output"],
  EvaluationView: [EvaluationViewSchema, "output"],
  EvaluationReport: [EvaluationReportSchema, "output"],
  BallotInput: [BallotInputSchema, "input"],
  StoredBallot: [StoredBallotSchema, "output"],
  CommentInput: [CommentInputSchema, "input"],
  Comment: [CommentNodeSchema, "output"],
  CommentEdit: [CommentEditSchema, "input"],
  ScenarioInput: [ScenarioInputSchema, "input"],
  Scenario: [ScenarioSchema, "output"],
  NotificationList: [NotificationListSchema, "output"],
  DecisionRecord: [exportedDecisionRecordSchema, "output"],
  DecisionRecordUpload: [exportedDecisionRecordSchema, "input"],
  IntegrityReport: [IntegrityReportSchema, "output"],
  VerifyResult: [VerifyResultSchema, "output"],
  ImportRequest: [ImportRecordRequestSchema.extend({ record: decisionRecordSchema }), "input"],
  ImportResult: [ImportRecordResultSchema, "output"],
  Health: [HealthSchema, "output"],
  Unavailable: [UnavailableSchema, "output"],
};

/**
 * JSON Schema of one zod schema as an OpenAPI component. Local definitions (zod writes `$defs`
 * for recursive types such as JSON values) become components of their own, because inside an
 * OpenAPI document `#/$defs/…` (and `#`, a schema's reference to itself) would resolve against
 * the document's root.
 */
function componentsOf(name: string, schema: z.ZodType, io: Io): Record<string, JsonSchema> {
  const { $schema: _dialect, $defs, ...body } = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as JsonSchema;
  const defs = ($defs ?? {}) as Record<string, JsonSchema>;
  const rename = (def: string) => `${name}.${def.replace(/^_+|[^A-Za-z0-9._-]/g, "")}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) =>
        key === "$ref" && typeof item === "string" && item.startsWith("#")
          ? [key, item === "#" ? `#/components/schemas/${name}` : `#/components/schemas/${rename(item.slice("#/$defs/".length))}`]
          : [key, rewrite(item)],
      ),
    );
  };
  return {
    [name]: rewrite(body) as JsonSchema,
    ...Object.fromEntries(Object.entries(defs).map(([def, item]) => [rename(def), rewrite(item) as JsonSchema])),
  };
}

const ref = (name: keyof typeof SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof SCHEMAS) => ({ "application/json": { schema: ref(name) } });
const text = { type: "string" };
const noStore = { "Cache-Control": { description: "Always `no-store`", schema: { type: "string", const: "no-store" } } };

const idParameter = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: componentsOf("id", idSchema, "input").id,
});
const evaluationId = idParameter("id", "The evaluation's id");
const teamId = idParameter("teamId", "The team's id");
const flag = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string", enum: ["1", "0", "true", "false"] },
});

/** Error responses every authenticated operation may give, by status. */
function errors(...statuses: number[]) {
  const why: Record<number, string> = {
    400: "Malformed request, e.g. a body that is not JSON",
    401: "No session and no valid API token",
    403: "Your role does not allow this, or a cross-site request",
    404: "Not found, or not a member of the team",
    409: "The evaluation's state does not allow this",
    413: "The request body is over the route's limit (lib/limits.ts)",
    422: "Invalid input; `fields` names each bad field",
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: why[s], content: json("Error") }]));
}

const RECORD_MEDIA: Record<(typeof RECORD_FILES)[number], Record<string, unknown>> = {
  "record.md": { "text/markdown": { schema: text } },
  "record.json": { "application/json": { schema: ref("DecisionRecord") } },
  "record.csv": { "text/csv": { schema: text } },
};

function recordPaths() {
  return Object.fromEntries(
    RECORD_FILES.map((file) => [
      `/evaluations/{id}/${file}`,
      {
        get: {
          operationId: `getDecisionRecord${file.slice("record.".length).toUpperCase()}`,
          tags: ["Decision records"],
          summary: `The decision record as ${file.slice("record.".length).toUpperCase()}`,
          description:
            "A decided evaluation's record is served from the snapshot frozen at the decision, so it is the same bytes every time. Available once the ballots are revealed (409 while voting is blind).",
          parameters: [
            evaluationId,
            flag("anonymise", "1: voters appear as Voter 1, Voter 2, … without emails"),
            flag("inline", "1: Content-Disposition inline instead of attachment"),
            ...(file === "record.csv"
              ? [
                  {
                    name: "layout",
                    in: "query",
                    required: false,
                    description: "wide: one row per option, one column per criterion; long (default): one row per value",
                    schema: { type: "string", enum: ["long", "wide"] },
                  },
                ]
              : []),
          ],
          responses: { "200": { description: "The record file", content: RECORD_MEDIA[file] }, ...errors(401, 404, 409, 422) },
        },
      },
    ]),
  );
}

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Tradeoff API",
      version: "1",
      description:
        "A team's framework decisions: evaluations, ballots, reports and decision records. Authenticate with the session cookie or `Authorization: Bearer <personal token>` (Settings → API tokens).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths: {
      "/teams/{teamId}/evaluations": {
        get: {
          operationId: "listTeamEvaluations",
          tags: ["Evaluations"],
          summary: "The team's evaluations",
          parameters: [teamId],
          responses: { "200": { description: "Newest first", content: json("TeamEvaluationList") }, ...errors(401, 404) },
        },
      },
      "/teams/{teamId}/evaluations/import": {
        post: {
          operationId: "importDecisionRecord",
          tags: ["Decision records"],
          summary: "Re-create an exported decision record in this team",
          description:
            "`draft`: options, criteria and ratings as a new draft. `archive`: the decided evaluation with its ballots (voters matched to members by email; others skipped and listed) and a frozen record. Field errors name paths inside the record.",
          parameters: [teamId],
          requestBody: { required: true, content: json("ImportRequest") },
          responses: { "201": { description: "Created", content: json("ImportResult") }, ...errors(400, 401, 403, 404, 422) },
        },
      },
      "/evaluations/{id}": {
        get: {
          operationId: "getEvaluation",
          tags: ["Evaluations"],
          summary: "Everything the evaluation page shows",
          parameters: [evaluationId],
          responses: { "200": { description: "The evaluation", content: json("EvaluationView") }, ...errors(401, 404) },
        },
      },
      "/evaluations/{id}/report": {
        get: {
          operationId: "getEvaluationReport",
          tags: ["Evaluations"],
          summary: "The scoring engine's report on the current round",
          parameters: [evaluationId],
          responses: { "200": { description: "The report", content: json("EvaluationReport") }, ...errors(401, 404) },
        },
      },
      "/evaluations/{id}/ballots": {
        post: {
          operationId: "castBallot",
          tags: ["Evaluations"],
          summary: "Cast or revise the caller's ballot",
          parameters: [evaluationId],
          requestBody: { required: true, content: json("BallotInput") },
          responses: {
            "201": { description: "The stored ballot", content: json("StoredBallot") },
            ...errors(400, 401, 403, 404, 409, 422),
          },
        },
      },
      "/evaluations/{id}/events": {
        get: {
          operationId: "streamEvaluationEvents",
          tags: ["Evaluations"],
          summary: "Live updates (Server-Sent Events)",
          description:
            "`event: ready` on connect, then `event: change` with `{ revision }` within 2 seconds of any ballot, rating, comment or status change.",
          parameters: [
            evaluationId,
            {
              name: "lastEventId",
              in: "query",
              required: false,
              description: "The last event id seen, for clients that cannot send Last-Event-ID: a change since then is reported at once",
              schema: { type: "string" },
            },
          ],
          responses: { "200": { description: "An event stream", content: { "text/event-stream": { schema: text } } }, ...errors(401, 404) },
        },
      },
      "/evaluations/{id}/comments": {
        get: {
          operationId: "listComments",
          tags: ["Discussion"],
          summary: "The evaluation's discussion, as threads",
          parameters: [evaluationId],
          responses: {
            "200": {
              description: "Top-level comments with their replies",
              content: { "application/json": { schema: { type: "array", items: ref("Comment") } } },
            },
            ...errors(401, 404),
          },
        },
        post: {
          operationId: "addComment",
          tags: ["Discussion"],
          summary: "Comment on the evaluation, a criterion or an option, or reply in a thread",
          parameters: [evaluationId],
          requestBody: { required: true, content: json("CommentInput") },
          responses: { "201": { description: "The comment", content: json("Comment") }, ...errors(400, 401, 403, 404, 422) },
        },
      },
      "/evaluations/{id}/comments/{commentId}": {
        patch: {
          operationId: "editComment",
          tags: ["Discussion"],
          summary: "Edit one's own comment (shown as edited; the audit log keeps the old text)",
          parameters: [evaluationId, { name: "commentId", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: json("CommentEdit") },
          responses: { "200": { description: "The comment", content: json("Comment") }, ...errors(400, 401, 403, 404, 422) },
        },
        delete: {
          operationId: "deleteComment",
          tags: ["Discussion"],
          summary: "Delete a comment (its author, or a team owner or admin); replies stay",
          parameters: [evaluationId, { name: "commentId", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "Deleted",
              content: { "application/json": { schema: { type: "object", properties: { deleted: { type: "boolean" } } } } },
            },
            ...errors(401, 403, 404),
          },
        },
      },
      "/evaluations/{id}/scenarios": {
        get: {
          operationId: "listScenarios",
          tags: ["Scenarios"],
          summary: "Saved what-if scenarios, newest first",
          description:
            "Everyone's once the ballots are revealed or when the evaluation's visibility is open; while a blind vote is open (or in a blind draft) only the caller's own, since a scenario may be its creator's ballot.",
          parameters: [evaluationId],
          responses: {
            "200": {
              description: "The scenarios the caller may see",
              content: { "application/json": { schema: { type: "array", items: ref("Scenario") } } },
            },
            ...errors(401, 404),
          },
        },
        post: {
          operationId: "saveScenario",
          tags: ["Scenarios"],
          summary: "Save the caller's what-if weights under a name (members and above)",
          description:
            "Weights are whole points by criterion key adding up to 100; an unknown key is refused as `weights.<key>`. At most 50 per evaluation (409 beyond).",
          parameters: [evaluationId],
          requestBody: { required: true, content: json("ScenarioInput") },
          responses: { "201": { description: "The scenario", content: json("Scenario") }, ...errors(400, 401, 403, 404, 409, 413, 422) },
        },
      },
      "/evaluations/{id}/scenarios/{scenarioId}": {
        delete: {
          operationId: "deleteScenario",
          tags: ["Scenarios"],
          summary: "Delete a scenario (the member who saved it, or a team owner or admin)",
          parameters: [evaluationId, { name: "scenarioId", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "Deleted",
              content: { "application/json": { schema: { type: "object", properties: { deleted: { type: "boolean" } } } } },
            },
            ...errors(401, 403, 404),
          },
        },
      },
      "/notifications": {
        get: {
          operationId: "listNotifications",
          tags: ["Notifications"],
          summary: "The caller's notifications and unread count (`?count=1`: the count only)",
          parameters: [
            {
              name: "count",
              in: "query",
              required: false,
              description: "`1`: only the unread count",
              schema: { type: "string", enum: ["1"] },
            },
          ],
          responses: { "200": { description: "Notifications", content: json("NotificationList") }, ...errors(401) },
        },
      },
      "/notifications/read": {
        post: {
          operationId: "markNotificationsRead",
          tags: ["Notifications"],
          summary: "Mark notifications read: `{ ids }`, or all with `{}`",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { type: "object", properties: { ids: { type: "array", items: { type: "string" } } } } },
            },
          },
          responses: {
            "200": {
              description: "How many were marked",
              content: { "application/json": { schema: { type: "object", properties: { marked: { type: "integer" } } } } },
            },
            ...errors(400, 401, 422),
          },
        },
      },
      "/notifications/events": {
        get: {
          operationId: "streamNotificationEvents",
          tags: ["Notifications"],
          summary: "Live notifications for the caller (Server-Sent Events)",
          description:
            "`event: notification` (no data) as soon as a notification created for the caller commits; the client refetches its unread count.",
          responses: { "200": { description: "An event stream", content: { "text/event-stream": { schema: text } } }, ...errors(401) },
        },
      },
      ...recordPaths(),
      "/evaluations/{id}/integrity": {
        get: {
          operationId: "checkEvaluationIntegrity",
          tags: ["Decision records"],
          summary: "Whether the stored ballot chain and frozen record still match",
          parameters: [evaluationId],
          responses: { "200": { description: "The check", content: json("IntegrityReport") }, ...errors(401, 404) },
        },
      },
      "/records/verify": {
        post: {
          operationId: "verifyDecisionRecord",
          tags: ["Decision records"],
          summary: "Check an exported JSON record against the SHA-256 it carries",
          requestBody: { required: true, content: json("DecisionRecordUpload") },
          responses: {
            "200": { description: "`valid: false` when the content was changed after export", content: json("VerifyResult") },
            ...errors(400, 401, 422),
          },
        },
      },
      "/schemas/decision-record.json": {
        get: {
          operationId: "getDecisionRecordSchema",
          tags: ["Decision records"],
          summary: "JSON Schema (draft 2020-12) of an exported decision record",
          security: [],
          responses: { "200": { description: "The schema", content: { "application/schema+json": { schema: { type: "object" } } } } },
        },
      },
      "/health": {
        get: {
          operationId: "getHealth",
          tags: ["Meta"],
          summary: "Liveness: the server is up",
          description: 'Constant `{ status: "ok" }`; touches no database. `Cache-Control: no-store`.',
          security: [],
          responses: { "200": { description: "Alive", headers: noStore, content: json("Health") } },
        },
        post: {
          operationId: "postHealth",
          tags: ["Meta"],
          summary: "Liveness by POST (the bare-handler baseline of `npm run bench:http`)",
          description: "The same constant answer; any body is ignored.",
          security: [],
          responses: { "200": { description: "Alive", headers: noStore, content: json("Health") } },
        },
      },
      "/ready": {
        get: {
          operationId: "getReadiness",
          tags: ["Meta"],
          summary: "Readiness: the server and its database answer",
          description: "One cheap database read. `Cache-Control: no-store`.",
          security: [],
          responses: {
            "200": { description: "Ready", headers: noStore, content: json("Health") },
            "503": { description: "The database does not answer", headers: noStore, content: json("Unavailable") },
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["Meta"],
          summary: "This document",
          security: [],
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      schemas: Object.assign({}, ...Object.entries(SCHEMAS).map(([name, [schema, io]]) => componentsOf(name, schema, io))),
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (`tro_…`) from Settings or `cli token create`" },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "The browser session; mutations must come from the app's own origin",
        },
      },
    },
  };
}
