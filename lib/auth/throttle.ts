import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SIGN_IN_RULES, admitCheck, retryPhrase, type ThrottleRule } from "@/lib/auth/throttle-policy";

class Contended extends Error {}
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
 * Reserves one password check for this email from this address, or throws rate_limited. Every
 * bucket is advanced by compare-and-set on (failures, windowStart) inside one transaction: two
 * requests that read the same bucket cannot both advance it, so the limits hold under any
 * concurrency and across processes; the loser retries from a fresh read.
 */
export async function reserveSignInCheck(keys: SignInKeys): Promise<void> {
  const now = new Date();
  await db.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - PRUNE_AFTER_MS) } } });
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      await db.$transaction(async (tx) => {
        for (const [key, rule] of bucketsFor(keys)) {
          const row = await tx.signInThrottle.findUnique({ where: { key } });
          const decision = admitCheck(row, rule, now);
          if (!decision.ok) {
            throw new AppError("rate_limited", `Too many sign-in attempts. Try again ${retryPhrase(decision.retryAt, now)}.`);
          }
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
      return;
    } catch (error) {
      if (error instanceof AppError) throw error;
      // A lost compare-and-set, or two first attempts creating the same bucket (unique key).
      const lost = error instanceof Contended || (error as { code?: string }).code === "P2002";
      if (!lost) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
  throw new AppError("rate_limited", "Too many sign-in attempts at once. Try again in a few seconds.");
}

/** The password was right: the reserved check is given back (and this address's slate wiped for the account). */
export async function releaseSignInCheck(keys: SignInKeys): Promise<void> {
  const [[accountAndAddress], [address], [account]] = bucketsFor(keys);
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: accountAndAddress } }),
    db.signInThrottle.updateMany({ where: { key: { in: [address, account] }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } }),
  ]);
}
