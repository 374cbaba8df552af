import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/domain/authorize";
import { describeUserAgent } from "@/lib/security/user-agent";

/** How long a session lives without being seen; the cookie's max age (lib/auth/auth.ts) is the same. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** `lastSeenAt` moves at most this often, so a busy browser does not write on every request. */
export const SESSION_SEEN_RESOLUTION_MS = 60_000;
/** Revoked and expired rows are kept this long (they show nothing, but help answer "was that me?"), then deleted. */
const PRUNE_AFTER_MS = 30 * 24 * 3_600_000;

/** The signed-in user as every page, action and API route sees them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** false until the account's address was proven by a link (sign-up is instant; a notice offers to resend) */
  emailVerified: boolean;
  /** the UserSession row this request came with; absent outside a browser session */
  sessionId?: string;
}

/** What the session cookie carries besides the user id: its session row and the account's session version at sign-in. */
export interface SessionClaims {
  userId: string;
  sessionId: string;
  sessionVersion: number;
}

/**
 * Opens a session row for a sign-in (the JWT cookie carries its id). The same user's rows that
 * ended more than 30 days ago are pruned here, so the table stays bounded by active use.
 */
export async function startSession(input: { userId: string; userAgent?: string | null; address?: string }): Promise<{ sessionId: string }> {
  const now = new Date();
  const longAgo = new Date(now.getTime() - PRUNE_AFTER_MS);
  const [, row] = await db.$transaction([
    db.userSession.deleteMany({
      where: { userId: input.userId, OR: [{ revokedAt: { lt: longAgo } }, { expiresAt: { lt: longAgo } }] },
    }),
    db.userSession.create({
      data: {
        userId: input.userId,
        userAgent: (input.userAgent ?? "").slice(0, 300),
        ipAddress: (input.address ?? "").slice(0, 100),
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      },
      select: { id: true },
    }),
  ]);
  return { sessionId: row.id };
}

/**
 * The user a session cookie stands for, or null when its session has ended: the row was revoked
 * (sign-out, Revoke in Settings) or expired, the account was deleted, or the account's session
 * version moved on ("sign out everywhere", a password change or reset, removal from the last
 * team). One read by primary key with the user joined; at most once a minute a conditional update
 * records the visit and slides the expiry (concurrent requests store it once).
 */
export async function resolveSession(claims: SessionClaims): Promise<SessionUser | null> {
  const row = await db.userSession.findUnique({
    where: { id: claims.sessionId },
    select: {
      userId: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, deletedAt: true, sessionVersion: true, emailVerifiedAt: true } },
    },
  });
  const now = new Date();
  if (!row || row.userId !== claims.userId || row.revokedAt || row.expiresAt <= now) return null;
  if (row.user.deletedAt || row.user.sessionVersion !== claims.sessionVersion) return null;
  if (row.lastSeenAt.getTime() < now.getTime() - SESSION_SEEN_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - SESSION_SEEN_RESOLUTION_MS);
    await db.userSession.updateMany({
      where: { id: claims.sessionId, revokedAt: null, lastSeenAt: { lt: stale } },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    });
  }
  const { user } = row;
  return { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerifiedAt !== null, sessionId: claims.sessionId };
}

/** Revoke from Settings: ends one of the actor's own sessions (another person's id is "not found"). */
export async function revokeSession(actor: Actor, sessionId: string): Promise<void> {
  const revoked = await db.userSession.updateMany({
    where: { id: sessionId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count !== 1) throw new AppError("not_found", "That session has already ended.");
}

/**
 * Ends every session of the user, on every server, inside the caller's transaction: every row is
 * revoked (so Settings lists none) and the session version moves on (so a cookie whose row was
 * created concurrently, or predates the rows, is refused as well).
 */
export async function revokeAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export interface ActiveSession {
  id: string;
  device: string;
  ipAddress: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The actor's sessions that still work, the current one first, then the most recently seen. */
export async function listSessions(actor: Actor & { sessionId?: string }): Promise<ActiveSession[]> {
  const rows = await db.userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return rows
    .map((row) => ({
      id: row.id,
      device: describeUserAgent(row.userAgent),
      // An IPv4 client on a dual-stack socket reads "::ffff:192.0.2.1": show the address people know.
      ipAddress: row.ipAddress.replace(/^::ffff:(?=\d+\.)/, ""),
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === actor.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
