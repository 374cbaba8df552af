"use client";

import { useState, useTransition } from "react";
import { MailWarning, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/app/settings/actions";
import type { ActionState } from "@/lib/api/action-state";
import { BANNER_DISMISSED_COOKIE } from "@/components/account/banner-cookie";

function ResendButton({ onResult }: { onResult: (state: ActionState) => void }) {
  const [pending, start] = useTransition();
  return (
    <Button variant="link" size="sm" disabled={pending} onClick={() => start(async () => onResult(await resendVerificationAction()))}>
      Resend link
    </Button>
  );
}

function ResultText({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <span role="status" className={state.ok ? "text-success" : "text-destructive"}>
      {state.message}
    </span>
  );
}

/** In Settings, beside the email: not confirmed yet, with a way to get a fresh link. */
export function VerifyEmailNotice({ email }: { email: string }) {
  const [state, setState] = useState<ActionState>(null);
  return (
    <div
      data-testid="verify-email-notice"
      className="flex items-start gap-2 rounded-md border border-warning/60 bg-warning-soft px-3 py-2 text-sm"
    >
      <MailWarning className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2">
        <span className="min-w-0 break-words">{email} is not confirmed yet. Follow the link we emailed you.</span>
        <ResendButton onResult={setState} />
        <ResultText state={state} />
      </div>
    </div>
  );
}

/**
 * Under the header on every page until the address is confirmed. Dismissing it hides it for this
 * browser session (the Settings notice stays); the server reads the cookie, so it never flashes.
 */
export function VerifyEmailBanner() {
  const [dismissed, setDismissed] = useState(false);
  const [state, setState] = useState<ActionState>(null);
  if (dismissed) return null;
  return (
    <div data-testid="verify-email-banner" className="border-t border-warning/40 bg-warning-soft text-sm">
      <div className="mx-auto flex w-full max-w-6xl items-center gap-2 px-4 py-1 sm:px-6">
        <MailWarning className="size-4 shrink-0" aria-hidden />
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2">
          <span>Please confirm your email address.</span>
          <ResendButton onResult={setState} />
          <ResultText state={state} />
        </div>
        <Button
          variant="ghost"
          size="icon-sm"
          className="shrink-0"
          aria-label="Dismiss"
          onClick={() => {
            document.cookie = `${BANNER_DISMISSED_COOKIE}=1; path=/; SameSite=Lax`;
            setDismissed(true);
          }}
        >
          <X aria-hidden />
        </Button>
      </div>
    </div>
  );
}
