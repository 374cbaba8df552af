/**
 * Sign-in throttling rules, pure (no I/O): lib/auth/throttle.ts stores the buckets.
 *
 * Why three keys, and why backoff instead of a lock-out:
 * - "acct-ip" (account + client address): 5 password checks per 15 minutes. This is the tight
 *   limit that stops guessing one account from one place, and it cannot hurt the real user
 *   elsewhere, because it is keyed by the attacker's address too.
 * - "ip" (client address): 20 checks per 15 minutes across all accounts, so spraying a few
 *   guesses over many accounts from one address is limited as well.
 * - "acct" (account, any address): no hard cap. A hard per-account lock (the old 15-minute lock
 *   after 5 failures) lets any anonymous person lock a colleague out at will. Instead, after 10
 *   unproven checks in the window each further check must wait an exponentially growing delay
 *   (1 s, 2 s, 4 s … capped at 60 s). A distributed attacker gets at most ~1 guess a minute,
 *   and the real user is never refused for longer than a minute.
 * A "failure" is counted when a check starts (so concurrent requests cannot all slip through
 * before the first failure is written) and given back when the password proves right.
 */
export interface ThrottleRule {
  windowMs: number;
  /** checks allowed per window; null: no hard cap */
  maxFailures: number | null;
  /** unproven checks after which each further check waits a backoff; null: no backoff */
  backoffAfter: number | null;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export interface ThrottleBucket {
  failures: number;
  windowStart: Date;
  nextAllowedAt: Date;
}

const WINDOW_MS = 15 * 60_000;

export const SIGN_IN_RULES = {
  accountAndAddress: { windowMs: WINDOW_MS, maxFailures: 5, backoffAfter: null, backoffBaseMs: 0, backoffCapMs: 0 },
  address: { windowMs: WINDOW_MS, maxFailures: 20, backoffAfter: null, backoffBaseMs: 0, backoffCapMs: 0 },
  account: { windowMs: WINDOW_MS, maxFailures: null, backoffAfter: 10, backoffBaseMs: 1_000, backoffCapMs: 60_000 },
} satisfies Record<string, ThrottleRule>;

/**
 * Password-reset requests (each may send an email): per client address, 10 per 15 minutes, so the
 * form cannot be used to mail-bomb many inboxes from one place; per email, 3 per hour from
 * anywhere, so one inbox cannot be flooded (the open-link cap in lib/domain/password-reset.ts
 * bounds the same thing once links exist; this bucket also counts emails without an account).
 */
export const RESET_RULES = {
  address: { windowMs: WINDOW_MS, maxFailures: 10, backoffAfter: null, backoffBaseMs: 0, backoffCapMs: 0 },
  account: { windowMs: 60 * 60_000, maxFailures: 3, backoffAfter: null, backoffBaseMs: 0, backoffCapMs: 0 },
} satisfies Record<string, ThrottleRule>;

/**
 * Verification emails an account may ask for (resending the sign-up link, asking to change the
 * address): 3 per hour, so a signed-in session cannot be used to flood an inbox.
 */
export const VERIFICATION_MAIL_RULE = {
  windowMs: 60 * 60_000,
  maxFailures: 3,
  backoffAfter: null,
  backoffBaseMs: 0,
  backoffCapMs: 0,
} satisfies ThrottleRule;

export type ThrottleDecision = { ok: true; next: ThrottleBucket } | { ok: false; retryAt: Date };

/** Whether one more password check may start now, and the bucket after it has. */
export function admitCheck(bucket: ThrottleBucket | null, rule: ThrottleRule, now: Date): ThrottleDecision {
  const current =
    bucket && bucket.windowStart.getTime() + rule.windowMs > now.getTime()
      ? bucket
      : { failures: 0, windowStart: now, nextAllowedAt: bucket?.nextAllowedAt ?? now };
  if (rule.maxFailures !== null && current.failures >= rule.maxFailures) {
    return { ok: false, retryAt: new Date(current.windowStart.getTime() + rule.windowMs) };
  }
  if (current.nextAllowedAt.getTime() > now.getTime()) return { ok: false, retryAt: current.nextAllowedAt };
  const failures = current.failures + 1;
  const delay =
    rule.backoffAfter !== null && failures > rule.backoffAfter
      ? Math.min(rule.backoffBaseMs * 2 ** (failures - rule.backoffAfter - 1), rule.backoffCapMs)
      : 0;
  return { ok: true, next: { failures, windowStart: current.windowStart, nextAllowedAt: new Date(now.getTime() + delay) } };
}

/** "in 3 minutes", "in 40 seconds": when a refused sign-in may be tried again. */
export function retryPhrase(retryAt: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  return `in ${Math.ceil(seconds / 60)} minutes`;
}
