import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/authorize";
import { enqueueMail } from "@/lib/mail/outbox";
import { appUrl } from "@/lib/mail/app-url";
import { simpleMessage } from "@/lib/mail/templates";
import { parseOrThrow } from "@/lib/errors";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NotificationPrefsSchema } from "@/lib/validation/auth";

export { NOTIFICATION_KINDS };

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
const Channel = z.enum(NOTIFICATION_CHANNELS);
const Prefs = z.record(z.string(), Channel).catch({});

interface NotificationEvent {
  kind: NotificationKind;
  /** one line, shown in the bell's list and as the email subject */
  title: string;
  /** path inside the app */
  url: string;
  teamId?: string;
  evaluationId?: string;
  actorId?: string;
}

/**
 * Notifies users of an event, in the caller's transaction (so a notification exists exactly when
 * its event does). The actor is never told about their own action. Each user's preference per kind
 * decides the channels (default: in-app, and email too when SMTP_URL is configured); email goes
 * through the outbox, delivered after commit by the outbox worker.
 */
export async function notifyUsers(tx: Tx, userIds: string[], event: NotificationEvent): Promise<void> {
  const recipients = [...new Set(userIds)].filter((id) => id !== event.actorId);
  if (recipients.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: recipients }, deletedAt: null },
    select: { id: true, email: true, notificationPrefs: true },
  });
  const emailOn = !!process.env.SMTP_URL;
  for (const user of users) {
    const channel = Prefs.parse(safeJson(user.notificationPrefs))[event.kind] ?? "both";
    if (channel === "in_app" || channel === "both") {
      await tx.notification.create({
        data: { userId: user.id, kind: event.kind, title: event.title, url: event.url, teamId: event.teamId, evaluationId: event.evaluationId, actorId: event.actorId },
      });
    }
    if (emailOn && (channel === "email" || channel === "both")) {
      await enqueueMail(
        tx,
        user.email,
        simpleMessage({
          subject: event.title,
          paragraphs: [event.title],
          action: { label: "Open in Tradeoff", url: appUrl(event.url) },
          footer: "You can choose which notifications you get by email in your Tradeoff settings.",
        }),
      );
    }
  }
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
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
  return NotificationPrefsSchema.parse(Prefs.parse(safeJson(user.notificationPrefs)));
}

export async function updateNotificationPrefs(actor: Actor, input: unknown) {
  const prefs = parseOrThrow(NotificationPrefsSchema, input, "notification settings");
  await db.user.update({ where: { id: actor.userId }, data: { notificationPrefs: JSON.stringify(prefs) } });
  return prefs;
}
