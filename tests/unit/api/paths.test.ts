// Every URL the browser builds (lib/api/paths.ts) names a route that exists under app/api/v1 and
// an operation the OpenAPI document describes, with each id in its own place and encoded.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiPaths, RECORD_FORMATS } from "@/lib/api/paths";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { RECORD_FILES } from "@/lib/http/params";

const API_ROOT = path.resolve(__dirname, "../../../app/api/v1");
/** Parameter folders that stand for a fixed set of names rather than an id. */
const ENUMERATED_SEGMENTS: Record<string, readonly string[]> = { "[record]": RECORD_FILES };

/** Every route folder under app/api/v1 as an OpenAPI-style template, e.g. /evaluations/{id}/comments. */
function routeTemplatesOnDisk(): Set<string> {
  const templates = new Set<string>();
  const walk = (dir: string, prefixes: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === "route.ts") for (const p of prefixes) templates.add(p);
      if (!entry.isDirectory()) continue;
      const names = ENUMERATED_SEGMENTS[entry.name] ?? [entry.name.replace(/^\[(\w+)\]$/, "{$1}")];
      walk(
        path.join(dir, entry.name),
        prefixes.flatMap((p) => names.map((n) => `${p}/${n}`)),
      );
    }
  };
  walk(API_ROOT, [""]);
  return templates;
}

type Method = "get" | "post" | "patch" | "delete";
interface Case {
  url: string;
  /** the route as app/api/v1 and the OpenAPI document name it */
  template: string;
  /** the value each template parameter must take, encoded */
  params: Record<string, string>;
  methods: Method[];
}

const E = "ev_1";
const CASES: Record<keyof typeof apiPaths, Case[]> = {
  evaluation: [{ url: apiPaths.evaluation(E), template: "/evaluations/{id}", params: { id: E }, methods: ["get"] }],
  evaluationEvents: [
    { url: apiPaths.evaluationEvents(E), template: "/evaluations/{id}/events", params: { id: E }, methods: ["get"] },
    { url: apiPaths.evaluationEvents(E, "7"), template: "/evaluations/{id}/events", params: { id: E }, methods: ["get"] },
  ],
  ballots: [{ url: apiPaths.ballots(E), template: "/evaluations/{id}/ballots", params: { id: E }, methods: ["post"] }],
  report: [{ url: apiPaths.report(E), template: "/evaluations/{id}/report", params: { id: E }, methods: ["get"] }],
  integrity: [{ url: apiPaths.integrity(E), template: "/evaluations/{id}/integrity", params: { id: E }, methods: ["get"] }],
  record: RECORD_FORMATS.map((format) => ({
    url: apiPaths.record(E, format, { anonymise: true }),
    template: `/evaluations/{id}/record.${format}`,
    params: { id: E },
    methods: ["get"],
  })),
  comments: [{ url: apiPaths.comments(E), template: "/evaluations/{id}/comments", params: { id: E }, methods: ["get", "post"] }],
  comment: [
    {
      url: apiPaths.comment(E, "cm_2"),
      template: "/evaluations/{id}/comments/{commentId}",
      params: { id: E, commentId: "cm_2" },
      methods: ["patch", "delete"],
    },
  ],
  scenarios: [{ url: apiPaths.scenarios(E), template: "/evaluations/{id}/scenarios", params: { id: E }, methods: ["get", "post"] }],
  scenario: [
    {
      url: apiPaths.scenario(E, "sc_3"),
      template: "/evaluations/{id}/scenarios/{scenarioId}",
      params: { id: E, scenarioId: "sc_3" },
      methods: ["delete"],
    },
  ],
  notifications: [
    { url: apiPaths.notifications(), template: "/notifications", params: {}, methods: ["get"] },
    { url: apiPaths.notifications({ countOnly: true }), template: "/notifications", params: {}, methods: ["get"] },
  ],
  notificationsRead: [{ url: apiPaths.notificationsRead(), template: "/notifications/read", params: {}, methods: ["post"] }],
  notificationEvents: [{ url: apiPaths.notificationEvents(), template: "/notifications/events", params: {}, methods: ["get"] }],
  verifyRecord: [{ url: apiPaths.verifyRecord(), template: "/records/verify", params: {}, methods: ["post"] }],
  importRecord: [
    { url: apiPaths.importRecord("tm_4"), template: "/teams/{teamId}/evaluations/import", params: { teamId: "tm_4" }, methods: ["post"] },
  ],
};

/** The part of a URL after /api/v1 and before any query. */
function routePath(url: string): string {
  expect(url.startsWith("/api/v1/")).toBe(true);
  return url.slice("/api/v1".length).split("?")[0];
}

const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);

describe("apiPaths", () => {
  const document = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const onDisk = routeTemplatesOnDisk();
  const cases = Object.values(CASES).flat();

  it("offers a record link for every record file a route serves", () => {
    expect(RECORD_FORMATS.map((format) => `record.${format}`).sort()).toEqual([...RECORD_FILES].sort());
  });

  it.each(cases.map((c) => [c.url, c] as const))("%s names a route folder under app/api/v1", (_url, c) => {
    expect(onDisk.has(c.template)).toBe(true);
    expect(routePath(c.url)).toBe(fill(c.template, c.params));
  });

  it.each(cases.map((c) => [c.url, c] as const))("%s is an operation of the OpenAPI document", (_url, c) => {
    const operations = document.paths[c.template];
    expect(operations).toBeDefined();
    for (const method of c.methods) expect(Object.keys(operations)).toContain(method);
  });

  it("encodes ids, so an id with / or ? stays one path segment", () => {
    const odd = "a/b?c=1#d";
    const encoded = encodeURIComponent(odd);
    expect(apiPaths.evaluation(odd)).toBe(`/api/v1/evaluations/${encoded}`);
    expect(apiPaths.comment(odd, odd)).toBe(`/api/v1/evaluations/${encoded}/comments/${encoded}`);
    expect(apiPaths.scenario(odd, odd)).toBe(`/api/v1/evaluations/${encoded}/scenarios/${encoded}`);
    expect(apiPaths.importRecord(odd)).toBe(`/api/v1/teams/${encoded}/evaluations/import`);
    expect(apiPaths.record(odd, "json")).toBe(`/api/v1/evaluations/${encoded}/record.json`);
    expect(encoded).not.toMatch(/[/?#]/);
  });

  it("builds the query strings the routes read", () => {
    expect(apiPaths.evaluationEvents(E)).toBe(`/api/v1/evaluations/${E}/events`);
    expect(apiPaths.evaluationEvents(E, "")).toBe(`/api/v1/evaluations/${E}/events`);
    expect(apiPaths.evaluationEvents(E, "12 3")).toBe(`/api/v1/evaluations/${E}/events?lastEventId=12%203`);
    expect(apiPaths.record(E, "md")).toBe(`/api/v1/evaluations/${E}/record.md`);
    expect(apiPaths.record(E, "csv", { layout: "wide" })).toBe(`/api/v1/evaluations/${E}/record.csv?layout=wide`);
    expect(apiPaths.record(E, "json", { anonymise: true })).toBe(`/api/v1/evaluations/${E}/record.json?anonymise=1`);
    expect(apiPaths.record(E, "json", { anonymise: false })).toBe(`/api/v1/evaluations/${E}/record.json`);
    expect(apiPaths.notifications()).toBe("/api/v1/notifications");
    expect(apiPaths.notifications({ countOnly: true })).toBe("/api/v1/notifications?count=1");
  });
});
