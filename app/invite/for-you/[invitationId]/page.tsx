import { requireUser } from "@/lib/auth/session";
import { describeAddressedInvitation } from "@/lib/domain/invitations";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import { AcceptInviteForm } from "@/components/forms/accept-invite";

export const metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

/** An invitation sent to the signed-in user's address, opened from their notification. */
export default async function AddressedInvitePage({ params }: { params: Promise<{ invitationId: string }> }) {
  const { invitationId } = await params;
  const user = await requireUser(`/invite/for-you/${encodeURIComponent(invitationId)}`);
  const invitation = await describeAddressedInvitation({ userId: user.id }, invitationId).catch((error: unknown) => {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  });
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
              {invitation.invitedBy} invited you as {ROLE_LABELS[invitation.role].toLowerCase()}. The invitation expires{" "}
              <DateTime value={invitation.expiresAt} />.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
            <AcceptInviteForm invitationId={invitationId} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
