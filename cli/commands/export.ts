import { writeFileSync } from "node:fs";
import { z } from "zod";
import { AppError, parseOrThrow } from "@/lib/errors";
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
  const { db } = await import("@/lib/db/client");
  const { exportDecisionRecord } = await import("@/lib/domain/records");
  // The CLI runs with the machine's own access: it acts as an owner of the evaluation's team.
  const evaluation = await db.evaluation.findUnique({ where: { id: input.evaluation }, select: { teamId: true } });
  if (!evaluation) throw new AppError("not_found", `No evaluation with id ${input.evaluation}`);
  const owner = await db.membership.findFirst({ where: { teamId: evaluation.teamId, role: "owner" }, select: { userId: true } });
  const { body } = await exportDecisionRecord({ userId: owner?.userId ?? "" }, input.evaluation, input.format, {
    anonymise: input.anonymise,
  });
  if (input.out) writeFileSync(input.out, body);
  else process.stdout.write(body);
  return 0;
};

export default exportCommand;
