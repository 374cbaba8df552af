import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { createEvaluation } from "@/lib/domain/evaluations";
import { castBallot } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { addComment } from "@/lib/domain/comments";
import { getNotificationPrefs, listNotifications, markNotificationsRead, unreadNotificationCount, updateNotificationPrefs } from "@/lib/domain/notifications";

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
    const [a, b] = (await db.criterion.findMany({ where: { evaluationId: t.evaluationId }, orderBy: { position: "asc" } })).map((x) => x.key);
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
    await markNotificationsRead(t.outsider, (await listNotifications(t.viewer)).map((n) => n.id));
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
    await expect(updateNotificationPrefs(t.member, { mention: "sometimes" })).rejects.toMatchObject({ fields: { mention: expect.any(String) } });
    await addComment(t.admin, t.evaluationId, { body: `@${t.member.name} ping` });
    expect(await unreadNotificationCount(t.member)).toBe(0);
  });

  it("emails through the outbox when SMTP_URL is set", async () => {
    const t = await setUp();
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    try {
      await addComment(t.admin, t.evaluationId, { body: `@${t.member.name} please look` });
    } finally {
      delete process.env.SMTP_URL;
    }
    const mail = await db.outboxMessage.findFirst({ where: { to: t.member.email } });
    expect(mail?.subject).toContain("mentioned you");
  });
});
