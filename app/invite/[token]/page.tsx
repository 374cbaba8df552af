import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { describeInvitation } from "@/lib/domain/invitations";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { AcceptInviteForm } from "@/components/forms/accept-invite";
import { DateTime } from "@/components/ui/date-time";

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
    <div className="mx-auto w-full max-w-md py-6 sm:py-12">
      {"error" in invitation ? (
        <Alert variant="destructive">
          <AlertTitle>This invitation cannot be used</AlertTitle>
          <AlertDescription>{invitation.error}</AlertDescription>
        </Alert>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle as="h1">Join {invitation.teamName}</CardTitle>
            <CardDescription>
              {invitation.invitedBy} invited you as {ROLE_LABELS[invitation.role].toLowerCase()}. The link expires{" "}
              <DateTime value={invitation.expiresAt} />.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
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
          </CardContent>
        </Card>
      )}
    </div>
  );
}
