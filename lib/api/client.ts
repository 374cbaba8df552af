import type { z } from "zod";
import { fetchJson } from "@/lib/api/fetch-json";
import { apiPaths } from "@/lib/api/paths";
import type { EvaluationView } from "@/lib/api/evaluation-view";
import type {
  CommentNodeSchema,
  DeletedSchema,
  IntegrityReportSchema,
  MarkedReadSchema,
  NotificationListSchema,
  ScenarioSchema,
  StoredBallotSchema,
  VerifyResultSchema,
} from "@/lib/api/schemas";
import type { BallotInput } from "@/lib/validation/ballot";
import type { CommentEditSchema, CommentInput } from "@/lib/validation/comment";
import type { ImportRecordRequestSchema, ImportRecordResult } from "@/lib/validation/import-record";
import type { ScenarioInput } from "@/lib/validation/scenario";

// The browser's calls to /api/v1, one function each, typed by the response schemas the OpenAPI
// document is built from. Components and hooks call these rather than fetch, so a request's URL,
// method and body live here only. A refusal throws ApiError (lib/api/fetch-json.ts).

export type StoredBallot = z.infer<typeof StoredBallotSchema>;
export type CommentNode = z.infer<typeof CommentNodeSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type IntegrityReport = z.infer<typeof IntegrityReportSchema>;
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
export type NotificationList = z.infer<typeof NotificationListSchema>;
export type Deleted = z.infer<typeof DeletedSchema>;
export type MarkedRead = z.infer<typeof MarkedReadSchema>;
export type CommentEdit = z.input<typeof CommentEditSchema>;
export type ImportRecordRequest = z.input<typeof ImportRecordRequestSchema>;

export const getEvaluation = (evaluationId: string) => fetchJson<EvaluationView>(apiPaths.evaluation(evaluationId));

export const castBallot = (evaluationId: string, ballot: BallotInput) =>
  fetchJson<StoredBallot>(apiPaths.ballots(evaluationId), { method: "POST", body: ballot });

export const listComments = (evaluationId: string) => fetchJson<CommentNode[]>(apiPaths.comments(evaluationId));

export const addComment = (evaluationId: string, input: CommentInput) =>
  fetchJson<CommentNode>(apiPaths.comments(evaluationId), { method: "POST", body: input });

export const editComment = (evaluationId: string, commentId: string, edit: CommentEdit) =>
  fetchJson<CommentNode>(apiPaths.comment(evaluationId, commentId), { method: "PATCH", body: edit });

export const deleteComment = (evaluationId: string, commentId: string) =>
  fetchJson<Deleted>(apiPaths.comment(evaluationId, commentId), { method: "DELETE" });

export const listScenarios = (evaluationId: string) => fetchJson<Scenario[]>(apiPaths.scenarios(evaluationId));

export const saveScenario = (evaluationId: string, input: ScenarioInput) =>
  fetchJson<Scenario>(apiPaths.scenarios(evaluationId), { method: "POST", body: input });

export const deleteScenario = (evaluationId: string, scenarioId: string) =>
  fetchJson<Deleted>(apiPaths.scenario(evaluationId, scenarioId), { method: "DELETE" });

export const getIntegrity = (evaluationId: string) => fetchJson<IntegrityReport>(apiPaths.integrity(evaluationId));

/** Whether an exported JSON record still matches the SHA-256 it carries; the record is sent as read. */
export const verifyRecord = (record: unknown) => fetchJson<VerifyResult>(apiPaths.verifyRecord(), { method: "POST", body: record });

export const importRecord = (teamId: string, request: ImportRecordRequest) =>
  fetchJson<ImportRecordResult>(apiPaths.importRecord(teamId), { method: "POST", body: request });

/** The caller's unread count alone; past the HTTP cache, since the bell polls it. */
export async function getUnreadNotificationCount(): Promise<number> {
  const { unread } = await fetchJson<NotificationList>(apiPaths.notifications({ countOnly: true }), { cache: "no-store" });
  return unread;
}

/** Marks the given notifications read, or all of them without ids. */
export const markNotificationsRead = (ids?: string[]) =>
  fetchJson<MarkedRead>(apiPaths.notificationsRead(), { method: "POST", body: ids ? { ids } : {} });
