"use client";

import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { FormStatus, fieldError } from "@/components/forms/form-status";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Radix items cannot have an empty value: "never" stands for the schema's "" (no expiry). */
const EXPIRY_CHOICES = [
  ["7", "in 7 days"],
  ["30", "in 30 days"],
  ["90", "in 90 days"],
  ["365", "in a year"],
  ["never", "never"],
] as const;
import { createTokenAction, revokeTokenAction } from "@/app/settings/actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const [expiry, setExpiry] = useState("90");
  return (
    <div className="grid gap-3">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="Token name" error={fieldError(state, "name")} className="min-w-56 flex-1">
          <Input name="name" placeholder="e.g. CI pipeline" />
        </Field>
        <input type="hidden" name="expiresInDays" value={expiry === "never" ? "" : expiry} />
        <Field label="Expires" error={fieldError(state, "expiresInDays")} className="w-36">
          {(props, { labelId }) => (
            <Select value={expiry} onValueChange={setExpiry}>
              <SelectTrigger {...props} aria-labelledby={labelId}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {EXPIRY_CHOICES.map(([value, label]) => (
                  <SelectItem key={value} value={value}>
                    {label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={pending}>
          Create token
        </Button>
      </form>
      {state?.ok && state.data ? (
        <Alert variant="success">
          <AlertTitle>Copy your token now: it is shown only once</AlertTitle>
          <AlertDescription>
            <code className="block break-all rounded bg-card px-2 py-1 font-mono text-xs" data-testid="new-token">
              {state.data.token}
            </code>
          </AlertDescription>
        </Alert>
      ) : (
        <FormStatus state={state} />
      )}
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [pending, start] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" disabled={pending} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      }
      title={`Revoke ${name}?`}
      description="Scripts using this token get 401 from their next request. This cannot be undone."
      confirmLabel="Revoke token"
      destructive
      pending={pending}
      onConfirm={() => start(async () => void (await revokeTokenAction(tokenId)))}
    />
  );
}
