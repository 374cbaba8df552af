import "server-only";
import { db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { hashPassword } from "@/lib/security/password";
import { hashSecret, newSecret } from "@/lib/security/tokens";
import { reserveResetRequest } from "@/lib/domain/throttle";
import { appUrl } from "@/lib/mail/app-url";
import { deliverOutbox, enqueueMail } from "@/lib/mail/outbox";
import { passwordResetMail } from "@/lib/mail/templates";
import { revokeAllSessions } from "@/lib/domain/sessions";
import { ForgotPasswordSchema, ResetPasswordSchema } from "@/lib/validation/auth";

export const RESET_TTL_MINUTES = 60;
/** At most this many reset emails per account per TTL, so the form cannot be used to flood an inbox. */
const MAX_OPEN_RESETS = 3;

/**
 * Emails a single-use reset link if an account has this address. The answer is the same either
 * way (the caller shows one message), so the form does not reveal which emails have accounts.
 * Limited per client address (rate_limited, the same for every email) and per email (dropped
 * quietly, with the same answer), before the account is even looked up.
 */
export async function requestPasswordReset(input: unknown, address = "unknown"): Promise<void> {
  const { email } = parseOrThrow(ForgotPasswordSchema, input, "password reset");
  if ((await reserveResetRequest({ email, address })) === "account_limited") return;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, deletedAt: true } });
  if (!user || user.deletedAt) return;
  const now = new Date();
  const sent = await db.$transaction(async (tx) => {
    const open = await tx.passwordResetToken.count({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } } });
    if (open >= MAX_OPEN_RESETS) return false;
    const { secret, hash } = newSecret("rst");
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_TTL_MINUTES * 60_000) },
    });
    await enqueueMail(tx, user.email, passwordResetMail(appUrl(`/reset-password/${secret}`), RESET_TTL_MINUTES));
    return true;
  });
  if (sent) void deliverOutbox({ announce: true });
}

/** Whether a reset link can still be used (for the page, before the form is shown). */
export async function resetTokenIsUsable(token: string): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return !!row && !row.usedAt && row.expiresAt > new Date();
}

/**
 * Sets a new password through a reset link: the link is claimed by a conditional write (used
 * once, even under a race), every other open link of the account is spent too, and every session
 * of the account ends.
 */
export async function resetPassword(input: unknown): Promise<{ email: string }> {
  const { token, newPassword } = parseOrThrow(ResetPasswordSchema, input, "password reset");
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash: hashSecret(token) }, select: { id: true, userId: true } });
    const claimed = row
      ? await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      : { count: 0 };
    if (!row || claimed.count !== 1) {
      throw new AppError("invalid", "This reset link has expired or was already used. Ask for a new one.", {
        token: "This reset link has expired or was already used",
      });
    }
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { email: true } });
    await revokeAllSessions(tx, row.userId);
    return { email: user.email };
  });
}
