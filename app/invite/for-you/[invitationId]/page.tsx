import { requireUser } from "@/lib/auth/session";
import { describeAddressedInvitation } from "@/lib/domain/invitations";
import { AppError } from "@/lib/errors";
import { AcceptInviteForm } from "@/components/forms/accept-invite";
import { InvitationCard } from "@/components/team/invitation-card";

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
    <InvitationCard invitation={invitation}>
      <p className="text-sm text-muted-foreground">Signed in as {user.email}.</p>
      <AcceptInviteForm invitationId={invitationId} />
    </InvitationCard>
  );
}
