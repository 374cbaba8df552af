"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { FormStatus } from "@/components/forms/form-status";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";

export function AcceptInviteForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), null);
  return (
    <form action={action} className="grid gap-3">
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner /> : null} Accept invitation
      </Button>
    </form>
  );
}
