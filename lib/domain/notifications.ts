import "server-only";
import { readNotificationPrefs } from "@/lib/json-columns";
import { z } from "zod";
import { db, sqlOf, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/authorize";
import { publishUserEvent } from "@/lib/live/publish";
import { parseOrThrow } from "@/lib/errors";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NotificationPrefsSchema } from "@/lib/validation/auth";

export { NOTIFICATION_KINDS };

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
const Channel = z.enum(NOTIFICATION_CHANNELS);
const Prefs = z.record(z.string(), Channel).catch({});

/**
 * How long a notification waits before it is emailed: the user's other notifications of the
 * next minutes join the same message (one digest, not one email per comment).
 */
export const EMAIL_BATCH_MS = 5 * 60_000;

interface NotificationEvent {
  kind: NotificationKind;
  /** one line, shown in the bell's list and as the email's line; never ballot data */
  title: string;
  /** path inside the app */
  url: string;
  teamId?: string;
  evaluationId?: string;
  actorId?: string;
  /** the event already sends its own email (an invitation): no digest line for it */
  ownEmail?: boolean;
}

/** Email for notifications needs a mail server: without one the local outbox is kept for links people wait for. */
function notificationEmailEnabled(): boolean {
  return !!process.env.SMTP_URL;
}

/**
 * Notifies users of an event, in the caller's transaction (so a notification exists exactly when
 * its event does). The actor is never told about their own action. Each user's preference per kind
 * decides the channels (default: both):
 * - in-app: an unread row, announced on the user's live channel (the bell updates on any page);
 * - email (when SMTP_URL is configured): the row gets `emailDueAt`, the due time of the user's
 *   pending batch if one is waiting or now + EMAIL_BATCH_MS; the digest job (lib/domain/digest.ts)
 *   sends each user's due rows as one message. An email-only row is stored already read.
 */
export async function notifyUsers(tx: Tx, userIds: string[], event: NotificationEvent): Promise<void> {
  const recipients = [...new Set(userIds)].filter((id) => id !== event.actorId);
  if (recipients.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: recipients }, deletedAt: null },
    select: { id: true, notificationPrefs: true },
  });
  const emailOn = notificationEmailEnabled();
  const now = new Date();
  for (const user of users) {
    const channel = Prefs.parse(readNotificationPrefs(user.notificationPrefs))[event.kind] ?? "both";
    const inApp = channel === "in_app" || channel === "both";
    const email = emailOn && !event.ownEmail && (channel === "email" || channel === "both");
    if (!inApp && !email) continue;
    await tx.notification.create({
      data: {
        userId: user.id,
        kind: event.kind,
        title: event.title,
        url: event.url,
        teamId: event.teamId,
        evaluationId: event.evaluationId,
        actorId: event.actorId,
        readAt: inApp ? null : now,
        emailDueAt: email ? await batchDueAt(tx, user.id, now) : null,
      },
    });
    if (inApp) await publishUserEvent(sqlOf(tx), user.id);
  }
}

/** The due time of the user's email batch still waiting, or a new batch's. */
async function batchDueAt(tx: Tx, userId: string, now: Date): Promise<Date> {
  const pending = await tx.notification.findFirst({
    where: { userId, emailedAt: null, emailDueAt: { not: null } },
    orderBy: { emailDueAt: "asc" },
    select: { emailDueAt: true },
  });
  return pending?.emailDueAt ?? new Date(now.getTime() + EMAIL_BATCH_MS);
}

/** Notifies every member of the evaluation's team (except the actor) about a workflow event. */
export async function notifyEvaluationMembers(
  tx: Tx,
  input: { evaluationId: string; actorId: string; kind: NotificationKind; title: (evaluationTitle: string) => string },
): Promise<void> {
  const evaluation = await tx.evaluation.findUniqueOrThrow({
    where: { id: input.evaluationId },
    select: { title: true, teamId: true, team: { select: { memberships: { select: { userId: true } } } } },
  });
  await notifyUsers(
    tx,
    evaluation.team.memberships.map((m) => m.userId),
    {
      kind: input.kind,
      title: input.title(evaluation.title),
      url: `/evaluations/${input.evaluationId}`,
      teamId: evaluation.teamId,
      evaluationId: input.evaluationId,
      actorId: input.actorId,
    },
  );
}

export async function listNotifications(actor: Actor, take = 50) {
  return db.notification.findMany({
    where: { userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, title: true, url: true, createdAt: true, readAt: true },
  });
}

export async function unreadNotificationCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

/** Marks the actor's notifications read: the given ones, or all of them. */
export async function markNotificationsRead(actor: Actor, ids?: string[]): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return result.count;
}

/** The user's channel per kind, defaults filled in. */
export async function getNotificationPrefs(actor: Actor) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { notificationPrefs: true } });
  return NotificationPrefsSchema.parse(Prefs.parse(readNotificationPrefs(user.notificationPrefs)));
}

export async function updateNotificationPrefs(actor: Actor, input: unknown) {
  const prefs = parseOrThrow(NotificationPrefsSchema, input, "notification settings");
  await db.user.update({ where: { id: actor.userId }, data: { notificationPrefs: JSON.stringify(prefs) } });
  return prefs;
}
