import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { describeInvitation } from "@/lib/domain/invitations";
import { AppError } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { AcceptInviteForm } from "@/components/forms/accept-invite";
import { InvitationCard } from "@/components/team/invitation-card";

export const metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token).catch((error: unknown) => {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  });
  const user = await currentUser();
  const back = `/invite/${encodeURIComponent(token)}`;

  return (
    <InvitationCard invitation={invitation}>
      {user ? (
        <>
          <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
          <AcceptInviteForm token={token} />
        </>
      ) : (
        <div className="grid gap-2 sm:grid-cols-2">
          <Button asChild>
            <Link href={`/sign-up?next=${encodeURIComponent(back)}`}>Create account to join</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={`/sign-in?next=${encodeURIComponent(back)}`}>Sign in to join</Link>
          </Button>
        </div>
      )}
    </InvitationCard>
  );
}
