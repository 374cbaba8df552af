import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  RESET_RULES,
  SIGN_IN_RULES,
  VERIFICATION_MAIL_RULE,
  admitCheck,
  retryPhrase,
  type ThrottleRule,
} from "@/lib/security/throttle-policy";

class Contended extends Error {}
class Refused extends Error {
  constructor(readonly retryAt: Date) {
    super("refused");
  }
}
/** Buckets idle this long are deleted: longer than any window or backoff. */
const PRUNE_AFTER_MS = 24 * 3_600_000;

export interface SignInKeys {
  email: string;
  address: string;
}

function bucketsFor({ email, address }: SignInKeys): Array<[string, ThrottleRule]> {
  return [
    [`acct-ip:${email}|${address}`, SIGN_IN_RULES.accountAndAddress],
    [`ip:${address}`, SIGN_IN_RULES.address],
    [`acct:${email}`, SIGN_IN_RULES.account],
  ];
}

/**
 * Reserves one password check for this email from this address, or throws rate_limited.
 */
export async function reserveSignInCheck(keys: SignInKeys): Promise<void> {
  const refused = await reserveInBuckets(bucketsFor(keys));
  if (refused === "contended") {
    throw new AppError("rate_limited", "Too many sign-in attempts at once. Try again in a few seconds.");
  }
  if (refused) throw new AppError("rate_limited", `Too many sign-in attempts. Try again ${retryPhrase(refused.retryAt, new Date())}.`);
}

export type ResetRequestDecision = "send" | "account_limited";

/**
 * Counts one password-reset request (keys prefixed "reset", apart from the sign-in buckets).
 * Too many from this address throws rate_limited: that answer is the same for every email, so it
 * reveals nothing. Too many for this email answers "account_limited", which the caller must not
 * show (it would tell that the email is being reset, or exists): the request is dropped quietly.
 * The account bucket is counted whether or not the email has an account, for the same reason.
 */
export async function reserveResetRequest({ email, address }: SignInKeys): Promise<ResetRequestDecision> {
  const byAddress = await reserveInBuckets([[`reset-ip:${address}`, RESET_RULES.address]]);
  if (byAddress) {
    const when = byAddress === "contended" ? "in a few seconds" : retryPhrase(byAddress.retryAt, new Date());
    throw new AppError("rate_limited", `Too many reset requests from here. Try again ${when}.`);
  }
  const byAccount = await reserveInBuckets([[`reset:${email}`, RESET_RULES.account]]);
  return byAccount ? "account_limited" : "send";
}

/**
 * Counts one verification email asked for by this account (a resend or an address change), or
 * throws rate_limited: the counter moves by compare-and-set, so concurrent requests cannot exceed it.
 */
export async function reserveVerificationMail(userId: string): Promise<void> {
  const refused = await reserveInBuckets([[`verify:${userId}`, VERIFICATION_MAIL_RULE]]);
  if (!refused) return;
  const when = refused === "contended" ? "in a few seconds" : retryPhrase(refused.retryAt, new Date());
  throw new AppError("rate_limited", `Too many verification emails for now. Try again ${when}.`);
}

/**
 * Advances every bucket by one, or none: null when admitted, else the refusal (or "contended" when
 * the retries ran out). Each bucket moves by compare-and-set on (failures, windowStart) inside one
 * transaction: two requests that read the same bucket cannot both advance it, so the limits hold
 * under any concurrency and across processes; the loser retries from a fresh read.
 */
async function reserveInBuckets(buckets: Array<[string, ThrottleRule]>): Promise<{ retryAt: Date } | "contended" | null> {
  const now = new Date();
  await db.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - PRUNE_AFTER_MS) } } });
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      await db.$transaction(async (tx) => {
        for (const [key, rule] of buckets) {
          const row = await tx.signInThrottle.findUnique({ where: { key } });
          const decision = admitCheck(row, rule, now);
          if (!decision.ok) throw new Refused(decision.retryAt);
          if (!row) {
            await tx.signInThrottle.create({ data: { key, ...decision.next } });
          } else {
            const advanced = await tx.signInThrottle.updateMany({
              where: { key, failures: row.failures, windowStart: row.windowStart },
              data: decision.next,
            });
            if (advanced.count !== 1) throw new Contended();
          }
        }
      });
      return null;
    } catch (error) {
      if (error instanceof Refused) return { retryAt: error.retryAt };
      // A lost compare-and-set, or two first attempts creating the same bucket (unique key).
      const lost = error instanceof Contended || (error as { code?: string }).code === "P2002";
      if (!lost) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
  return "contended";
}

/** The password was right: the reserved check is given back (and this address's slate wiped for the account). */
export async function releaseSignInCheck(keys: SignInKeys): Promise<void> {
  const [[accountAndAddress], [address], [account]] = bucketsFor(keys);
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: accountAndAddress } }),
    db.signInThrottle.updateMany({ where: { key: { in: [address, account] }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } }),
  ]);
}
