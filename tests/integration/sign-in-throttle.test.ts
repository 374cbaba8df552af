import { db } from "../support/db";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

// Counts real password checks (argon2 verifications), the quantity the limits must bound.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/security/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/security/password")>();
  return {
    ...original,
    verifyPassword: (hash: string, password: string) => {
      checks.count += 1;
      return original.verifyPassword(hash, password);
    },
  };
});

const { authenticate, signUp } = await import("@/lib/domain/users");

let n = 0;
async function account() {
  n += 1;
  const email = `throttle${n}-${Date.now()}@test.local`;
  await signUp({ name: `Throttled ${n}`, email, password: "correct horse battery staple" });
  return email;
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("sign-in throttle", () => {
  it("100 concurrent wrong passwords for one account from one address perform at most 5 password checks", async () => {
    const email = await account();
    checks.count = 0;
    const results = await Promise.all(
      Array.from({ length: 100 }, () => outcome(authenticate({ email, password: "wrong password!" }, "203.0.113.7"))),
    );
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r === "unauthenticated").length).toBe(checks.count);
    expect(results.every((r) => r === "unauthenticated" || r === "rate_limited")).toBe(true);
    // The real user, from their own address, is not locked out by the attack.
    await expect(authenticate({ email, password: "correct horse battery staple" }, "198.51.100.20")).resolves.toMatchObject({ email });
    // The attacker's address stays limited for this account, even with the right password.
    expect(await outcome(authenticate({ email, password: "correct horse battery staple" }, "203.0.113.7"))).toBe("rate_limited");
  }, 60_000);

  it("limits spraying a few guesses over many accounts from one address", async () => {
    const emails: string[] = [];
    for (let i = 0; i < 11; i++) emails.push(await account());
    const results: string[] = [];
    for (const email of emails) {
      for (let i = 0; i < 2; i++) results.push(await outcome(authenticate({ email, password: "Summer2026!!" }, "192.0.2.99")));
    }
    expect(results.filter((r) => r === "rate_limited").length).toBeGreaterThan(0);
    expect(results.filter((r) => r === "unauthenticated").length).toBeLessThanOrEqual(20);
  }, 60_000);

  it("does not lock the real user out after anonymous failures: the right password still works from elsewhere", async () => {
    const email = await account();
    for (let i = 0; i < 5; i++) await outcome(authenticate({ email, password: "not the password" }, "203.0.113.50"));
    await expect(authenticate({ email, password: "correct horse battery staple" }, "198.51.100.21")).resolves.toMatchObject({ email });
  }, 30_000);

  it("keeps unknown email and wrong password indistinguishable", async () => {
    const email = await account();
    const wrong = await authenticate({ email, password: "not the password" }, "192.0.2.5").catch((e: AppError) => e);
    const unknown = await authenticate({ email: `nobody-${Date.now()}@test.local`, password: "not the password" }, "192.0.2.6").catch(
      (e: AppError) => e,
    );
    expect((wrong as AppError).message).toBe((unknown as AppError).message);
  });

  it("prunes idle throttle rows", async () => {
    await db.signInThrottle.create({
      data: { key: "acct:stale@test.local", failures: 3, windowStart: new Date(0), nextAllowedAt: new Date(0), updatedAt: new Date(0) },
    });
    await outcome(authenticate({ email: "someone@test.local", password: "whatever it is" }, "192.0.2.7"));
    expect(await db.signInThrottle.findUnique({ where: { key: "acct:stale@test.local" } })).toBeNull();
  });
});
