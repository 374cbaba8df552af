"use client";

import { useActionState, useState, useTransition } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { DateTime } from "@/components/ui/date-time";
import { resendInvitationAction } from "@/app/invite/actions";
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
import { ROLES, ROLE_LABELS, type Role } from "@/lib/permissions";
import type { ActionState } from "@/lib/api/action-state";

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
  const [email, setEmail] = useState("");
  const [shownState, setShownState] = useState(state);
  if (state !== shownState) {
    // A new invite was made: the address field is cleared so the button cannot send it twice by accident.
    setShownState(state);
    if (state?.ok) setEmail("");
  }
  const created = state?.ok ? (state.data as { token: string; expiresAt: Date; email?: string | null } | undefined) : undefined;
  const link = created && typeof window !== "undefined" ? `${window.location.origin}/invite/${created.token}` : null;
  const roles = ROLES.filter((r) => canInviteOwner || r !== "owner");
  return (
    <div className="grid gap-3">
      <form action={action} className="grid gap-3" noValidate>
        <Field
          label="Email (optional)"
          error={fieldError(state, "email")}
          description="We email the link there; leave empty to share the link yourself."
        >
          <Input
            name="email"
            type="email"
            autoComplete="off"
            placeholder="teammate@example.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label="Role" error={fieldError(state, "role")}>
          {(control) => (
            <Select name="role" defaultValue="member">
              <SelectTrigger {...control} className="w-full sm:w-40">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {roles.map((r) => (
                  <SelectItem key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={pending} className="w-full sm:w-fit">
          {pending ? <Spinner /> : null} {email.trim() ? "Send invite" : "Create invite link"}
        </Button>
      </form>
      {state && !state.ok ? <FormStatus state={state} /> : null}
      {link && created ? (
        <div className="grid gap-2 rounded-lg border bg-muted/40 p-3" data-testid="invite-created">
          <p className="text-sm">
            {created.email ? (
              <>
                Emailed to <strong className="break-all">{created.email}</strong>. You can also share the link yourself.
              </>
            ) : (
              "Share this link with your teammate."
            )}{" "}
            It works once and expires <DateTime value={created.expiresAt} />.
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
  const [, startTransition] = useTransition();
  const [value, setValue] = useState<Role>(role);
  return (
    <div className="flex items-center gap-2">
      <Select
        value={value}
        disabled={pending}
        onValueChange={(next) => {
          setValue(next as Role);
          const form = new FormData();
          form.set("userId", userId);
          form.set("role", next);
          startTransition(() => action(form));
        }}
      >
        <SelectTrigger size="sm" className="w-28" aria-label={`Role of ${name}`}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {ROLES.map((r) => (
            <SelectItem key={r} value={r}>
              {ROLE_LABELS[r]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <InlineError state={state} />
    </div>
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

/**
 * A pending invitation's buttons: Resend (only for one sent by email; a new link, limited to once
 * a minute and a few times in all) and Revoke. Their messages go on a line of their own, under
 * the buttons, so a long one never squeezes the row.
 */
export function PendingInvitationActions({
  teamId,
  invitationId,
  email,
  sendsLeft,
  label,
}: {
  teamId: string;
  invitationId: string;
  email: string | null;
  sendsLeft: number;
  label: string;
}) {
  const [resent, resend, resending] = useActionState(resendInvitationAction.bind(null, teamId, invitationId), null);
  const [revoked, revoke, revoking] = useActionState(revokeInvitationAction.bind(null, teamId, invitationId), null);
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-1">
        {email ? (
          <form action={resend}>
            <Button
              type="submit"
              variant="outline"
              size="sm"
              disabled={resending || sendsLeft === 0}
              aria-label={`Resend the invitation to ${email}`}
            >
              {resending ? <Spinner size="sm" /> : null} Resend
            </Button>
          </form>
        ) : null}
        <form action={revoke}>
          <Button type="submit" variant="ghost" size="sm" disabled={revoking} aria-label={`Revoke ${label}`}>
            Revoke
          </Button>
        </form>
      </div>
      {resent?.ok ? (
        <span role="status" className="text-xs text-muted-foreground">
          {resent.message}
        </span>
      ) : (
        <InlineError state={resent} />
      )}
      <InlineError state={revoked} />
    </div>
  );
}
