import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { getUser, type SessionUser } from "@/lib/domain/users";

/** The signed-in user, or null. The user row is re-read so a deleted account loses access at once. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? getUser(id) : null;
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
