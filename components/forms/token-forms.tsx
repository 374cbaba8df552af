"use client";

import { useActionState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { FormStatus, fieldError } from "@/components/forms/form-status";
import { createTokenAction, revokeTokenAction } from "@/app/settings/actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <div className="grid gap-3">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="Token name" error={fieldError(state, "name")} className="min-w-56 flex-1">
          <Input name="name" placeholder="e.g. CI pipeline" />
        </Field>
        <Field label="Expires" error={fieldError(state, "expiresInDays")} className="w-36">
          <select name="expiresInDays" defaultValue="90" className="h-9 rounded-md border bg-background px-2 text-sm">
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </Field>
        <Button type="submit" disabled={pending}>Create token</Button>
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
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label={`Revoke ${name}`}
      onClick={() => start(async () => void (await revokeTokenAction(tokenId)))}
    >
      Revoke
    </Button>
  );
}
