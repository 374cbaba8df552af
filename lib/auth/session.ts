import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth, type SessionWithClaims } from "@/lib/auth/auth";
import { resolveSession, type SessionUser } from "@/lib/domain/sessions";

/**
 * The signed-in user, or null. The one place a session cookie is honoured (pages, server actions
 * and the cookie-authenticated API all come here): the cookie's UserSession row is read with its
 * user, and a revoked or expired row, a deleted account or a session version that moved on
 * counts as signed out (lib/domain/sessions.ts).
 */
export async function readSessionUser(): Promise<SessionUser | null> {
  const session = (await auth()) as SessionWithClaims | null;
  const userId = session?.user?.id;
  if (!userId || !session.sessionId) return null;
  return resolveSession({ userId, sessionId: session.sessionId, sessionVersion: session.sessionVersion ?? -1 });
}

/** readSessionUser once per render; long-lived streams re-check with readSessionUser itself. */
export const currentUser = cache(readSessionUser);

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
