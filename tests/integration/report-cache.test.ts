import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { createEvaluation } from "@/lib/domain/evaluations";
import { castBallot, ballotPayload } from "@/lib/domain/ballots";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { getEvaluationReport, getEvaluationView, getEvaluationViewJson, snapshotCacheStats } from "@/lib/domain/report";
import { checkEvaluationIntegrity } from "@/lib/domain/records";
import { lockEvaluation } from "@/lib/domain/evaluation-access";
import { appendBallotRevision } from "@/lib/domain/ballot-revisions";

// Issue 12: the report is computed once per revision of an evaluation and served from that result
// to every reader; what each reader may see is still decided per reader, and whatever changes
// without a new revision (names) is never served from the cache.

async function openEvaluation(visibility: "blind" | "open" = "open") {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.owner, t.teamId, { title: "Cached report", template: "django-flask", visibility });
  await transitionEvaluation(t.owner, evaluation.id, { action: "open-voting" });
  const keys = (await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } })).map((c) => c.key);
  const points = (a: number) => ({ method: "points", weights: { [keys[0]]: a, [keys[1]]: 100 - a } });
  return { t, id: evaluation.id, keys, points };
}

describe("the report cache", () => {
  it("loads an evaluation once per revision, however many readers, and follows every change", async () => {
    const { t, id, keys, points } = await openEvaluation("open");
    await castBallot(t.member, id, points(30));
    const before = snapshotCacheStats().loads;
    const views = await Promise.all([t.owner, t.admin, t.member, t.viewer, t.owner].map((actor) => getEvaluationView(actor, id)));
    const reports = await Promise.all([t.owner, t.viewer].map((actor) => getEvaluationReport(actor, id)));
    expect(snapshotCacheStats().loads - before).toBe(1);
    expect(views.map((v) => v.report?.weights[keys[0]])).toEqual(Array(5).fill(0.3));
    expect(reports.map((r) => r.report?.weights[keys[0]])).toEqual([0.3, 0.3]);

    // A ballot is a new revision: the next read sees it.
    await castBallot(t.admin, id, points(70));
    expect((await getEvaluationReport(t.viewer, id)).report?.weights[keys[0]]).toBeCloseTo(0.5, 10);
    expect(snapshotCacheStats().loads - before).toBe(2);
  });

  it("keeps per-voter parts out of open voting and blind results blind, from the same cached revision", async () => {
    const { t, id, keys } = await openEvaluation("open");
    const [a, b, c] = keys;
    await castBallot(t.member, id, {
      method: "pairwise",
      comparisons: [
        { a, b, value: 7 },
        { a: b, b: c, value: 5 },
        { a, b: c, value: 1 / 3 },
      ],
    });
    const open = await getEvaluationView(t.owner, id);
    expect(open.report?.consistency).toEqual({});
    expect(open.ballots).toBeNull();
    await transitionEvaluation(t.owner, id, { action: "reveal" });
    const revealed = await getEvaluationView(t.owner, id);
    expect(Object.keys(revealed.report?.consistency ?? {})).toEqual([t.member.userId]);

    const blind = await openEvaluation("blind");
    await castBallot(blind.t.member, blind.id, blind.points(40));
    for (const actor of [blind.t.owner, blind.t.member]) {
      const view = await getEvaluationView(actor, blind.id);
      expect(view.report).toBeNull();
      expect(view.weightSpread).toBeNull();
      expect((await getEvaluationReport(actor, blind.id)).report).toBeNull();
    }
  });

  it("shows a member's new name at once: names are read per request, not cached with the revision", async () => {
    const { t, id, points } = await openEvaluation("open");
    await castBallot(t.member, id, points(30));
    await transitionEvaluation(t.owner, id, { action: "reveal" });
    await getEvaluationView(t.owner, id);
    await db.user.update({ where: { id: t.member.userId }, data: { name: "Renamed Member" } });
    await db.team.update({ where: { id: t.teamId }, data: { name: "Renamed Team" } });
    const view = await getEvaluationView(t.owner, id);
    expect(view.teamName).toBe("Renamed Team");
    expect(view.members.find((m) => m.id === t.member.userId)?.name).toBe("Renamed Member");
    expect(view.ballots?.find((b) => b.voter === t.member.userId)?.voterName).toBe("Renamed Member");
  });

  it("keeps the hash chain whole when another instance appended to it since this one's last ballot", async () => {
    const { t, id, points } = await openEvaluation("open");
    await castBallot(t.member, id, points(10));
    // Another server instance: same lock, same chain, but this process's memory of the head is not updated.
    await db.$transaction(async (tx) => {
      expect(await lockEvaluation(tx, id, ["voting"])).toBe(true);
      const ballot = { method: "points" as const, weights: points(20).weights };
      const payload = ballotPayload(ballot);
      await tx.ballot.upsert({
        where: { evaluationId_userId_round: { evaluationId: id, userId: t.admin.userId, round: 1 } },
        create: { evaluationId: id, userId: t.admin.userId, round: 1, method: "points", payload },
        update: { method: "points", payload },
      });
      await appendBallotRevision(tx, {
        evaluationId: id,
        userId: t.admin.userId,
        round: 1,
        method: "points",
        payload,
        createdAt: new Date(),
      });
    });
    const cast = await castBallot(t.member, id, points(30));
    expect(cast.revision).toBe(3);
    expect(await checkEvaluationIntegrity(t.viewer, id)).toMatchObject({ valid: true, revisions: 3 });
  });

  it("serves the API's JSON from one serialisation per revision and names, with each reader's own role and ballot", async () => {
    const { t, id, points } = await openEvaluation("blind");
    await castBallot(t.member, id, points(30));
    await castBallot(t.admin, id, points(80));
    const asJson = async (actor: typeof t.owner) => JSON.parse(Buffer.from(await getEvaluationViewJson(actor, id)).toString("utf8"));
    const asObject = async (actor: typeof t.owner) => JSON.parse(JSON.stringify(await getEvaluationView(actor, id)));

    // Blind: each reader gets their own ballot and role, never another's, from the shared copy.
    for (const actor of [t.member, t.admin, t.viewer, t.owner]) expect(await asJson(actor)).toEqual(await asObject(actor));
    const member = await asJson(t.member);
    expect(member.myRole).toBe("member");
    expect(member.myBallot.weights).toEqual(points(30).weights);
    expect((await asJson(t.viewer)).myBallot).toBeNull();
    expect(JSON.stringify(await asJson(t.viewer))).not.toContain('"weights":{');

    // Names change without a new revision: the next answer carries the new one.
    await transitionEvaluation(t.owner, id, { action: "reveal" });
    const revealed = await asJson(t.owner);
    expect(revealed.ballots.map((b: { voterName: string }) => b.voterName)).toContain(t.member.name);
    await db.user.update({ where: { id: t.member.userId }, data: { name: "Renamed Member" } });
    const renamed = await asJson(t.owner);
    expect(renamed.revision).toBe(revealed.revision);
    expect(renamed.ballots.map((b: { voterName: string }) => b.voterName)).toContain("Renamed Member");
    expect(renamed.members.map((m: { name: string }) => m.name)).toContain("Renamed Member");
    expect(renamed).toEqual(await asObject(t.owner));
  });
});
