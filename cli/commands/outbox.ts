import { parseOptions, printJson, type Command } from "../command";
import { requireMigratedDatabase } from "../migrate";

/**
 * `outbox [--to EMAIL] [--limit N] [--json]`: the newest messages of the local mail outbox, where
 * email waits when SMTP_URL is not set (password reset links, notifications).
 */
const outbox: Command = async (args) => {
  const { values } = parseOptions(args, { to: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } });
  await requireMigratedDatabase();
  const { readOutbox } = await import("@/lib/mail/outbox");
  const limit = Math.min(Math.max(Number(values.limit ?? 10) || 10, 1), 200);
  const messages = await readOutbox({ to: values.to, limit });
  if (values.json) {
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
