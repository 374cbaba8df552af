"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { FormStatus } from "@/components/forms/form-status";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { acceptAddressedInvitationAction } from "@/app/invite/actions";

/** Accepts an invite link (`token`), or an invitation sent to the user's address (`invitationId`). */
export function AcceptInviteForm(props: { token: string } | { invitationId: string }) {
  const bound =
    "token" in props ? acceptInvitationAction.bind(null, props.token) : acceptAddressedInvitationAction.bind(null, props.invitationId);
  const [state, action, pending] = useActionState(bound, null);
  return (
    <form action={action} className="grid gap-3">
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner /> : null} Accept invitation
      </Button>
    </form>
  );
}
