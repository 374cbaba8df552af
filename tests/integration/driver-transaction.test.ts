import { db } from "../support/db";
import { describe, expect, it } from "vitest";
import { createTeamWithRoles } from "../support/factories";
import { clientEngine, newRowId } from "@/lib/db/client";
import { driverTransaction } from "@/lib/db/driver";
import { sql, sqlIn } from "@/lib/db/sql";

// The ballot's transaction runs on the driver, beside Prisma's: what it writes must read back the
// same through Prisma, nothing of a failed one may stay, and the two kinds must never overlap.

async function auditRow(teamId: string, action: string, createdAt: Date) {
  const id = newRowId();
  return {
    id,
    statement: sql`INSERT INTO "AuditEntry" ("id", "teamId", "action", "detail", "createdAt") VALUES (${id}, ${teamId}, ${action}, ${"{}"}, ${createdAt})`,
  };
}

describe("driver-level transactions", () => {
  it("store dates and values exactly as Prisma reads them, and read them back as Prisma would", async () => {
    const t = await createTeamWithRoles();
    const at = new Date("2026-03-04T05:06:07.089Z");
    const { id, statement } = await auditRow(t.teamId, "test.dates", at);
    const read = await driverTransaction(async (tx) => {
      expect(await tx.run(statement)).toBe(1);
      return tx.rows<{ id: string; createdAt: Date; action: string }>(
        sql`SELECT "id", "createdAt", "action" FROM "AuditEntry" WHERE "id" IN (${sqlIn([id, "no-such-id"])})`,
      );
    });
    expect(read).toEqual([{ id, createdAt: at, action: "test.dates" }]);
    const viaPrisma = await db.auditEntry.findUniqueOrThrow({ where: { id } });
    expect(viaPrisma.createdAt.toISOString()).toBe(at.toISOString());
    // Prisma's own dates read back through the driver unchanged, integers as numbers.
    const membership = await db.membership.findFirstOrThrow({ where: { teamId: t.teamId } });
    const [row] = await driverTransaction((tx) =>
      tx.rows<{ createdAt: Date; one: number }>(
        sql`SELECT "createdAt", 1 AS "one" FROM "Membership" WHERE "teamId" = ${t.teamId} AND "userId" = ${membership.userId}`,
      ),
    );
    expect(row).toEqual({ createdAt: membership.createdAt, one: 1 });
  });

  it("leave nothing behind when the work fails, and pass the error on", async () => {
    const t = await createTeamWithRoles();
    const { id, statement } = await auditRow(t.teamId, "test.rollback", new Date());
    await expect(
      driverTransaction(async (tx) => {
        await tx.run(statement);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.auditEntry.findUnique({ where: { id } })).toBeNull();
    // A failing statement rolls back the ones before it, too.
    const second = await auditRow(t.teamId, "test.rollback", new Date());
    await expect(
      driverTransaction(async (tx) => {
        await tx.run(second.statement);
        await tx.run(second.statement); // the same primary key again
      }),
    ).rejects.toThrow();
    expect(await db.auditEntry.findUnique({ where: { id: second.id } })).toBeNull();
    // And the connection is usable afterwards.
    const third = await auditRow(t.teamId, "test.after", new Date());
    await driverTransaction((tx) => tx.run(third.statement));
    expect(await db.auditEntry.findUnique({ where: { id: third.id } })).not.toBeNull();
  });

  it("commit each of many concurrent transactions on its own merits: one failing loses only its own writes", async () => {
    const t = await createTeamWithRoles();
    const rows = await Promise.all(Array.from({ length: 20 }, () => auditRow(t.teamId, "test.concurrent", new Date())));
    const outcomes = await Promise.allSettled(
      rows.map(({ id, statement }, i) =>
        driverTransaction(async (tx) => {
          await tx.run(statement);
          if (i === 7) throw new Error("the eighth fails after writing");
          const [row] = await tx.rows<{ id: string }>(sql`SELECT "id" FROM "AuditEntry" WHERE "id" = ${id}`);
          return row.id;
        }),
      ),
    );
    outcomes.forEach((outcome, i) => {
      if (i === 7) expect(outcome).toMatchObject({ status: "rejected", reason: { message: "the eighth fails after writing" } });
      else expect(outcome).toEqual({ status: "fulfilled", value: rows[i].id });
    });
    const stored = await db.auditEntry.findMany({ where: { teamId: t.teamId, action: "test.concurrent" }, select: { id: true } });
    expect(stored.map((r) => r.id).sort()).toEqual(
      rows
        .filter((_, i) => i !== 7)
        .map((r) => r.id)
        .sort(),
    );
  });

  it("run deferred writes before the commit, and roll back a work whose deferred check fails, alone", async () => {
    const t = await createTeamWithRoles();
    const works = await Promise.all(
      Array.from({ length: 6 }, async () => ({
        now: await auditRow(t.teamId, "test.now", new Date()),
        later: await auditRow(t.teamId, "test.later", new Date()),
      })),
    );
    const outcomes = await Promise.allSettled(
      works.map(({ now, later }, i) =>
        driverTransaction(async (tx) => {
          await tx.run(now.statement);
          await tx.defer(later.statement, (changed) => expect(changed).toBe(1));
          // Changes one row; the third work expects two and fails after its other writes were sent.
          await tx.defer(sql`UPDATE "Team" SET "name" = "name" WHERE "id" = ${t.teamId}`, (changed) => {
            if (changed !== (i === 2 ? 2 : 1)) throw new Error(`changed ${changed}`);
          });
          return i;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    const stored = new Set((await db.auditEntry.findMany({ where: { teamId: t.teamId }, select: { id: true } })).map((r) => r.id));
    works.forEach(({ now, later }, i) => {
      expect(stored.has(now.id), `work ${i}: its immediate write`).toBe(i !== 2);
      expect(stored.has(later.id), `work ${i}: its deferred write`).toBe(i !== 2);
    });
  });

  it("never run inside a Prisma transaction in progress, nor see its uncommitted writes", async () => {
    const t = await createTeamWithRoles();
    const order: string[] = [];
    let letPrismaFinish!: () => void;
    const prismaMayFinish = new Promise<void>((resolve) => (letPrismaFinish = resolve));
    const prismaWrite = db
      .$transaction(async (tx) => {
        order.push("prisma started");
        await tx.team.update({ where: { id: t.teamId }, data: { name: "Renamed inside" } });
        await prismaMayFinish;
        throw new Error("rolled back on purpose");
      })
      .finally(() => order.push("prisma ended"));
    while (order.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const driverRead = driverTransaction(async (tx) => {
      order.push("driver started");
      return tx.rows<{ name: string }>(sql`SELECT "name" FROM "Team" WHERE "id" = ${t.teamId}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    letPrismaFinish();
    await expect(prismaWrite).rejects.toThrow("rolled back on purpose");
    const [team] = await driverRead;
    // SQLite has one connection per process: the driver's transaction waits its turn. PostgreSQL
    // runs both at once, on two connections, isolated from each other.
    expect(order).toEqual(
      clientEngine() === "sqlite"
        ? ["prisma started", "prisma ended", "driver started"]
        : ["prisma started", "driver started", "prisma ended"],
    );
    // The driver's transaction saw the state after the rollback, never the uncommitted rename.
    expect(team.name).not.toBe("Renamed inside");
  });

  // SQLite has one writer, so there everything waits its turn; PostgreSQL locks rows.
  if (clientEngine() === "postgresql")
    it("on PostgreSQL, transactions contending for one row queue behind each other while others run beside them", async () => {
      const t = await createTeamWithRoles();
      let letGo!: () => void;
      const held = new Promise<void>((resolve) => (letGo = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = driverTransaction(
        async (tx) => {
          await tx.run(sql`UPDATE "Team" SET "name" = "name" WHERE "id" = ${t.teamId}`);
          locked();
          await held;
        },
        { contends: "first" },
      );
      await isLocked;
      // Same key: queued behind the holder. Another key: runs now.
      const sameKey = driverTransaction(async () => "same", { contends: "first" });
      const otherKey = await driverTransaction(async (tx) => tx.rows<{ one: number }>(sql`SELECT 1 AS "one"`), { contends: "second" });
      expect(otherKey).toEqual([{ one: 1 }]);
      let sameKeyDone = false;
      void sameKey.then(() => (sameKeyDone = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sameKeyDone).toBe(false);
      letGo();
      await holder;
      expect(await sameKey).toBe("same");
    });
});
