import "server-only";
import { db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { decoyPasswordHash, hashPassword, verifyPassword } from "@/lib/security/password";
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
import { releaseSignInCheck, reserveSignInCheck } from "@/lib/domain/throttle";
import { revokeAllSessions, type SessionUser } from "@/lib/domain/sessions";
import { queueSignUpVerification, requestEmailChange } from "@/lib/domain/email-verification";
import { deliverOutbox } from "@/lib/mail/outbox";

export type { SessionUser } from "@/lib/domain/sessions";

/** A new account is usable at once; a link to confirm its address is emailed in the same transaction. */
export async function signUp(input: unknown): Promise<SessionUser> {
  const data = parseOrThrow(SignUpSchema, input, "sign-up");
  const taken = () =>
    new AppError("conflict", "An account with this email already exists. Sign in instead.", {
      email: "An account with this email already exists",
    });
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw taken();
  const passwordHash = await hashPassword(data.password);
  const user = await db
    .$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash } });
      await queueSignUpVerification(tx, created);
      return created;
    })
    .catch((error: unknown) => {
      // A concurrent sign-up (or an email change confirmed meanwhile) took the address: the unique index says so.
      throw (error as { code?: string }).code === "P2002" ? taken() : error;
    });
  void deliverOutbox({ announce: true });
  return { id: user.id, email: user.email, name: user.name, emailVerified: false };
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
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    sessionVersion: user.sessionVersion,
  };
}

/** Signing out: ends every session of the user, on every server, this one included. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.$transaction((tx) => revokeAllSessions(tx, userId));
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

/**
 * Asks to change the sign-in email; needs the current password. The account keeps its address
 * until the link sent to the new one is followed (lib/domain/email-verification.ts), which checks
 * again that the address is free: the check here only spares the user a link that cannot work.
 */
export async function changeEmail(actor: Actor, input: unknown): Promise<{ email: string }> {
  const data = parseOrThrow(ChangeEmailSchema, input, "email change");
  const user = await requireCurrentPassword(actor.userId, data.currentPassword);
  if (data.email === user.email) {
    throw new AppError("invalid", "That is already your email.", { email: "That is already your email" });
  }
  const taken = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (taken) {
    throw new AppError("conflict", "That email belongs to another account.", { email: "That email belongs to another account" });
  }
  await requestEmailChange(actor, user, data.email);
  return { email: data.email };
}

/** Changes the password; every existing session ends (the caller signs this browser in again). */
export async function changePassword(actor: Actor, input: unknown): Promise<{ email: string }> {
  const data = parseOrThrow(ChangePasswordSchema, input, "password change");
  const user = await requireCurrentPassword(actor.userId, data.currentPassword);
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await revokeAllSessions(tx, user.id);
  });
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
  await db.$transaction(
    async (tx) => {
      await leaveAllTeamsForDeletion(tx, actor.userId);
      await tx.apiToken.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await tx.invitation.updateMany({
        where: { createdById: actor.userId, acceptedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      await tx.notification.deleteMany({ where: { userId: actor.userId } });
      await tx.passwordResetToken.deleteMany({ where: { userId: actor.userId } });
      await tx.emailVerificationToken.deleteMany({ where: { userId: actor.userId } });
      await revokeAllSessions(tx, actor.userId);
      await tx.user.update({
        where: { id: actor.userId },
        data: {
          name: DELETED_USER_NAME,
          email: `deleted-${actor.userId}@deleted.invalid`,
          passwordHash: "!deleted",
          deletedAt: new Date(),
          emailVerifiedAt: null,
          notificationPrefs: "{}",
        },
      });
    },
    { timeout: 30_000 },
  );
}
