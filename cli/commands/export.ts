import { writeFileSync } from "node:fs";
import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { RECORD_FORMATS } from "@/lib/domain/record-formats";
import { parseOptions, type Command } from "../command";
import { requireMigratedDatabase } from "../migrate";

const ExportArgs = z.object({
  evaluation: z.string({ error: "--evaluation ID is required" }).min(1),
  format: z.enum(RECORD_FORMATS, { error: "--format must be md, json or csv" }),
  out: z.string().optional(),
  anonymise: z.boolean().optional(),
});

/** `export --evaluation ID --format md|json|csv [--out FILE]`: the decision record. */
const exportCommand: Command = async (args) => {
  const { values } = parseOptions(args, {
    evaluation: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    anonymise: { type: "boolean" },
  });
  const input = parseOrThrow(ExportArgs, values, "arguments");
  await requireMigratedDatabase();
  const { exportDecisionRecordAsOperator } = await import("@/lib/domain/records");
  // The CLI is the server's operator: it holds the database, so it impersonates no member.
  const { body } = await exportDecisionRecordAsOperator(input.evaluation, input.format, { anonymise: input.anonymise });
  if (input.out) writeFileSync(input.out, body);
  else process.stdout.write(body);
  return 0;
};

export default exportCommand;
