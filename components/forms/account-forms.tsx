"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NewPasswordInput } from "@/components/forms/password-strength-hint";
import { Field } from "@/components/ui/field";
import { FormStatus, fieldError, keptValue } from "@/components/forms/form-status";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  updateNameAction,
  updateNotificationPrefsAction,
} from "@/app/settings/actions";

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(updateNameAction, null);
  return (
    <form action={action} className="grid gap-3" noValidate>
      <FormStatus state={state} />
      <Field label="Name" error={fieldError(state, "name")} required>
        <Input name="name" autoComplete="name" defaultValue={keptValue(state, "name") ?? name} />
      </Field>
      <Button type="submit" disabled={pending} className="w-fit">
        Save name
      </Button>
    </form>
  );
}

export function EmailForm({ email, pendingEmail }: { email: string; pendingEmail?: string | null }) {
  const [state, action, pending] = useActionState(changeEmailAction, null);
  return (
    <form action={action} className="grid gap-3" noValidate>
      <FormStatus state={state} />
      <Field
        label="Email"
        description={
          pendingEmail && !state?.ok
            ? `Waiting for you to follow the link sent to ${pendingEmail}. Until then you sign in with ${email}.`
            : "A new address takes effect when you follow the link we send to it."
        }
        error={fieldError(state, "email")}
        required
      >
        <Input name="email" type="email" autoComplete="email" defaultValue={keptValue(state, "email") ?? email} />
      </Field>
      <Field label="Current password" error={fieldError(state, "currentPassword")} required>
        <Input name="currentPassword" type="password" autoComplete="current-password" />
      </Field>
      <Button type="submit" disabled={pending} className="w-fit">
        Send confirmation link
      </Button>
    </form>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="grid gap-3" noValidate>
      <FormStatus state={state} />
      <Field label="Current password" error={fieldError(state, "currentPassword")} required>
        <Input name="currentPassword" type="password" autoComplete="current-password" />
      </Field>
      <Field
        label="New password"
        description="At least 10 characters, and not a common or easily guessed password. Other sessions will be signed out."
        error={fieldError(state, "newPassword")}
        required
      >
        <NewPasswordInput name="newPassword" />
      </Field>
      <Button type="submit" disabled={pending} className="w-fit">
        Change password
      </Button>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  return (
    <form action={action} className="grid gap-3" noValidate>
      <FormStatus state={state} />
      <Field label="Current password" error={fieldError(state, "currentPassword")} required>
        <Input name="currentPassword" type="password" autoComplete="current-password" />
      </Field>
      <Field label="Type DELETE to confirm" error={fieldError(state, "confirm")} required>
        <Input name="confirm" autoComplete="off" />
      </Field>
      <Button type="submit" variant="destructive" disabled={pending} className="w-fit">
        Delete my account
      </Button>
    </form>
  );
}

const KIND_LABELS: Record<string, string> = {
  mention: "Someone mentions you",
  reply: "Someone replies to your comment",
  invited: "You are invited to a team",
  voting_opened: "Voting opens",
  voting_due: "Voting closes in 24 hours and you have not voted",
  revealed: "Ballots are revealed",
  decided: "A decision is recorded",
};
const CHANNEL_LABELS: Record<string, string> = { both: "In app and email", in_app: "In app only", email: "Email only", none: "Off" };

export function NotificationPrefsForm({ prefs }: { prefs: Record<string, string> }) {
  const [state, action, pending] = useActionState(updateNotificationPrefsAction, null);
  return (
    <form action={action} className="grid gap-3" noValidate>
      <FormStatus state={state} />
      {Object.entries(KIND_LABELS).map(([kind, label]) => (
        <Field key={kind} label={label} error={fieldError(state, kind)} className="grid gap-1 sm:grid-cols-[1fr_12rem] sm:items-center">
          {(props, { labelId }) => (
            <Select name={kind} defaultValue={prefs[kind] ?? "both"}>
              <SelectTrigger {...props} aria-labelledby={labelId}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {Object.entries(CHANNEL_LABELS).map(([value, text]) => (
                  <SelectItem key={value} value={value}>
                    {text}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </Field>
      ))}
      <Button type="submit" disabled={pending} className="w-fit">
        Save notification settings
      </Button>
    </form>
  );
}
