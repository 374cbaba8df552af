"use client";

import { useActionState, useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { FormStatus, fieldError, keptValue } from "@/components/forms/form-status";
import {
  changeRoleAction,
  createInvitationAction,
  createTeamAction,
  leaveTeamAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/app/teams/actions";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/domain/permissions";
import type { ActionState } from "@/lib/http/action";

/** A failed action's message beside a compact control (a role picker, a remove button). */
function InlineError({ state }: { state: ActionState }) {
  if (!state || state.ok) return null;
  return (
    <span role="alert" className="text-xs text-destructive">
      {state.message}
    </span>
  );
}

export function CreateTeamForm() {
  const [state, action, pending] = useActionState(createTeamAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
      <Field label="Team name" error={fieldError(state, "name")} className="sm:col-span-1">
        <Input name="name" placeholder="e.g. Platform team" defaultValue={keptValue(state, "name")} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner /> : null} Create team
      </Button>
      <div className="sm:col-span-2">
        <FormStatus state={state?.ok ? null : state} />
      </div>
    </form>
  );
}

export function InviteForm({ teamId, canInviteOwner }: { teamId: string; canInviteOwner: boolean }) {
  const [state, action, pending] = useActionState(createInvitationAction.bind(null, teamId), null);
  const [copied, setCopied] = useState(false);
  const link = state?.ok && state.data && typeof window !== "undefined" ? `${window.location.origin}/invite/${state.data.token}` : null;
  const roles = ROLES.filter((r) => canInviteOwner || r !== "owner");
  return (
    <div className="grid gap-3">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="Role" error={fieldError(state, "role")}>
          <NativeSelect name="role" defaultValue="member" wrapperClassName="w-32">
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? <Spinner /> : null} Create invite link
        </Button>
      </form>
      {state && !state.ok ? <FormStatus state={state} /> : null}
      {link ? (
        <div className="grid gap-2 rounded-lg border bg-muted/40 p-3">
          <p className="text-sm">
            Share this link with your teammate. It works once and expires {new Date(state!.ok ? state!.data!.expiresAt : 0).toLocaleString()}.
          </p>
          <div className="flex gap-2">
            <Input readOnly value={link} aria-label="Invite link" data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} />
            <Button
              type="button"
              variant="outline"
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? <Check /> : <Copy />} {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function RoleSelect({ teamId, userId, role, name }: { teamId: string; userId: string; role: Role; name: string }) {
  const [state, action, pending] = useActionState(changeRoleAction.bind(null, teamId), null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <NativeSelect
        wrapperClassName="w-28"
        name="role"
        defaultValue={role}
        aria-label={`Role of ${name}`}
        disabled={pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </NativeSelect>
      <InlineError state={state} />
    </form>
  );
}

export function RemoveMemberButton({ teamId, userId, name }: { teamId: string; userId: string; name: string }) {
  const [state, action, pending] = useActionState(removeMemberAction.bind(null, teamId, userId), null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Remove ${name} from the team?`)) e.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Remove ${name}`}>
        Remove
      </Button>
      <InlineError state={state} />
    </form>
  );
}

export function LeaveTeamButton({ teamId }: { teamId: string }) {
  const [state, action, pending] = useActionState(leaveTeamAction.bind(null, teamId), null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm("Leave this team? You will lose access to its evaluations.")) e.preventDefault();
      }}
      className="grid gap-2"
    >
      <Button type="submit" variant="outline" disabled={pending}>
        Leave team
      </Button>
      {state && !state.ok ? <FormStatus state={state} /> : null}
    </form>
  );
}

export function RevokeInvitationButton({ teamId, invitationId, label }: { teamId: string; invitationId: string; label: string }) {
  const [state, action, pending] = useActionState(revokeInvitationAction.bind(null, teamId, invitationId), null);
  return (
    <form action={action} className="flex items-center gap-2">
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Revoke ${label}`}>
        Revoke
      </Button>
      <InlineError state={state} />
    </form>
  );
}
