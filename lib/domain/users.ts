import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, parseOrThrow } from "@/lib/errors";
import { decoyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { SignInSchema, SignUpSchema } from "@/lib/validation/auth";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export async function signUp(input: unknown): Promise<SessionUser> {
  const data = parseOrThrow(SignUpSchema, input, "sign-up");
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) {
    throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
      email: "An account with this email already exists",
    });
  }
  const passwordHash = await hashPassword(data.password);
  const user = await db.user.create({ data: { email: data.email, name: data.name, passwordHash } });
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Checks an email and password, rate-limited per email: after SIGNIN_MAX_FAILURES failures in
 * SIGNIN_WINDOW_MINUTES the email is locked until the window passes. Attempts are stored in the
 * database so the limit holds across server processes.
 */
export async function authenticate(input: unknown): Promise<SessionUser> {
  const data = parseOrThrow(SignInSchema, input, "sign-in");
  const key = `email:${data.email}`;
  const since = new Date(Date.now() - env.SIGNIN_WINDOW_MINUTES * 60_000);
  const failures = await db.signInAttempt.count({ where: { key, success: false, createdAt: { gte: since } } });
  if (failures >= env.SIGNIN_MAX_FAILURES) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-in attempts. Try again in ${env.SIGNIN_WINDOW_MINUTES} minutes.`,
    );
  }
  const user = await db.user.findUnique({ where: { email: data.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), data.password);
  await db.signInAttempt.create({ data: { key, success: ok && !!user } });
  if (!user || !ok) throw new AppError("unauthenticated", "Wrong email or password.");
  return { id: user.id, email: user.email, name: user.name };
}

export async function getUser(userId: string): Promise<SessionUser | null> {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
}
