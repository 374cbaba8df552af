// Playwright global setup: a real SMTP server (smtp-server), in the test runner's process, that the
// e2e app server sends to (SMTP_URL in playwright.config.ts). Each message it receives is written
// to MAILBOX_DIR as one file, so specs (in worker processes) read what was actually delivered over
// SMTP: tests/e2e/mailbox.ts.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { MAILBOX_DIR, SMTP_PORT } from "../../playwright.config";

export default async function startMailServer(): Promise<() => Promise<void>> {
  rmSync(MAILBOX_DIR, { recursive: true, force: true });
  mkdirSync(MAILBOX_DIR, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(",");
        const name = `${String(++received).padStart(5, "0")}.json`;
        writeFileSync(path.join(MAILBOX_DIR, name), JSON.stringify({ to, raw: Buffer.concat(chunks).toString("utf8") }));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(SMTP_PORT, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
