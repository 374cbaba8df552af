import { z } from "zod";

export const IMPORT_MODES = ["draft", "archive"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * `POST /api/v1/teams/{teamId}/evaluations/import`. The record itself is checked by
 * parseImportedRecord (lib/export), whose field errors name paths inside the record file.
 */
export const ImportRecordRequestSchema = z.object({
  mode: z.enum(IMPORT_MODES, { error: "mode must be draft or archive" }).default("draft"),
  record: z.unknown().refine((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
    message: "record must be the JSON object of an exported decision record",
  }),
});

const skippedBallot = z.object({
  voter: z.string(),
  round: z.int(),
  reason: z.string(),
});

export const ImportRecordResultSchema = z.object({
  evaluationId: z.string(),
  mode: z.enum(IMPORT_MODES),
  status: z.enum(["draft", "decided"]),
  ballots: z.object({ imported: z.int().min(0), skipped: z.array(skippedBallot) }),
});
export type ImportRecordResult = z.infer<typeof ImportRecordResultSchema>;
