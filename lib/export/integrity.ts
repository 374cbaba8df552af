import { AppError, parseOrThrow } from "@/lib/errors";
import { canonicalJson, sha256Hex, sortKeysDeep } from "./canonical";
import { decisionRecordSchema, exportedDecisionRecordSchema, type DecisionRecord, type ExportedDecisionRecord } from "./record-schema";

// Integrity of an exported record: the file carries the SHA-256 of the canonical JSON of
// everything except the `integrity` field itself, so anyone can recompute it with standard tools.

export interface SealedRecord {
  /** canonical JSON of the record without integrity: what DecisionSnapshot.canonical stores */
  canonical: string;
  sha256: string;
  exported: ExportedDecisionRecord;
}

/** Validates the record and computes its hash; throws AppError("invalid") naming bad fields. */
export function sealRecord(record: DecisionRecord): SealedRecord {
  const valid = parseOrThrow(decisionRecordSchema, record, "decision record");
  const canonical = canonicalJson(valid);
  const sha256 = sha256Hex(canonical);
  return { canonical, sha256, exported: { ...valid, integrity: { algorithm: "sha256", sha256 } } };
}

/** The SHA-256 a record's export carries. */
export function recordSha256(record: DecisionRecord): string {
  return sealRecord(record).sha256;
}

/**
 * The JSON export's text: keys sorted (so the same record always gives the same bytes), indented
 * for people reading it, ending in a newline.
 */
export function formatRecordJson(record: DecisionRecord): string {
  return JSON.stringify(sortKeysDeep(sealRecord(record).exported), null, 2) + "\n";
}

export interface VerifyResult {
  valid: boolean;
  /** the hash of the content as it is now */
  sha256: string;
  reason?: string;
}

/**
 * Checks an exported record (already JSON.parse'd). A well-formed record whose content no longer
 * matches its stated hash is `valid: false`; a malformed one throws AppError("invalid") naming the
 * field. The hash covers the content exactly as given, unknown fields included, so adding a field
 * is detected as tampering too.
 */
export function verifyRecord(json: unknown): VerifyResult {
  const exported = parseOrThrow(exportedDecisionRecordSchema, json, "decision record");
  const { integrity: _integrity, ...content } = json as Record<string, unknown>;
  const sha256 = sha256Hex(canonicalJson(content));
  if (sha256 === exported.integrity.sha256) return { valid: true, sha256 };
  return {
    valid: false,
    sha256,
    reason: `integrity.sha256 is ${exported.integrity.sha256} but the content hashes to ${sha256}: the record was changed after export`,
  };
}

/** Reads a stored snapshot's canonical JSON back into a record (for re-exporting it unchanged). */
export function recordFromCanonical(canonical: string): DecisionRecord {
  let json: unknown;
  try {
    json = JSON.parse(canonical);
  } catch (error) {
    throw new AppError("invalid", `Stored decision record is not JSON: ${(error as Error).message}`);
  }
  return parseOrThrow(decisionRecordSchema, json, "stored decision record");
}
