import { db } from "../support/db";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { z } from "zod";
import { apiRoute, errorResponse, isOverloaded, RETRY_AFTER_SECONDS } from "@/lib/http/api";
import { databaseEngine } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { createApiToken } from "@/lib/domain/api-tokens";
import { createTeamWithRoles } from "../support/factories";
import { sqliteWriteQueue } from "@/lib/db/client";
import { createEvaluation } from "@/lib/domain/evaluations";
import { transitionEvaluation } from "@/lib/domain/workflow";
import { castBallot } from "@/lib/domain/ballots";

// Issue 12: a transaction that waited longer than its maxWait for its turn (Prisma P2028) was a
// 500 "Something went wrong". It is the server being busy, nothing was written, and the client
// may send it again: 503 with Retry-After, through the one error mapping.

/** A real P2028: on SQLite one connection runs one transaction at a time (lib/db/client.ts), so the second waits. */
async function transactionThatWaitedTooLong(): Promise<unknown> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const holding = new Promise<void>((resolve) => (started = resolve));
  const holder = db.$transaction(
    async (tx) => {
      await tx.user.findFirst({ select: { id: true } });
      started();
      await held;
    },
    { timeout: 30_000 },
  );
  await holding;
  // Prisma notices the expired maxWait when the transaction's turn comes: the holder lets go after it.
  const waiting = db
    .$transaction(async (tx) => tx.user.findFirst(), { maxWait: 50 })
    .then(
      () => null,
      (e: unknown) => e,
    );
  setTimeout(release, 300);
  await holder;
  return waiting;
}

/**
 * A real P2028 on PostgreSQL, whose pool lets the second transaction start at once: a transaction
 * that outlived its timeout (Prisma's other P2028, "expired transaction").
 */
async function transactionThatOutlivedItsTimeout(): Promise<unknown> {
  return db
    .$transaction(
      async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return tx.user.findFirst();
      },
      { timeout: 50 },
    )
    .then(
      () => null,
      (e: unknown) => e,
    );
}

const onSqlite = databaseEngine(resolveDatabaseUrl(process.env.DATABASE_URL)) === "sqlite";

describe("a request refused under overload", () => {
  it("Prisma's transaction timeouts (P2028) are recognised as overload", async () => {
    const error = onSqlite ? await transactionThatWaitedTooLong() : await transactionThatOutlivedItsTimeout();
    expect(error).toMatchObject({ code: "P2028" });
    expect(isOverloaded(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("Try again") } });
  });

  it("an API route answers 503 with Retry-After, not 500, and logs nothing as a crash", async () => {
    const t = await createTeamWithRoles();
    const { token } = await createApiToken(t.member, { name: "overload" });
    const overload = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
      name: "PrismaClientKnownRequestError",
      code: "P2028",
    });
    const route = apiRoute(z.object({}), async () => {
      throw overload;
    });
    const crashes = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await route(new NextRequest("http://localhost/api/v1/x", { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(crashes).not.toHaveBeenCalled();
    crashes.mockRestore();
    // Any other unexpected error stays a 500.
    expect(errorResponse(new Error("boom")).status).toBe(500);
  });
});

describe("the SQLite write queue under a burst", () => {
  /** An evaluation open for voting, and a points ballot on its first two criteria. */
  async function voting() {
    const t = await createTeamWithRoles();
    const evaluation = await createEvaluation(t.member, t.teamId, { title: "Burst", template: "django-flask" });
    await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
    const [a, b] = await db.criterion.findMany({ where: { evaluationId: evaluation.id }, orderBy: { position: "asc" }, take: 2 });
    return { t, evaluationId: evaluation.id, ballot: { method: "points", weights: { [a.key]: 70, [b.key]: 30 } } };
  }

  /** Holds the one SQLite connection's transaction turn until the returned release is called. */
  async function holdTheConnection() {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.user.findFirst({ select: { id: true } });
        started();
        await held;
      },
      { timeout: 30_000 },
    );
    await holding;
    return async () => {
      release();
      await holder;
    };
  }

  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  const refusesWhenTheQueueIsFull = async () => {
    const { t, evaluationId, ballot } = await voting();
    // Ballots to one evaluation that wait together are one transaction (lib/domain/ballots.ts):
    // three transactions to come take ballots to three evaluations.
    const others = [];
    for (let i = 0; i < 2; i++) {
      const evaluation = await createEvaluation(t.member, t.teamId, { title: `Burst ${i}`, template: "django-flask" });
      await transitionEvaluation(t.admin, evaluation.id, { action: "open-voting" });
      others.push(evaluation.id);
    }
    const saved = { budgetMs: sqliteWriteQueue.budgetMs, turnMs: sqliteWriteQueue.turnMs, alwaysAdmitted: sqliteWriteQueue.alwaysAdmitted };
    const release = await holdTheConnection();
    try {
      // Each queued transaction is taken to hold the connection 100 ms: two can wait within 250 ms.
      sqliteWriteQueue.turnMs = 100;
      sqliteWriteQueue.budgetMs = 250;
      sqliteWriteQueue.alwaysAdmitted = 1;
      const outcomes: Promise<unknown>[] = [];
      const settledAt: number[] = [];
      const started = performance.now();
      for (const [i, target] of [evaluationId, ...others].entries()) {
        outcomes.push(
          castBallot(t.owner, target, ballot).then(
            () => ((settledAt[i] = performance.now() - started), "cast"),
            (error: unknown) => ((settledAt[i] = performance.now() - started), error),
          ),
        );
        await turns(20); // until it waits in the queue
      }
      // The third found 2 × 100 ms queued before it: admitted; a fourth would wait 3 × 100 ms,
      // whichever evaluation it goes to (one that has a ballot waiting waits behind it).
      expect(sqliteWriteQueue.waiting).toBe(3);
      const refused = await castBallot(t.member, evaluationId, ballot).then(
        () => "cast",
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ name: "PrismaClientKnownRequestError", code: "P2028" });
      expect(isOverloaded(refused)).toBe(true);
      const response = errorResponse(refused);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      // Refused without waiting: the connection is still held.
      expect(settledAt.filter((ms) => ms !== undefined)).toEqual([]);
      await release();
      // The admitted ballots are cast as usual once the connection is free; the refused one left nothing.
      expect(await Promise.all(outcomes)).toEqual(["cast", "cast", "cast"]);
      expect(await db.ballot.count({ where: { evaluationId: { in: [evaluationId, ...others] }, userId: t.owner.userId } })).toBe(3);
      expect(await db.ballot.count({ where: { evaluationId, userId: t.member.userId } })).toBe(0);
      expect(sqliteWriteQueue.waiting).toBe(0);
    } finally {
      Object.assign(sqliteWriteQueue, saved);
    }
  };

  // SQLite has one writer and this process queues its transactions; PostgreSQL queues in the
  // database (pool and row locks), so the admission gate must never refuse there.
  if (onSqlite)
    it(
      "refuses a write at once with P2028 (503) when the queue could not start it in time, and writes nothing for it",
      refusesWhenTheQueueIsFull,
    );
  else
    it("on PostgreSQL admits every write whatever the in-process queue estimate says", async () => {
      const { t, evaluationId, ballot } = await voting();
      const saved = { waiting: sqliteWriteQueue.waiting, turnMs: sqliteWriteQueue.turnMs, alwaysAdmitted: sqliteWriteQueue.alwaysAdmitted };
      try {
        Object.assign(sqliteWriteQueue, { waiting: 10_000, turnMs: 1_000, alwaysAdmitted: 0 });
        await castBallot(t.member, evaluationId, ballot);
        expect(await db.ballot.count({ where: { evaluationId, userId: t.member.userId } })).toBe(1);
      } finally {
        Object.assign(sqliteWriteQueue, saved);
      }
    });

  it("admits every write while the queue is short, on either engine", async () => {
    const { t, evaluationId, ballot } = await voting();
    await Promise.all([t.owner, t.admin, t.member].map((voter) => castBallot(voter, evaluationId, ballot)));
    expect(await db.ballot.count({ where: { evaluationId } })).toBe(3);
    expect(sqliteWriteQueue.waiting).toBe(0);
  });
});
