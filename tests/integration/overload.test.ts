import { db } from "../support/db";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { z } from "zod";
import { apiRoute, errorResponse, isOverloaded, RETRY_AFTER_SECONDS } from "@/lib/http/api";
import { databaseEngine } from "@/lib/db/engine";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { createApiToken } from "@/lib/domain/api-tokens";
import { createTeamWithRoles } from "../support/factories";

// Issue 12: a transaction that waited longer than its maxWait for its turn (Prisma P2028) was a
// 500 "Something went wrong". It is the server being busy, nothing was written, and the client
// may send it again: 503 with Retry-After, through the one error mapping.

/** A real P2028: on SQLite one connection runs one transaction at a time (lib/db/client.ts), so the second waits. */
async function transactionThatWaitedTooLong(): Promise<unknown> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const holding = new Promise<void>((resolve) => (started = resolve));
  const holder = db.$transaction(async (tx) => {
    await tx.user.findFirst({ select: { id: true } });
    started();
    await held;
  }, { timeout: 30_000 });
  await holding;
  // Prisma notices the expired maxWait when the transaction's turn comes: the holder lets go after it.
  const waiting = db.$transaction(async (tx) => tx.user.findFirst(), { maxWait: 50 }).then(() => null, (e: unknown) => e);
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
    .then(() => null, (e: unknown) => e);
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
