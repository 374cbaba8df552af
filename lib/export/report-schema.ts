import { z } from "zod";
import type { EngineReport } from "@/lib/engine/types";

// The engine report as a zod schema, so an imported or verified record's report is checked like
// any other input. It mirrors lib/engine/types.ts; `satisfies` below makes the compiler fail if
// the two drift apart.

const unitInterval = z.number().min(0).max(1);

const rankingEntry = z.object({
  option: z.string().min(1),
  score: z.number().min(0).max(10),
  rank: z.int().min(1),
  /** null when the report had no ballots to sample around (issue 14) */
  winProbability: unitInterval.nullable(),
});

const sensitivityEntry = z.object({
  criterion: z.string().min(1),
  weight: unitInterval,
  flipAt: unitInterval.nullable(),
  newLeader: z.string().min(1).nullable(),
});

export const engineReportSchema = z.object({
  weights: z.record(z.string(), unitInterval),
  ranking: z.array(rankingEntry),
  consensus: z.object({
    /** null with fewer than two ballots (issue 14) */
    overall: unitInterval.nullable(),
    byCriterion: z.record(z.string(), unitInterval),
    mostContested: z.array(z.string()),
    disagreementShare: z.record(z.string(), unitInterval).optional(),
    contestedBelow: unitInterval.optional(),
  }),
  sensitivity: z.array(sensitivityEntry),
  consistency: z.record(z.string(), z.number().min(0)),
}) satisfies z.ZodType<EngineReport>;

/**
 * The report as the API serves it: the above plus the ballots the engine left out (voter id and
 * reason). Deliberately not part of the decision record's report: its voters are internal ids,
 * which an anonymised record must not carry, and the record lists every ballot anyway.
 */
export const liveEngineReportSchema = engineReportSchema.extend({
  excludedBallots: z
    .array(z.object({ voter: z.string().min(1), reason: z.string().min(1) }))
    .optional()
    .meta({ description: "ballots left out because they cannot be scored, with why; empty when every ballot counted" }),
}) satisfies z.ZodType<EngineReport>;
