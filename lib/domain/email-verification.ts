import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { hashSecret, newSecret } from "@/lib/security/tokens";
import { reserveVerificationMail } from "@/lib/domain/throttle";
import { appUrl } from "@/lib/mail/app-url";
import { deliverOutbox, enqueueMail } from "@/lib/mail/outbox";
import { emailChangeMail, emailChangeRequestedNotice, verifyEmailMail } from "@/lib/mail/templates";
import { VerifyEmailSchema } from "@/lib/validation/auth";
import type { Actor } from "@/lib/domain/authorize";

export const VERIFY_TTL_HOURS = 24;

/** Writes a single-use link proving `email` for the user and queues it, in the caller's transaction. */
async function queueVerificationLink(tx: Tx, userId: string, email: string, kind: "confirm" | "change"): Promise<void> {
  const { secret, hash } = newSecret("vfy");
  await tx.emailVerificationToken.create({
    data: { userId, email, tokenHash: hash, expiresAt: new Date(Date.now() + VERIFY_TTL_HOURS * 3_600_000) },
  });
  const url = appUrl(`/verify-email/${secret}`);
  await enqueueMail(tx, email, kind === "confirm" ? verifyEmailMail(url, VERIFY_TTL_HOURS) : emailChangeMail(url, VERIFY_TTL_HOURS));
}

/** At sign-up, in the transaction that creates the account: the caller delivers the outbox after commit. */
export async function queueSignUpVerification(tx: Tx, user: { id: string; email: string }): Promise<void> {
  await queueVerificationLink(tx, user.id, user.email, "confirm");
}

/** "Resend" on the notice: a fresh link to the account's current address, at most 3 an hour. */
export async function resendVerification(actor: Actor): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, emailVerifiedAt: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  if (user.emailVerifiedAt) throw new AppError("conflict", "Your email is already confirmed.");
  await reserveVerificationMail(actor.userId);
  await db.$transaction((tx) => queueVerificationLink(tx, actor.userId, user.email, "confirm"));
  void deliverOutbox({ announce: true });
  return { email: user.email };
}

/**
 * Asks to move the account to a new address (the caller has checked the password and that the
 * address is free now): a link goes to the new address and a plain notice to the old one. Nothing
 * about the account changes until the link is followed (verifyEmail).
 */
export async function requestEmailChange(actor: Actor, user: { email: string }, newEmail: string): Promise<void> {
  await reserveVerificationMail(actor.userId);
  await db.$transaction(async (tx) => {
    await queueVerificationLink(tx, actor.userId, newEmail, "change");
    await enqueueMail(tx, user.email, emailChangeRequestedNotice(newEmail));
  });
  void deliverOutbox({ announce: true });
}

const SPENT = "This confirmation link has expired or was already used.";

/**
 * Follows a link: claims it (once, even under a race), then either marks the current address
 * verified or moves the account to the new one, in one transaction that re-checks the address is
 * still free. Every other open link of the account is spent, so an older link cannot move the
 * account back later. A refusal changes nothing, the claim included.
 */
export async function verifyEmail(input: unknown): Promise<{ email: string; changed: boolean }> {
  const { token } = parseOrThrow(VerifyEmailSchema, input, "email confirmation");
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.emailVerificationToken.findUnique({
        where: { tokenHash: hashSecret(token) },
        select: { id: true, userId: true, email: true, user: { select: { email: true, deletedAt: true } } },
      });
      const claimed = row
        ? await tx.emailVerificationToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
        : { count: 0 };
      if (!row || claimed.count !== 1 || row.user.deletedAt) throw new AppError("invalid", SPENT, { token: SPENT });
      const changed = row.email !== row.user.email;
      if (changed) {
        const holder = await tx.user.findUnique({ where: { email: row.email }, select: { id: true } });
        if (holder && holder.id !== row.userId) throw emailTaken(row.email);
      }
      await tx.emailVerificationToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
      await tx.user.update({ where: { id: row.userId }, data: { email: row.email, emailVerifiedAt: now } });
      return { email: row.email, changed };
    });
  } catch (error) {
    // Another account took the address between our check and the write (PostgreSQL: the unique index says so).
    if ((error as { code?: string }).code === "P2002") throw emailTaken();
    throw error;
  }
}

function emailTaken(email?: string): AppError {
  const message = `${email ?? "That address"} now belongs to another account, so your email was not changed. Choose another address in Settings.`;
  return new AppError("conflict", message, { email: "That email belongs to another account" });
}

/** For the page, before it offers the button: whether the link can still be used, and for which address. */
export async function verificationLinkState(token: string): Promise<{ usable: boolean; email?: string }> {
  const row = await db.emailVerificationToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { usedAt: true, expiresAt: true, email: true },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date()) return { usable: false };
  return { usable: true, email: row.email };
}

/** The address the account asked to move to and has not confirmed yet, for Settings. */
export async function pendingEmailChange(actor: Actor): Promise<string | null> {
  const rows = await db.emailVerificationToken.findMany({
    where: { userId: actor.userId, usedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true, user: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
  return rows.find((row) => row.email !== row.user.email)?.email ?? null;
}
