// Every /api/v1 URL the browser asks for, built in one place, so a route that moves is changed
// here and nowhere else (tests/unit/api/paths.test.ts checks each against app/api/v1 and the
// OpenAPI document). Ids are encoded: a stray "/" or "?" cannot reach another route.

const API = "/api/v1";

/** The decision record's file formats: `…/record.md|json|csv`. */
export const RECORD_FORMATS = ["md", "json", "csv"] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export interface RecordOptions {
  /** voters as Voter 1, Voter 2, … without emails */
  anonymise?: boolean;
  /** CSV only: one row per option (the default, long, is one row per value) */
  layout?: "long" | "wide";
}

const segment = (id: string) => encodeURIComponent(id);
const evaluation = (id: string) => `${API}/evaluations/${segment(id)}`;

/** `?a=1&b=2` from the entries that are set, or "" when none is. */
function queryString(params: Record<string, string | undefined>): string {
  const set = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "");
  return set.length === 0 ? "" : `?${set.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&")}`;
}

export const apiPaths = {
  evaluation,
  /**
   * The evaluation's Server-Sent Events. `lastEventId` is for a stream reopened after the browser
   * gave up on one (it sends Last-Event-ID itself only while it retries on its own).
   */
  evaluationEvents: (id: string, lastEventId?: string) => `${evaluation(id)}/events${queryString({ lastEventId })}`,
  ballots: (id: string) => `${evaluation(id)}/ballots`,
  report: (id: string) => `${evaluation(id)}/report`,
  integrity: (id: string) => `${evaluation(id)}/integrity`,
  /** A download link: the record as decided, in one format. */
  record: (id: string, format: RecordFormat, options: RecordOptions = {}) =>
    `${evaluation(id)}/record.${format}${queryString({ layout: options.layout, anonymise: options.anonymise ? "1" : undefined })}`,
  comments: (id: string) => `${evaluation(id)}/comments`,
  comment: (id: string, commentId: string) => `${evaluation(id)}/comments/${segment(commentId)}`,
  scenarios: (id: string) => `${evaluation(id)}/scenarios`,
  scenario: (id: string, scenarioId: string) => `${evaluation(id)}/scenarios/${segment(scenarioId)}`,
  /** `countOnly`: the unread count without the list (the header's bell). */
  notifications: (query: { countOnly?: boolean } = {}) =>
    `${API}/notifications${queryString({ count: query.countOnly ? "1" : undefined })}`,
  notificationsRead: () => `${API}/notifications/read`,
  notificationEvents: () => `${API}/notifications/events`,
  verifyRecord: () => `${API}/records/verify`,
  importRecord: (teamId: string) => `${API}/teams/${segment(teamId)}/evaluations/import`,
} as const;
