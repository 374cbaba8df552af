import { db } from "../support/db";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTeamWithRoles } from "../support/factories";
import { SseReader } from "../support/sse";
import { createEvaluation } from "@/lib/domain/evaluations";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { castBallot } from "@/lib/domain/ballots";
import { removeMember } from "@/lib/domain/teams";
import { createApiToken, revokeApiToken } from "@/lib/domain/api-tokens";
import { GET as eventsRoute } from "@/app/api/v1/evaluations/[id]/events/route";
import { GET as userEventsRoute } from "@/app/api/v1/notifications/events/route";
import { addComment } from "@/lib/domain/comments";
import { RECHECK_MS } from "@/lib/live/stream";
import { changeChannel } from "@/lib/live/channel";

// Live updates are pushed from the process's one change subscription (PostgreSQL LISTEN/NOTIFY, or
// the in-process channel on SQLite): a committed write reaches open streams with its revision as the
// event id; a reconnect with an older Last-Event-ID gets a change at once; a stream whose reader
// lost access ends at the next access check. Runs on both engines (TEST_DATABASE=postgres).

async function votingEvaluation() {
  const t = await createTeamWithRoles();
  const evaluation = await createEvaluation(t.member, t.teamId, { title: "Live", template: "django-flask" });
  await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
  const criteria = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" } });
  const ballot = (first: number) => ({
    method: "points",
    weights: Object.fromEntries(criteria.map((c, i) => [c.key, i === 0 ? first : i === 1 ? 100 - first : 0])),
  });
  return { t, evaluationId: evaluation.id, ballot };
}

async function revision(evaluationId: string) {
  return (await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { revision: true } })).revision;
}

async function openStream(evaluationId: string, token: string, lastEventId?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
  const response = await eventsRoute(new NextRequest(`http://localhost/api/v1/evaluations/${evaluationId}/events`, { headers }), {
    params: Promise.resolve({ id: evaluationId }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return new SseReader(response.body!);
}

const open: SseReader[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(open.splice(0).map((reader) => reader.cancel()));
});

describe("live updates", () => {
  it("pushes each committed ballot to an open stream with the new revision as the event id, and no ballot data", async () => {
    const { t, evaluationId, ballot } = await votingEvaluation();
    const { token } = await createApiToken(t.viewer, { name: "watch" });
    const stream = await openStream(evaluationId, token);
    open.push(stream);
    const ready = await stream.until((e) => e.event === "ready");
    expect(ready.id).toBe(String(await revision(evaluationId)));

    for (const first of [70, 30, 55]) {
      await castBallot(t.member, evaluationId, ballot(first));
      const committed = await revision(evaluationId);
      const change = await stream.until((e) => e.event === "change" && e.id === String(committed));
      expect(JSON.parse(change.data)).toEqual({ revision: committed });
    }
    // Blindness: nothing but revisions on the wire.
    for (const event of stream.events) expect(Object.keys(JSON.parse(event.data))).toEqual(["revision"]);
  });

  it("announces no revision that was rolled back", async () => {
    const { t, evaluationId, ballot } = await votingEvaluation();
    const { token } = await createApiToken(t.viewer, { name: "watch" });
    const stream = await openStream(evaluationId, token);
    open.push(stream);
    await stream.until((e) => e.event === "ready");
    const before = await revision(evaluationId);
    // Checked under the lock (after the revision bump): refused, so the bump rolls back.
    await expect(castBallot(t.member, evaluationId, { method: "points", weights: { nope: 100 } })).rejects.toThrow();
    expect(await revision(evaluationId)).toBe(before);
    await castBallot(t.member, evaluationId, ballot(40));
    const change = await stream.until((e) => e.event === "change");
    expect(change.id).toBe(String(before + 1));
    expect(await revision(evaluationId)).toBe(before + 1);
  });

  it("tells a stream resumed with an older Last-Event-ID about the change at once", async () => {
    const { t, evaluationId, ballot } = await votingEvaluation();
    const { token } = await createApiToken(t.viewer, { name: "watch" });
    const seen = await revision(evaluationId);
    await castBallot(t.member, evaluationId, ballot(80)); // made while the reader was away
    const stream = await openStream(evaluationId, token, String(seen));
    open.push(stream);
    const ready = await stream.next();
    expect(ready).toMatchObject({ event: "ready", id: String(seen + 1) });
    expect(await stream.next()).toMatchObject({ event: "change", id: String(seen + 1) });

    // Up to date: no change event, just the ready one.
    const current = await openStream(evaluationId, token, String(seen + 1));
    open.push(current);
    expect(await current.next()).toMatchObject({ event: "ready", id: String(seen + 1) });
    await castBallot(t.member, evaluationId, ballot(20));
    expect(await current.next()).toMatchObject({ event: "change", id: String(seen + 2) });
  });

  it("ends the stream of a member removed from the team at the next access check", async () => {
    const { t, evaluationId } = await votingEvaluation();
    const { token } = await createApiToken(t.viewer, { name: "watch" });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stream = await openStream(evaluationId, token);
    open.push(stream);
    await stream.until((e) => e.event === "ready");
    await removeMember(t.owner, t.teamId, t.viewer.userId);
    const ended = stream.next();
    await vi.advanceTimersByTimeAsync(RECHECK_MS);
    expect(await ended).toBeNull();
    expect(stream.ended).toBe(true);
    expect(changeChannel().streams()).toBe(0);
    // And it cannot come back.
    const again = await eventsRoute(
      new NextRequest(`http://localhost/api/v1/evaluations/${evaluationId}/events`, { headers: { authorization: `Bearer ${token}` } }),
      {
        params: Promise.resolve({ id: evaluationId }),
      },
    );
    expect(again.status).toBe(404);
  });

  it("ends the stream of a revoked API token at the next access check", async () => {
    const { t, evaluationId } = await votingEvaluation();
    const created = await createApiToken(t.viewer, { name: "watch" });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stream = await openStream(evaluationId, created.token);
    open.push(stream);
    await stream.until((e) => e.event === "ready");
    await revokeApiToken(t.viewer, created.id);
    const ended = stream.next();
    await vi.advanceTimersByTimeAsync(RECHECK_MS);
    expect(await ended).toBeNull();
  });

  it("a user's own stream (the bell) gets their notifications only, and ends with a revoked token", async () => {
    const { t, evaluationId } = await votingEvaluation();
    const created = await createApiToken(t.member, { name: "bell" });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const response = await userEventsRoute(
      new NextRequest("http://localhost/api/v1/notifications/events", { headers: { authorization: `Bearer ${created.token}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const stream = new SseReader(response.body!);
    open.push(stream);
    await stream.until((e) => e.event === "ready");
    // Evaluation streams keep working beside it, and a change is not a notification.
    const evaluationStream = await openStream(evaluationId, created.token);
    open.push(evaluationStream);
    await evaluationStream.until((e) => e.event === "ready");
    await addComment(t.admin, evaluationId, { body: `@${t.member.name} have a look` });
    expect(await stream.until((e) => e.event === "notification")).toMatchObject({ data: "{}" });
    expect(await evaluationStream.until((e) => e.event === "change")).toBeTruthy();

    await revokeApiToken(t.member, created.id);
    const ended = stream.next();
    await vi.advanceTimersByTimeAsync(RECHECK_MS);
    expect(await ended).toBeNull();
  });
});
