import "server-only";
import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/mail/outbox";
import { appUrl } from "@/lib/mail/app-url";
import { notificationDigestMail } from "@/lib/mail/templates";

/** The most notifications one digest lists; the rest wait for the next run. */
const DIGEST_MAX_ITEMS = 50;
/** Users served per run: a backlog drains over a few runs instead of one long one. */
const USERS_PER_RUN = 100;

/**
 * Sends each user's due email notifications (emailDueAt reached, not yet emailed) as ONE message
 * through the outbox, and returns how many messages it queued. Safe to run on every instance at
 * once: each row is claimed by a conditional update (`emailedAt IS NULL`) in the transaction that
 * queues the message, so a row is mailed by exactly one run, and a run that fails sends nothing.
 * Deliver the outbox afterwards (deliverOutbox).
 */
export async function sendEmailDigests(now = new Date()): Promise<number> {
  const due = await db.notification.findMany({
    where: { emailedAt: null, emailDueAt: { lte: now } },
    distinct: ["userId"],
    select: { userId: true },
    take: USERS_PER_RUN,
  });
  let sent = 0;
  for (const { userId } of due) {
    if (await sendDigest(userId, now)) sent += 1;
  }
  return sent;
}

async function sendDigest(userId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, deletedAt: true } });
    const rows = await tx.notification.findMany({
      where: { userId, emailedAt: null, emailDueAt: { lte: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, url: true },
      take: DIGEST_MAX_ITEMS,
    });
    const claimed: typeof rows = [];
    for (const row of rows) {
      // Another instance's run may have claimed it since the read: only a row still unclaimed here is ours.
      const claim = await tx.notification.updateMany({ where: { id: row.id, emailedAt: null }, data: { emailedAt: now } });
      if (claim.count === 1) claimed.push(row);
    }
    if (claimed.length === 0 || !user || user.deletedAt) return false;
    await enqueueMail(
      tx,
      user.email,
      notificationDigestMail({
        items: claimed.map((row) => ({ title: row.title, url: appUrl(row.url) })),
        settingsUrl: appUrl("/settings"),
      }),
    );
    return true;
  });
}
