import { describe, expect, it } from "vitest";
import { decisionRecordJsonSchema, decisionRecordSchema, exportedDecisionRecordSchema } from "@/lib/export/record-schema";
import { formatRecordJson } from "@/lib/export/integrity";
import { decidedRecord, djangoFlaskSource } from "./fixtures";

describe("DecisionRecord schema", () => {
  it("accepts the fixture record", () => {
    expect(decisionRecordSchema.safeParse(decidedRecord()).success).toBe(true);
  });

  it("rejects references to options and criteria the record does not list", () => {
    const record = decidedRecord();
    const bad = {
      ...record,
      ratings: [{ ...record.ratings[0], option: "rails" }, ...record.ratings.slice(1)],
      decision: { ...record.decision!, option: "express" },
      weights: { ...record.weights, speed: 0 },
    };
    const result = decisionRecordSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["ratings.0.option", "decision.option", "weights.speed"]));
  });

  it("rejects another schema version and link schemes other than http(s)", () => {
    expect(decisionRecordSchema.safeParse({ ...decidedRecord(), schemaVersion: 2 }).success).toBe(false);
    expect(decisionRecordSchema.safeParse({ ...decidedRecord(), url: "javascript:alert(1)" }).success).toBe(false);
  });
});

describe("decisionRecordJsonSchema", () => {
  const schema = decisionRecordJsonSchema() as {
    $schema: string;
    title: string;
    required: string[];
    properties: Record<string, { const?: unknown; type?: string }>;
  };

  it("is JSON Schema draft 2020-12 of the exported file", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.schemaVersion.const).toBe(1);
    expect(schema.required).toEqual(expect.arrayContaining(["schemaVersion", "evaluation", "ballots", "report", "integrity"]));
    expect(schema.title).toMatch(/version 1/);
  });

  it("survives JSON serialisation, as it is served over HTTP", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it("describes what the exported file holds", () => {
    // Every optional part present: an imported evaluation's record carries `imported`.
    const source = djangoFlaskSource();
    const imported = { sha256: "a".repeat(64), at: new Date("2026-04-01T08:00:00.000Z"), byId: "u-grace" };
    const exported = JSON.parse(formatRecordJson(decidedRecord({ evaluation: { ...source.evaluation, imported } })));
    expect(exportedDecisionRecordSchema.safeParse(exported).success).toBe(true);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(exported).sort());
  });
});
