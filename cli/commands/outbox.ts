import { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import { parseOptions, printJson, type Command } from "../command";
import { requireMigratedDatabase } from "../migrate";

/**
 * `outbox [--to EMAIL] [--limit N] [--json]`: the newest messages of the local mail outbox, where
 * email waits when SMTP_URL is not set (password reset links, notifications).
 */
const OutboxArgs = z.object({
  to: z.email({ error: "--to must be an email address" }).optional(),
  limit: z.coerce.number({ error: "--limit must be a number" }).int("--limit must be a whole number").min(1).max(200).default(10),
  json: z.boolean().optional(),
});

const outbox: Command = async (args) => {
  const { values } = parseOptions(args, { to: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } });
  const input = parseOrThrow(OutboxArgs, values, "arguments");
  await requireMigratedDatabase();
  const { readOutbox } = await import("@/lib/mail/outbox");
  const messages = await readOutbox({ to: input.to, limit: input.limit });
  if (input.json) {
    printJson({ messages });
    return 0;
  }
  if (messages.length === 0) process.stdout.write("The outbox is empty.\n");
  for (const m of messages) {
    process.stdout.write(`── ${m.createdAt.toISOString()} to ${m.to}${m.sentAt ? " (sent)" : ""}\nSubject: ${m.subject}\n\n${m.text}\n\n`);
  }
  return 0;
};

export default outbox;
