import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";

export interface InvitationSummary {
  teamName: string;
  invitedBy: string;
  role: Role;
  expiresAt: Date | string;
}

/**
 * An invitation as its invitee sees it, or why it cannot be used; `children` is how to accept it
 * (the link page and the page opened from a notification differ only there).
 */
export function InvitationCard({ invitation, children }: { invitation: InvitationSummary | { error: string }; children: ReactNode }) {
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
          <CardContent className="grid gap-3">{children}</CardContent>
        </Card>
      )}
    </div>
  );
}
