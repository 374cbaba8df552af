// The decision-record library: build a record from an evaluation's rows, seal and verify it,
// render it as JSON, MADR Markdown or CSV, and read it back for import.
// Server-side: hashing uses node:crypto. Browser code imports ./sensitivity directly.
import "server-only";

export { buildDecisionRecord, type RecordSource } from "./build-record";
export {
  GENESIS_HASH,
  chainRevisions,
  nextRevisionLink,
  revisionHash,
  verifyChain,
  type ChainVerdict,
  type RevisionFields,
  type StoredRevision,
} from "./ballot-chain";
export { canonicalJson, sha256Hex } from "./canonical";
export { renderCsv, renderWideCsv } from "./csv";
export { NOT_CARRIED_OVER, parseImportedRecord, toEvaluationDraft, type EvaluationDraft } from "./import";
export {
  formatRecordJson,
  recordFromCanonical,
  recordSha256,
  sealRecord,
  verifyRecord,
  type SealedRecord,
  type VerifyResult,
} from "./integrity";
export { renderMadr } from "./madr";
export {
  DECISION_RECORD_SCHEMA_VERSION,
  decisionRecordJsonSchema,
  decisionRecordSchema,
  exportedDecisionRecordSchema,
  type DecisionRecord,
  type ExportedDecisionRecord,
} from "./record-schema";
