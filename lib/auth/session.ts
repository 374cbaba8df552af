import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth, type SessionWithVersion } from "@/lib/auth/auth";
import { getSessionUser, type SessionUser } from "@/lib/domain/users";

/**
 * The signed-in user, or null. The one place a session cookie is honoured (pages, server actions
 * and the cookie-authenticated API all come here): the user row is re-read, and a cookie whose
 * session version is behind the account's (after sign-out, "sign out everywhere", a password
 * change or reset) or whose account was deleted counts as signed out.
 */
export async function readSessionUser(): Promise<SessionUser | null> {
  const session = (await auth()) as SessionWithVersion | null;
  const id = session?.user?.id;
  if (!id) return null;
  return getSessionUser(id, session.sessionVersion ?? -1);
}

/** readSessionUser once per render; long-lived streams re-check with readSessionUser itself. */
export const currentUser = cache(readSessionUser);

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
