import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "@/lib/export/canonical";
import { formatRecordJson, recordFromCanonical, sealRecord, verifyRecord } from "@/lib/export/integrity";
import { AppError } from "@/lib/errors";
import { decidedRecord } from "./fixtures";

const exportedJson = () => JSON.parse(formatRecordJson(decidedRecord()));

describe("record integrity", () => {
  it("exports the same bytes for the same record, however often and from whichever build", () => {
    const first = formatRecordJson(decidedRecord());
    expect(formatRecordJson(decidedRecord())).toBe(first);
    expect(formatRecordJson(recordFromCanonical(sealRecord(decidedRecord()).canonical))).toBe(first);
  });

  it("stamps the decision time, not the export time", () => {
    const json = exportedJson();
    expect(json.generatedAt).toBe("2026-03-12T10:30:00.000Z");
  });

  it("hashes the canonical JSON of everything but the integrity field", () => {
    const { integrity, ...content } = exportedJson();
    expect(integrity).toEqual({ algorithm: "sha256", sha256: sha256Hex(canonicalJson(content)) });
    expect(sealRecord(decidedRecord()).sha256).toBe(integrity.sha256);
  });

  it("verifies an untouched export", () => {
    const json = exportedJson();
    expect(verifyRecord(json)).toEqual({ valid: true, sha256: json.integrity.sha256 });
  });

  it("fails after one ballot weight changes", () => {
    const json = exportedJson();
    json.ballots[0].weights.security += 1;
    const result = verifyRecord(json);
    expect(result.valid).toBe(false);
    expect(result.sha256).not.toBe(json.integrity.sha256);
    expect(result.reason).toMatch(/changed after export/);
  });

  it("fails when a field is added or the stated hash is replaced", () => {
    expect(verifyRecord({ ...exportedJson(), note: "added later" }).valid).toBe(false);
    const json = exportedJson();
    expect(verifyRecord({ ...json, integrity: { algorithm: "sha256", sha256: "0".repeat(64) } }).valid).toBe(false);
  });

  it("rejects a malformed record with an error naming the field", () => {
    const json = exportedJson();
    json.ratings[0].score = 11;
    delete json.integrity;
    let error: unknown;
    try {
      verifyRecord(json);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    expect(Object.keys((error as AppError).fields!)).toEqual(["ratings.0.score", "integrity"]);
    expect(() => verifyRecord("not a record")).toThrow(AppError);
  });
});
