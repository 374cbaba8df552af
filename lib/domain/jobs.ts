import "server-only";
import { sendDeadlineReminders } from "@/lib/domain/reminders";
import { sendEmailDigests } from "@/lib/domain/digest";
import { deliverOutbox } from "@/lib/mail/outbox";

/**
 * One round of the periodic jobs every server process runs (instrumentation.ts): voting-deadline
 * reminders, email digests, then delivery of the outbox (what those queued, and retries of mail
 * that failed before). Each job is safe to run on several instances at once; one failing does
 * not stop the others, and nothing here throws.
 */
export async function runBackgroundJobs(now = new Date()): Promise<void> {
  for (const [name, job] of [
    ["deadline reminders", () => sendDeadlineReminders(now)],
    ["email digests", () => sendEmailDigests(now)],
  ] as const) {
    try {
      await job();
    } catch (error) {
      console.warn(`[jobs] ${name} failed:`, (error as Error).message);
    }
  }
  await deliverOutbox();
}
