import { z } from "zod";
import { idSchema } from "@/lib/validation/team";
import type { RecordFormat } from "@/lib/domain/record-formats";

// Route parameter schemas, shared by every route with the same segment names.
export const EvaluationParams = z.object({ id: idSchema });
export const TeamParams = z.object({ teamId: idSchema });

/**
 * `/evaluations/{id}/record.md|json|csv`: App Router folders cannot hold a literal suffix after a
 * parameter, so the last segment is a parameter limited to these names; anything else is a 404.
 */
export const RECORD_FILES = ["record.md", "record.json", "record.csv"] as const;
export const RecordParams = EvaluationParams.extend({ record: z.enum(RECORD_FILES) });

export function recordFormatOf(file: (typeof RECORD_FILES)[number]): RecordFormat {
  return file.slice("record.".length) as RecordFormat;
}

/** "1" or "true" turns a query flag on; anything else (or nothing) leaves it off. */
const queryFlag = z
  .enum(["1", "0", "true", "false"], { error: "Use 1 or 0" })
  .optional()
  .transform((value) => value === "1" || value === "true");

/** `layout=wide`: the CSV as one row per option, one column per criterion (default: the long layout). */
export const RecordQuery = z.object({
  anonymise: queryFlag,
  inline: queryFlag,
  layout: z.enum(["long", "wide"], { error: "Use long or wide" }).optional(),
});

/** For routes without parameters; Next may pass no params object at all. */
export const NoParams = z.object({}).default({});
