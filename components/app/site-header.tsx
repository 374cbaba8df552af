import Link from "next/link";
import { Scale } from "lucide-react";
import { currentUser } from "@/lib/auth/session";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Avatar } from "@/components/ui/avatar";
import { NavLink } from "@/components/ui/nav-link";
import { NotificationBell } from "@/components/notifications/bell";
import { unreadNotificationCount } from "@/lib/domain/notifications";
import { VerifyEmailBannerSlot } from "@/components/account/verify-email-banner";

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="no-print border-b bg-card/80 backdrop-blur" data-print="hide">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link href={user ? "/teams" : "/"} className="flex items-center gap-2 font-semibold tracking-tight">
          <Scale className="size-5 text-primary" aria-hidden />
          {/* The name gives way to the navigation on a phone; the icon stays and keeps the link named. */}
          <span className={user ? "sr-only sm:not-sr-only" : undefined}>Tradeoff</span>
        </Link>
        {user ? (
          <nav aria-label="Main" className="flex flex-1 items-center gap-1 text-sm">
            <NavLink href="/teams">Teams</NavLink>
            <NavLink href="/sources">Sources</NavLink>
            <NavLink href="/settings">Settings</NavLink>
            <div className="ml-auto flex items-center gap-2">
              <NotificationBell initialUnread={await unreadNotificationCount({ userId: user.id })} />
              <span className="hidden items-center gap-2 text-muted-foreground sm:flex">
                <Avatar name={user.name} size="sm" />
                <span data-testid="current-user">{user.name}</span>
              </span>
              <form action={signOutAction}>
                <Button type="submit" variant="outline" size="sm">
                  Sign out
                </Button>
              </form>
            </div>
          </nav>
        ) : (
          <nav aria-label="Main" className="ml-auto flex items-center gap-2">
            <Button asChild variant="ghost" size="sm">
              <Link href="/sign-in">Sign in</Link>
            </Button>
            <Button asChild size="sm">
              <Link href="/sign-up">Create account</Link>
            </Button>
          </nav>
        )}
      </div>
      {user && !user.emailVerified ? <VerifyEmailBannerSlot /> : null}
    </header>
  );
}
