import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { createEvaluation } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { addComment } from "@/lib/domain/comments";
import {
  EMAIL_BATCH_MS,
  getNotificationPrefs,
  listNotifications,
  markNotificationsRead,
  unreadNotificationCount,
  updateNotificationPrefs,
} from "@/lib/domain/notifications";
import { sendEmailDigests } from "@/lib/domain/digest";
import { sendDeadlineReminders } from "@/lib/domain/reminders";
import { createApiToken } from "@/lib/domain/api-tokens";
import { NextRequest } from "next/server";
import { SseReader } from "../support/sse";
import { GET as userEventsRoute } from "@/app/api/v1/notifications/events/route";

async function setUp() {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.owner, t.teamId, { title: "Django or Flask", template: "django-flask" });
  return { ...t, evaluationId: evaluation.id };
}

describe("notifications", () => {
  it("a mention notifies the mentioned member (not the author), and a reply notifies the parent's author", async () => {
    const t = await setUp();
    const first = t.member.name.split(" ")[0];
    expect(first).toBe("member");
    const root = await addComment(t.admin, t.evaluationId, { body: `What do you think @${t.member.name}?` });
    const mentions = await listNotifications(t.member);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ kind: "mention", title: `${t.admin.name} mentioned you on “Django or Flask”` });
    expect(mentions[0].url).toContain(`/evaluations/${t.evaluationId}`);
    expect(await unreadNotificationCount(t.admin)).toBe(0);
    expect(await unreadNotificationCount(t.outsider)).toBe(0);

    await addComment(t.member, t.evaluationId, { body: "Flask, for the size of it", parentId: root.id });
    expect((await listNotifications(t.admin))[0]).toMatchObject({ kind: "reply" });
  });

  it("voting opened, ballots revealed and a decision notify the team, except whoever acted", async () => {
    const t = await setUp();
    await transitionEvaluation(t.owner, t.evaluationId, { action: "open-voting" });
    const [a, b] = (await db.criterion.findMany({ where: { evaluationId: t.evaluationId }, orderBy: { position: "asc" } })).map(
      (x) => x.key,
    );
    await castBallot(t.member, t.evaluationId, { method: "points", weights: { [a]: 40, [b]: 60 } });
    await transitionEvaluation(t.owner, t.evaluationId, { action: "reveal" });
    const option = await db.option.findFirstOrThrow({ where: { evaluationId: t.evaluationId } });
    await transitionEvaluation(t.owner, t.evaluationId, { action: "decide", optionId: option.id, rationale: "The team's ranking." });

    const kinds = (await listNotifications(t.viewer)).map((n) => n.kind).sort();
    expect(kinds).toEqual(["decided", "revealed", "voting_opened"]);
    expect(await unreadNotificationCount(t.owner)).toBe(0);
    expect(await unreadNotificationCount(t.outsider)).toBe(0);

    expect(await unreadNotificationCount(t.viewer)).toBe(3);
    const [newest] = await listNotifications(t.viewer);
    await markNotificationsRead(t.viewer, [newest.id]);
    expect(await unreadNotificationCount(t.viewer)).toBe(2);
    // Someone else's ids are ignored.
    await markNotificationsRead(
      t.outsider,
      (await listNotifications(t.viewer)).map((n) => n.id),
    );
    expect(await unreadNotificationCount(t.viewer)).toBe(2);
    await markNotificationsRead(t.viewer);
    expect(await unreadNotificationCount(t.viewer)).toBe(0);
  });

  it("a refused transition writes no notification (same transaction)", async () => {
    const t = await setUp();
    await expect(transitionEvaluation(t.owner, t.evaluationId, { action: "reveal" })).rejects.toBeTruthy();
    expect(await unreadNotificationCount(t.member)).toBe(0);
  });

  it("respects each member's choice per kind", async () => {
    const t = await setUp();
    expect((await getNotificationPrefs(t.member)).mention).toBe("both");
    await updateNotificationPrefs(t.member, { mention: "none", reply: "email" });
    await expect(updateNotificationPrefs(t.member, { mention: "sometimes" })).rejects.toMatchObject({
      fields: { mention: expect.any(String) },
    });
    await addComment(t.admin, t.evaluationId, { body: `@${t.member.name} ping` });
    expect(await unreadNotificationCount(t.member)).toBe(0);
  });

  it("with SMTP_URL set, email waits for the digest instead of going out per event", async () => {
    const t = await setUp();
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      await addComment(t.admin, t.evaluationId, { body: `@${t.member.name} please look` });
    } finally {
      delete process.env.SMTP_URL;
    }
    expect(await db.outboxMessage.count({ where: { to: t.member.email } })).toBe(0);
    const [row] = await db.notification.findMany({ where: { userId: t.member.userId } });
    expect(row.emailDueAt!.getTime()).toBeGreaterThan(Date.now() + EMAIL_BATCH_MS - 60_000);
    expect(row.emailedAt).toBeNull();
    expect(await sendEmailDigests(new Date(row.emailDueAt!.getTime() + 1))).toBeGreaterThanOrEqual(1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: t.member.email } });
    expect(mail.subject).toContain("mentioned you");
  });

  it("gathers a user's 5 due notifications into ONE email, never sent twice by concurrent digest runs", async () => {
    const t = await setUp();
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      for (let i = 1; i <= 5; i++) await addComment(t.admin, t.evaluationId, { body: `@${t.member.name} point ${i}` });
      // Only email for the viewer: stored read (no bell), still mailed.
      await updateNotificationPrefs(t.viewer, { mention: "email" });
      await addComment(t.admin, t.evaluationId, { body: `@${t.viewer.name} and you` });
    } finally {
      delete process.env.SMTP_URL;
    }
    const rows = await db.notification.findMany({ where: { userId: t.member.userId } });
    expect(rows).toHaveLength(5);
    // Every notification after the first joins the first one's batch.
    expect(new Set(rows.map((r) => r.emailDueAt!.getTime())).size).toBe(1);
    expect(await unreadNotificationCount(t.viewer)).toBe(0);

    // Not due yet: nothing is sent.
    expect(await sendEmailDigests(new Date())).toBe(0);
    const later = new Date(rows[0].emailDueAt!.getTime() + 60_000);
    const runs = await Promise.all([sendEmailDigests(later), sendEmailDigests(later), sendEmailDigests(later)]);
    const mails = await db.outboxMessage.findMany({ where: { to: t.member.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("5 new notifications in Tradeoff");
    for (let i = 1; i <= 5; i++) expect(mails[0].text).toContain(`${t.admin.name} mentioned you`);
    expect(mails[0].text).toContain(`/evaluations/${t.evaluationId}#comment-`);
    expect(mails[0].html).toContain("<ul");
    expect(await db.notification.count({ where: { userId: t.member.userId, emailedAt: null } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: t.viewer.email } })).toBe(1);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
    // A later run finds nothing left.
    expect(await sendEmailDigests(new Date(later.getTime() + 60_000))).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: t.member.email } })).toBe(1);
  });

  it("reminds members who may vote and have not voted, once per round, under concurrent job runs", async () => {
    const t = await setUp();
    const deadline = new Date(Date.now() + 30 * 3_600_000);
    await transitionEvaluation(t.owner, t.evaluationId, { action: "open-voting", deadline: deadline.toISOString() });
    const [a, b] = (await db.criterion.findMany({ where: { evaluationId: t.evaluationId }, orderBy: { position: "asc" } })).map(
      (x) => x.key,
    );
    await castBallot(t.member, t.evaluationId, { method: "points", weights: { [a]: 40, [b]: 60 } });

    // More than 24 hours ahead: not yet.
    expect(await sendDeadlineReminders(new Date())).toBe(0);
    const inWindow = new Date(deadline.getTime() - 23 * 3_600_000);
    const runs = await Promise.all([sendDeadlineReminders(inWindow), sendDeadlineReminders(inWindow), sendDeadlineReminders(inWindow)]);
    expect(runs.filter((n) => n > 0)).toHaveLength(1);
    const due = await db.notification.findMany({ where: { kind: "voting_due", evaluationId: t.evaluationId } });
    // owner and admin have not voted; the member has; a viewer may not vote.
    expect(due.map((n) => n.userId).sort()).toEqual([t.owner.userId, t.admin.userId].sort());
    expect(due[0].title).toContain("you have not voted yet");
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: t.evaluationId } })).deadlineReminderRound).toBe(1);
    expect(await sendDeadlineReminders(new Date(inWindow.getTime() + 60_000))).toBe(0);
    expect(await db.notification.count({ where: { kind: "voting_due", evaluationId: t.evaluationId } })).toBe(2);
  });

  it("announces a new notification on the user's own event stream (the bell on every page)", async () => {
    const t = await setUp();
    const { token } = await createApiToken(t.member, { name: "bell" });
    const response = await userEventsRoute(
      new NextRequest("http://localhost/api/v1/notifications/events", { headers: { authorization: `Bearer ${token}` } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(200);
    const stream = new SseReader(response.body!);
    try {
      await stream.until((e) => e.event === "ready");
      // Someone else's notification does not reach this stream; a mention of this user does.
      await addComment(t.admin, t.evaluationId, { body: `@${t.viewer.name} first` });
      await addComment(t.admin, t.evaluationId, { body: `@${t.member.name} second` });
      const event = await stream.until((e) => e.event === "notification");
      expect(event.data).toBe("{}");
      expect(stream.events.filter((e) => e.event === "notification")).toHaveLength(1);
    } finally {
      await stream.cancel();
    }
  });
});
