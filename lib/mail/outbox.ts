import "server-only";
import nodemailer from "nodemailer";
import { db, type Tx } from "@/lib/db/client";
import type { MailContent } from "@/lib/mail/templates";

/**
 * Email goes through an outbox table: a message is written in the same transaction as the event
 * that causes it, then delivered over SMTP when SMTP_URL is set (smtp://user:pass@host:port, or
 * smtps://). With no SMTP configured (the embedded default), messages stay in the outbox and the
 * server log says how to read them: `npm run -s cli -- outbox`.
 */
export async function enqueueMail(tx: Tx, to: string, content: MailContent): Promise<void> {
  await tx.outboxMessage.create({ data: { to, subject: content.subject, text: content.text, html: content.html } });
}

const FROM = () => process.env.MAIL_FROM ?? "Tradeoff <no-reply@tradeoff.local>";
const MAX_ATTEMPTS = 5;
let running: Promise<void> | null = null;
/** a call arrived while a pass was running: the pass may have read the outbox before its message */
let again = false;

/**
 * Sends what is waiting (call after the transaction commits); never throws. Without SMTP it only
 * points the server log at the outbox, when `announce` is set (a message a person is waiting for).
 * One pass at a time per process; a call during a pass makes it run once more when it ends, so a
 * message committed meanwhile is not left for the next trigger.
 */
export function deliverOutbox(options: { announce?: boolean } = {}): Promise<void> {
  if (!process.env.SMTP_URL) return options.announce ? announceOutbox() : Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await deliver().catch((error: unknown) => console.warn("[mail] delivery failed:", (error as Error).message));
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function announceOutbox(): Promise<void> {
  {
    const waiting = await db.outboxMessage.count({ where: { sentAt: null } });
    if (waiting > 0)
      console.info(`[mail] SMTP_URL is not set: ${waiting} message(s) in the local outbox. Read them with: npm run -s cli -- outbox`);
  }
}

async function deliver(): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) return; // unset since the pass was asked for (tests do this): nothing to deliver to
  const transport = nodemailer.createTransport(url);
  const pending = await db.outboxMessage.findMany({
    where: { sentAt: null, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  for (const message of pending) {
    // Claim the message before sending: with several instances delivering at once, only the one
    // whose conditional update matched sends it (attempts acts as the claim's version).
    const claimed = await db.outboxMessage.updateMany({
      where: { id: message.id, sentAt: null, attempts: message.attempts },
      data: { attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    try {
      await transport.sendMail({ from: FROM(), to: message.to, subject: message.subject, text: message.text, html: message.html });
      await db.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date() } });
    } catch (error) {
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { lastError: String((error as Error).message ?? error).slice(0, 500) },
      });
      console.warn(`[mail] could not send to ${message.to}: ${(error as Error).message}`);
    }
  }
  transport.close();
}

/** The newest messages in the outbox, for `cli outbox` and tests. */
export async function readOutbox(options: { to?: string; limit?: number } = {}) {
  return db.outboxMessage.findMany({
    where: options.to ? { to: options.to.trim().toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 20,
    select: { id: true, to: true, subject: true, text: true, createdAt: true, sentAt: true },
  });
}
