import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { parseOptions, printJson, UsageError, type Command } from "../command";
import { requireMigratedDatabase } from "../migrate";

const TokenArgs = z.object({
  email: z.email({ error: "--email must be an email address" }),
  name: z.string().trim().min(1).max(60).default("CLI"),
});

/** `token create --email EMAIL [--name NAME]`: prints `{ token }`, shown once. */
const token: Command = async (args) => {
  const [sub, ...rest] = args;
  if (sub !== "create") throw new UsageError("usage: token create --email EMAIL [--name NAME]");
  const { values } = parseOptions(rest, { email: { type: "string" }, name: { type: "string" } });
  const input = parseOrThrow(TokenArgs, values, "arguments");
  await requireMigratedDatabase();
  const { createApiTokenForEmail } = await import("@/lib/domain/api-tokens");
  const { AppError } = await import("@/lib/errors");
  const created = await createApiTokenForEmail(input.email, { name: input.name }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") throw new UsageError(`no user with email ${input.email}`);
    throw error;
  });
  printJson({ token: created.token });
  return 0;
};

export default token;
