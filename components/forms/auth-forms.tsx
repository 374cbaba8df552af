"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NewPasswordInput } from "@/components/forms/password-strength-hint";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { FormStatus, fieldError, keptValue } from "@/components/forms/form-status";
import Link from "next/link";
import { forgotPasswordAction, resetPasswordAction, signInAction, signUpAction } from "@/app/(auth)/actions";

export function SignInForm({ next, defaultEmail }: { next?: string; defaultEmail?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Email" error={fieldError(state, "email")} required>
        <Input name="email" type="email" autoComplete="email" defaultValue={keptValue(state, "email") ?? defaultEmail} />
      </Field>
      <Field label="Password" error={fieldError(state, "password")} required>
        <Input name="password" type="password" autoComplete="current-password" />
      </Field>
      <Link href="/forgot-password" className="-mt-2 w-fit text-sm text-primary hover:underline">
        Forgot your password?
      </Link>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner /> : null} Sign in
      </Button>
    </form>
  );
}

export function SignUpForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field label="Name" error={fieldError(state, "name")} required>
        <Input name="name" autoComplete="name" defaultValue={keptValue(state, "name")} />
      </Field>
      <Field label="Email" error={fieldError(state, "email")} required>
        <Input name="email" type="email" autoComplete="email" defaultValue={keptValue(state, "email")} />
      </Field>
      <Field
        label="Password"
        description="At least 10 characters, and not a common or easily guessed password."
        error={fieldError(state, "password")}
        required
      >
        <NewPasswordInput name="password" />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner /> : null} Create account
      </Button>
    </form>
  );
}

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(forgotPasswordAction, null);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormStatus state={state} />
      <Field label="Email" error={fieldError(state, "email")} required>
        <Input name="email" type="email" autoComplete="email" defaultValue={keptValue(state, "email")} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner /> : null} Send reset link
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      <Field
        label="New password"
        description="At least 10 characters, and not a common or easily guessed password."
        error={fieldError(state, "newPassword")}
        required
      >
        <NewPasswordInput name="newPassword" />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner /> : null} Set new password
      </Button>
    </form>
  );
}
