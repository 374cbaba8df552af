import "server-only";
import { db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { decoyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  ChangeEmailSchema,
  ChangePasswordSchema,
  DeleteAccountSchema,
  SignInSchema,
  SignUpSchema,
  UpdateNameSchema,
} from "@/lib/validation/auth";
import { leaveAllTeamsForDeletion } from "@/lib/domain/teams";
import type { Actor } from "@/lib/domain/authorize";
import { releaseSignInCheck, reserveSignInCheck } from "@/lib/auth/throttle";

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
 * Checks an email and password. Each check is reserved first in the sign-in throttle
 * (lib/auth/throttle.ts: per account+address, per address, and per account with backoff), so
 * concurrent guesses cannot exceed the limits; a right password gives its reservation back.
 * Unknown email and wrong password get the same message and take the same time.
 */
export async function authenticate(input: unknown, address = "unknown"): Promise<SessionUser & { sessionVersion: number }> {
  const data = parseOrThrow(SignInSchema, input, "sign-in");
  const keys = { email: data.email, address };
  await reserveSignInCheck(keys);
  const user = await db.user.findUnique({ where: { email: data.email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), data.password);
  if (!user || !ok || user.deletedAt) throw new AppError("unauthenticated", "Wrong email or password.");
  await releaseSignInCheck(keys);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export async function getUser(userId: string): Promise<SessionUser | null> {
  return db.user.findUnique({ where: { id: userId, deletedAt: null }, select: { id: true, email: true, name: true } });
}

/**
 * The user a session cookie stands for, or null when the session has ended: the account was
 * deleted, or its session version moved on (sign-out, "sign out everywhere", a password change
 * or reset) since the cookie was issued. One read by primary key per request.
 */
export async function getSessionUser(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true, deletedAt: true },
  });
  if (!user || user.deletedAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** Ends every session of the user, on every server: cookies issued before now stop working. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** The name shown wherever a deleted account's ballots, comments and audit entries appear. */
export const DELETED_USER_NAME = "Deleted user";

async function requireCurrentPassword(userId: string, password: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.deletedAt) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("invalid", "The current password is wrong.", { currentPassword: "The current password is wrong" });
  }
  return user;
}

export async function updateName(actor: Actor, input: unknown): Promise<void> {
  const { name } = parseOrThrow(UpdateNameSchema, input, "profile");
  await db.user.update({ where: { id: actor.userId }, data: { name } });
}

/** Changes the sign-in email; needs the current password, and the new email must be free. */
export async function changeEmail(actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(ChangeEmailSchema, input, "email change");
  await requireCurrentPassword(actor.userId, data.currentPassword);
  const taken = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (taken && taken.id !== actor.userId) {
    throw new AppError("conflict", "That email belongs to another account.", { email: "That email belongs to another account" });
  }
  await db.user.update({ where: { id: actor.userId }, data: { email: data.email } });
}

/** Changes the password; every existing session ends (the caller signs this browser in again). */
export async function changePassword(actor: Actor, input: unknown): Promise<{ email: string }> {
  const data = parseOrThrow(ChangePasswordSchema, input, "password change");
  const user = await requireCurrentPassword(actor.userId, data.currentPassword);
  const passwordHash = await hashPassword(data.newPassword);
  await db.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  return { email: user.email };
}

/**
 * Deletes the account by anonymising it: the row stays because ballot hash chains and audit
 * entries reference it, but its name becomes "Deleted user", its email and password are wiped, its
 * sessions and tokens stop working and it leaves every team (refused if it is a team's last owner).
 */
export async function deleteAccount(actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(DeleteAccountSchema, input, "account deletion");
  await requireCurrentPassword(actor.userId, data.currentPassword);
  await db.$transaction(async (tx) => {
    await leaveAllTeamsForDeletion(tx, actor.userId);
    await tx.apiToken.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.invitation.updateMany({ where: { createdById: actor.userId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.notification.deleteMany({ where: { userId: actor.userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId: actor.userId } });
    await tx.user.update({
      where: { id: actor.userId },
      data: {
        name: DELETED_USER_NAME,
        email: `deleted-${actor.userId}@deleted.invalid`,
        passwordHash: "!deleted",
        deletedAt: new Date(),
        sessionVersion: { increment: 1 },
        notificationPrefs: "{}",
      },
    });
  }, { timeout: 30_000 });
}
